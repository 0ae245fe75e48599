import type {RotationHandle} from './types.js';

/** What the confirmation hands the result screen: the trigger's answer and when it came. */
export type RotationHandoff = {
  readonly nodeId: string;
  readonly handle: RotationHandle;
  /** HTTP status of the trigger (200, or 409 for the plexctl-docs `already_pending` Problem). */
  readonly status: number;
  /** Epoch ms when the trigger answered; progress is measured from here. */
  readonly triggeredAt: number;
  /** Affected peers in the preview the operator confirmed. */
  readonly edgeCount: number;
};

// The result screen is a separate route (`nav.replace`), and routes carry only plain
// fields, so the one POST's answer travels here, keyed by node. The result screen reads
// it instead of POSTing again: a second POST would come back `already_pending` and the
// screen would misreport a fresh rotation as an old one.
const handoffs = new Map<string, RotationHandoff>();

/** Records a trigger's answer for the result screen. */
export function rememberRotation(h: RotationHandoff): void {
  handoffs.set(h.nodeId.toLowerCase(), h);
}

/** The last trigger answer for `nodeId`, if this console triggered one. */
export function recallRotation(nodeId: string): RotationHandoff | undefined {
  return handoffs.get(nodeId.toLowerCase());
}

const SECOND = 1000;

/**
 * When to poll the preview next. Before the estimate: a few times (every quarter of it, at
 * least 2 s apart) and once just after it; then every 2 s; when long overdue, every 5 s and
 * later 10 s. Enough to notice completion promptly without hammering the control plane.
 */
export function nextPollDelayMs(elapsedMs: number, estimateMs: number): number {
  const untilEstimate = estimateMs - elapsedMs;
  if (untilEstimate > 0) return Math.min(Math.max(2 * SECOND, estimateMs / 4), untilEstimate + 250);
  const overdue = -untilEstimate;
  if (overdue < estimateMs + 10 * SECOND) return 2 * SECOND;
  if (overdue < 3 * estimateMs + 60 * SECOND) return 5 * SECOND;
  return 10 * SECOND;
}

/** Whether the rotation has clearly outrun its estimate (a hint, not a guarantee), so the screen should say so. */
export function isOverdue(elapsedMs: number, estimateMs: number): boolean {
  return elapsedMs > estimateMs * 1.5 + 5 * SECOND;
}

/** Progress in [0, 1]: elapsed over the estimate, held at 0.99 until completion is observed. */
export function progressFraction(elapsedMs: number, estimateMs: number, done: boolean): number {
  if (done) return 1;
  if (estimateMs <= 0) return 0.99;
  return Math.min(0.99, Math.max(0, elapsedMs / estimateMs));
}

/** How often the bar repaints: one cell's worth of time, between 500 ms and 1 s. */
export function barTickMs(estimateMs: number, cells = 40): number {
  return Math.min(SECOND, Math.max(500, Math.round(estimateMs / cells)));
}
