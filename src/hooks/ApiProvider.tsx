import {createContext, useContext, type ReactNode} from 'react';
import type {ApiClient} from '../api/client.js';

/** What the header shows about the connection, and whether mutations are allowed. */
export type ConsoleInfo = {
  readonly serverHost: string;
  readonly profileLabel: string;
  readonly readOnly: boolean;
  /** How often lists refresh on their own (ms); 0 = off. Absent in tests: off. */
  readonly refreshMs?: number;
};

type ApiContextValue = {readonly client: ApiClient; readonly info: ConsoleInfo};
const ApiContext = createContext<ApiContextValue | null>(null);

type ApiProviderProps = {readonly client: ApiClient; readonly info: ConsoleInfo; readonly children: ReactNode};

/** Gives every data hook the one API client; tests pass a client pointed at a local sandbox. */
export function ApiProvider({client, info, children}: ApiProviderProps) {
  return <ApiContext.Provider value={{client, info}}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi() outside <ApiProvider>');
  return value;
}

/** The API client from the nearest provider. */
export function useApi(): ApiClient {
  return useApiContext().client;
}

/** Server host, profile label and read-only flag for the header and key filtering. */
export function useConsoleInfo(): ConsoleInfo {
  return useApiContext().info;
}
