import type {ApiClient} from '../api/client.js';
import {previewRotation} from '../api/rotation.js';
import {nextPollDelayMs} from './rotationProgress.js';
import type {RotationPreview} from './types.js';

export type PollRotation = {
  readonly nodeId: string;
  /** When the rotation was confirmed (ms epoch): the cadence follows its estimate from there. */
  readonly startedAt: number;
  readonly estimateMs: number;
  /** Poll at once instead of waiting for the first slot (after `r`). */
  readonly immediately?: boolean;
  /** `already_pending` turned false: the rotation completed. */
  readonly onDone: (preview: RotationPreview) => void;
  /** A poll failed: `retry` waits for the next slot, `stop` ends polling. */
  readonly onError: (error: unknown) => 'retry' | 'stop';
};

/**
 * Polls a rotation's preview on the shared cadence until `already_pending` turns false; returns
 * the stop function. One home for the loop the result screen and the session registry both run,
 * so an aborted or late answer is ignored the same way in both.
 */
export function pollRotation(client: ApiClient, p: PollRotation): () => void {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => void poll(), nextPollDelayMs(Date.now() - p.startedAt, p.estimateMs));
  };
  const poll = async () => {
    try {
      const {data} = await previewRotation(client, p.nodeId, {signal: controller.signal});
      if (controller.signal.aborted) return;
      if (data.already_pending) schedule();
      else p.onDone(data);
    } catch (e) {
      if (!controller.signal.aborted && p.onError(e) === 'retry') schedule();
    }
  };
  if (p.immediately) void poll();
  else schedule();
  return () => {
    controller.abort();
    clearTimeout(timer);
  };
}
