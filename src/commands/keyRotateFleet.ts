// `key rotate --node A --node B … [--wave N] [--nodes-file F] [--dry-run]`: a fleet in waves.
import {readFile} from 'node:fs/promises';
import {FleetPreviewError, fleetWaves, previewFleet, runFleet, summariseFleet, type FleetOutcome} from '../api/fleetRotation.js';
import type {RotationPreview} from '../api/schemas.js';
import {formatDuration} from '../domain/duration.js';
import {isUuid} from '../domain/validate.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {exitCodeFor, ReportedFailure, UsageError} from './exitCodes.js';
import {str, type FlagValues} from './flags.js';
import {formatErrorLine} from '../api/errors.js';
import {formatPayload} from './output.js';
import type {VerbContext} from './types.js';

/** Every --node and every line of --nodes-file (blank lines and `#` comments skipped), de-duplicated. */
export async function fleetNodes(values: FlagValues, verb: string): Promise<string[]> {
  const flags = Array.isArray(values.node) ? (values.node as string[]) : typeof values.node === 'string' ? [values.node] : [];
  const ids = flags.map((n) => {
    if (!isUuid(n)) throw new UsageError(`--node ${JSON.stringify(n)} is not a UUID`, verb);
    return n;
  });
  const file = str(values, 'nodes-file');
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read --nodes-file ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, verb);
    }
    text.split('\n').forEach((raw, i) => {
      const line = raw.replace(/#.*/, '').trim();
      if (line === '') return;
      if (!isUuid(line)) throw new UsageError(`--nodes-file ${file} line ${i + 1}: ${JSON.stringify(line.slice(0, 60))} is not a UUID`, verb);
      ids.push(line);
    });
  }
  if (ids.length === 0) throw new UsageError('required flag --node (or --nodes-file) not set', verb);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

export function waveFlag(values: FlagValues, verb: string): number {
  const v = str(values, 'wave');
  if (v === undefined) return 1;
  const n = /^\d+$/.test(v) ? Number(v) : NaN;
  if (!(n >= 1 && n <= 1000)) throw new UsageError(`--wave must be a whole number of nodes, at least 1, not ${JSON.stringify(v)}`, verb);
  return n;
}

function planText(previews: readonly RotationPreview[], waves: readonly string[][]): string {
  const s = summariseFleet(previews);
  return (
    `nodes: ${s.nodes}\naffected_edges: ${s.affectedEdges}\ndistinct_peers: ${s.distinctPeers}\n` +
    `longest_estimate: ${formatDuration(s.longestEstimateSeconds)}\nalready_pending: ${s.alreadyPending.length > 0 ? s.alreadyPending.join(',') : 'none'}\n` +
    waves.map((w, i) => `wave ${i + 1}/${waves.length}: ${w.join(' ')}\n`).join('')
  );
}

function line(o: FleetOutcome, waves: number): string {
  const at = `${o.nodeId} wave ${o.wave}/${waves}`;
  if (o.kind === 'completed') {
    const how = o.assumed ? 'assumed complete after its estimate (no preview on this server)' : `in ${formatDuration(Math.round(o.elapsedMs / 1000))}`;
    return `completed    ${at} ${how}${o.handle.already_pending ? ' (was already pending)' : ''}\n`;
  }
  if (o.kind === 'failed') return `failed       ${at}: ${o.reason}\n`;
  return `not started  ${at}\n`;
}

function record(o: FleetOutcome): Record<string, unknown> {
  return {
    node_id: o.nodeId,
    wave: o.wave,
    outcome: o.kind,
    ...(o.kind !== 'not_started' && o.handle?.rotation_id ? {rotation_id: o.handle.rotation_id} : {}),
    ...(o.kind === 'completed' ? {already_pending: o.handle.already_pending, elapsed_seconds: Math.round(o.elapsedMs / 1000), assumed: o.assumed} : {}),
    ...(o.kind === 'failed' ? {reason: o.reason, ...failureFields(o.error)} : {}),
  };
}

/** Plans, then (unless --dry-run) rotates wave by wave; exit 0 only if every Node completed. */
export async function runFleetRotate(ctx: VerbContext, nodes: string[], waveSize: number, dryRun: boolean): Promise<number> {
  const client = await ctx.connect();
  const mode = ctx.global.output;
  let previews: RotationPreview[];
  try {
    previews = await previewFleet(client, nodes);
  } catch (e) {
    if (!(e instanceof FleetPreviewError)) throw e;
    await ctx.err(`plexconsole: preview of node ${e.nodeId} failed, nothing was rotated: ${formatErrorLine(e.error)}\n`);
    throw new ReportedFailure(exitCodeFor(e.error, 'key'));
  }
  const waves = fleetWaves(previews, waveSize);
  const waveOf = new Map(waves.flatMap((w, i) => w.map((id): [string, number] => [id, i + 1])));
  if (dryRun) {
    if (mode === 'text') await ctx.out(planText(previews, waves));
    else await ctx.out(formatPayload(mode, previews.map((p) => ({node_id: p.node_id, wave: waveOf.get(p.node_id), affected_peer_count: p.affected_peer_count, already_pending: p.already_pending, estimated_duration_seconds: p.estimated_duration_seconds}))));
    return 0;
  }
  // The global Web Crypto, loaded on first use: importing node:crypto here cost every verb's start-up.
  const batch = crypto.randomUUID();
  const pending: Promise<void>[] = [];
  const outcomes = await runFleet(client, previews, {
    waveSize,
    onEvent: (e) => {
      if (e.type === 'triggered') {
        const targets = {node_id: e.nodeId, ...(e.handle.rotation_id ? {rotation_id: e.handle.rotation_id} : {})};
        pending.push(ctx.journal().record({action: 'rotate', targets, outcome: e.handle.already_pending ? 'already_pending' : 'requested', status: e.status, batch}));
      } else if (e.type === 'trigger-failed') {
        pending.push(ctx.journal().record({action: 'rotate', targets: {node_id: e.nodeId}, outcome: failureOutcome(e.error), batch, ...failureFields(e.error)}));
      } else if (e.type === 'done' && mode === 'text') pending.push(ctx.out(line(e.outcome, waves.length)));
    },
  });
  await Promise.all(pending);
  const left = outcomes.filter((o) => o.kind === 'not_started');
  if (mode === 'text') {
    await ctx.out(left.map((o) => line(o, waves.length)).join(''));
    const n = (k: FleetOutcome['kind']) => outcomes.filter((o) => o.kind === k).length;
    await ctx.out(`completed ${n('completed')} · failed ${n('failed')} · not started ${n('not_started')} (${outcomes.length} nodes, ${waves.length} waves)\n`);
  } else await ctx.out(formatPayload(mode, outcomes.map(record)));
  const failed = outcomes.find((o) => o.kind === 'failed');
  if (failed?.kind === 'failed') {
    const resume = left.length > 0 ? `; resume with: ${left.map((o) => `--node ${o.nodeId}`).join(' ')}` : '';
    await ctx.err(`plexconsole: stopped: node ${failed.nodeId} failed: ${failed.reason}${resume}\n`);
  }
  return outcomes.every((o) => o.kind === 'completed') ? 0 : 1;
}
