// Test-only faults the sandbox can inject, so a fleet rotation can be made to fail midway
// against the real control plane: the trigger answers a 500 Problem (the one 5xx the
// contract declares for it), or the rotation is
// recorded but stays pending well past its estimate (the Node never reports its new key).
import type {App} from './app.js';
import {HttpError} from './problems.js';
import {isUuid} from './ids.js';

export type RotationFault = '500' | 'stuck';
export const ROTATION_FAULTS: readonly RotationFault[] = ['500', 'stuck'];

/** What tests (and `plexconsole sandbox --fail-rotation`) may arm. */
export type Faults = {
  /** Arms a fault for the Node with this id, or with this name. */
  failRotation(node: string, fault: RotationFault): void;
  clear(): void;
};

// Keyed by the App, so two sandboxes in one test process never share faults.
const armed = new WeakMap<App, Map<string, RotationFault>>();

export function faultsFor(app: App): Faults {
  const map = new Map<string, RotationFault>();
  armed.set(app, map);
  return {
    failRotation: (node, fault) => void map.set(isUuid(node) ? node.toLowerCase() : node, fault),
    clear: () => map.clear(),
  };
}

function faultOf(app: App, nodeId: string): RotationFault | undefined {
  const map = armed.get(app);
  if (!map || map.size === 0) return undefined;
  const byId = map.get(nodeId.toLowerCase());
  if (byId) return byId;
  const row = app.store.get('SELECT name FROM nodes WHERE id = ?', [nodeId.toLowerCase()]);
  return typeof row?.name === 'string' ? map.get(row.name) : undefined;
}

/** Before the trigger records anything: a `500` fault answers instead. */
export function rotationTriggerFault(app: App, nodeId: string): void {
  if (faultOf(app, nodeId) === '500') throw new HttpError(500, 'internal', 'injected fault: internal error');
}

// A day: far past any estimate and any client's margin.
const STUCK_MS = 86_400_000;

/** After the trigger recorded a rotation: a `stuck` fault keeps it pending. */
export async function holdStuckRotation(app: App, nodeId: string, rotationId: string): Promise<void> {
  if (faultOf(app, nodeId) !== 'stuck') return;
  await app.store.mutate(() =>
    app.store.run("UPDATE rotations SET completes_at = ? WHERE id = ? AND state = 'pending'", [app.clock.now() + STUCK_MS, rotationId]),
  );
}
