import {createContext, useContext} from 'react';

export type StatusTone = 'info' | 'ok' | 'warn' | 'error';
export type StatusMessage = {readonly text: string; readonly tone: StatusTone; readonly id: number};

/** Shows a short-lived message on the status line. Never pass a secret here. */
export type ShowStatus = (text: string, tone?: StatusTone) => void;

export const StatusContext = createContext<ShowStatus>(() => {});

/** The status-line setter from the app. */
export function useStatus(): ShowStatus {
  return useContext(StatusContext);
}
