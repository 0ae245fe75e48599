import {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import {useApi} from './ApiProvider.js';
import {pollRotation} from './pollRotation.js';
import {useStatus} from './useStatus.js';

/** A rotation confirmed in this console session (single or part of a fleet run). */
export type SessionRotation = {
  readonly nodeId: string;
  readonly label: string;
  readonly fleet: boolean;
  /** Epoch ms the trigger answered; elapsed counts from here. */
  readonly startedAt: number;
  readonly estimateMs: number;
  readonly state: 'pending' | 'completed' | 'failed';
  readonly endedAt?: number;
};

export type RotationRegistry = {
  /** Newest first. */
  readonly rotations: readonly SessionRotation[];
  /** A trigger was answered. `watch`: the registry polls the preview until it completes (a fleet run watches its own). */
  started(r: Omit<SessionRotation, 'state' | 'endedAt'>, watch: boolean): void;
  /** The rotation was observed complete (or failed): announced once on the status line. */
  ended(nodeId: string, ok: boolean): void;
  /** The result screen polls this rotation itself while open: the registry stops its own poll until the release. */
  hold(nodeId: string): () => void;
};

const NONE: RotationRegistry = {rotations: [], started: () => {}, ended: () => {}, hold: () => () => {}};
const RegistryContext = createContext<RotationRegistry>(NONE);

/** The session's rotations, for `:rotations` and the status-line announcement. */
export function useRotationRegistry(): RotationRegistry {
  return useContext(RegistryContext);
}

/**
 * Keeps the session's rotations and announces each completion wherever the operator is.
 * Pending single rotations are polled one request at a time at the result screen's cadence
 * (`nextPollDelayMs`), except while their result screen is open and polls (`hold`); nothing
 * re-renders while a poll says "still pending".
 */
export function RotationRegistryProvider({children}: {readonly children: ReactNode}) {
  const showStatus = useStatus();
  const [rotations, setRotations] = useState<readonly SessionRotation[]>([]);
  const [watched, setWatched] = useState<ReadonlySet<string>>(new Set());
  const [held, setHeld] = useState<ReadonlySet<string>>(new Set());
  const current = useRef(rotations);
  current.current = rotations;

  const started = useCallback<RotationRegistry['started']>((r, watch) => {
    const key = r.nodeId.toLowerCase();
    setRotations((prev) => [{...r, state: 'pending'}, ...prev.filter((p) => p.nodeId.toLowerCase() !== key)]);
    setWatched((prev) => (watch ? new Set(prev).add(key) : prev));
  }, []);

  const ended = useCallback<RotationRegistry['ended']>(
    (nodeId, ok) => {
      const key = nodeId.toLowerCase();
      const found = current.current.find((p) => p.nodeId.toLowerCase() === key);
      setWatched((prev) => (prev.has(key) ? new Set([...prev].filter((k) => k !== key)) : prev));
      if (!found || found.state !== 'pending') return;
      const done: SessionRotation = {...found, state: ok ? 'completed' : 'failed', endedAt: Date.now()};
      current.current = current.current.map((p) => (p === found ? done : p));
      setRotations(current.current);
      showStatus(`rotation of ${found.label} ${ok ? 'completed' : 'failed'}`, ok ? 'ok' : 'error');
    },
    [showStatus],
  );

  const hold = useCallback((nodeId: string) => {
    const key = nodeId.toLowerCase();
    setHeld((prev) => new Set(prev).add(key));
    return () => setHeld((prev) => new Set([...prev].filter((k) => k !== key)));
  }, []);

  const value = useMemo(() => ({rotations, started, ended, hold}), [rotations, started, ended, hold]);
  // One poller per pending rotation: the registry's, or the open result screen's.
  const polled = rotations.filter((r) => r.state === 'pending' && watched.has(r.nodeId.toLowerCase()) && !held.has(r.nodeId.toLowerCase()));
  return (
    <RegistryContext.Provider value={value}>
      {polled.map((r) => (
        <Watcher key={r.nodeId} rotation={r} onDone={ended} />
      ))}
      {children}
    </RegistryContext.Provider>
  );
}

/** Polls one pending rotation's preview until `already_pending` turns false; a failed poll is retried at the next slot. */
function Watcher({rotation, onDone}: {readonly rotation: SessionRotation; readonly onDone: (nodeId: string, ok: boolean) => void}) {
  const client = useApi();
  const {nodeId, startedAt, estimateMs} = rotation;
  useEffect(
    () => pollRotation(client, {nodeId, startedAt, estimateMs, onDone: () => onDone(nodeId, true), onError: () => 'retry'}),
    [client, nodeId, startedAt, estimateMs, onDone],
  );
  return null;
}
