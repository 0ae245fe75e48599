// `key rotate`: record a Node mesh-key rotation, or preview its impact with --dry-run.
import type {ApiClient} from '../api/client.js';
import {formatErrorLine} from '../api/errors.js';
import {describeLostTrigger, previewRotation, triggerRotationChecked} from '../api/rotation.js';
import {formatDuration} from '../domain/duration.js';
import {failureFields, failureOutcome} from '../journal/journal.js';
import {ReportedFailure} from './exitCodes.js';
import {requireFlags, uuidFlag} from './flags.js';
import {formatKeyValues, formatPayload, formatTimestamp} from './output.js';
import {fleetNodes, runFleetRotate, waveFlag} from './keyRotateFleet.js';
import type {Verb, VerbContext} from './types.js';

/** GET only: a preview must never record a rotation. */
async function preview(ctx: VerbContext, client: ApiClient, node: string): Promise<number> {
  const res = await previewRotation(client, node);
  if (ctx.global.output !== 'text') {
    await ctx.out(formatPayload(ctx.global.output, res.raw));
    return 0;
  }
  const p = res.data;
  // The edge list stays out of text (plexctl collapses it into the count); json/yaml has it.
  await ctx.out(
    formatKeyValues([
      ['node', p.node_id],
      ['peer', p.peer_id],
      ['affected_peers', p.affected_peer_count],
      ['already_pending', p.already_pending],
      ['estimated_duration', formatDuration(p.estimated_duration_seconds)],
    ]),
  );
  return 0;
}

async function trigger(ctx: VerbContext, client: ApiClient, node: string): Promise<number> {
  let checked;
  try {
    checked = await triggerRotationChecked(client, node);
  } catch (e) {
    await ctx.journal().record({action: 'rotate', targets: {node_id: node}, outcome: failureOutcome(e), ...failureFields(e)});
    throw e;
  }
  if (checked.sent !== true) {
    await ctx.journal().record({action: 'rotate', targets: {node_id: node}, outcome: 'unknown', ...failureFields(checked.error)});
    // The POST may have arrived; it was not re-sent. Say what the preview shows, honestly:
    // a pending rotation is the state the operator asked for (exit 0), anything else is not.
    const check = checked.checkError ? ` (${formatErrorLine(checked.checkError)})` : '';
    await ctx.err(`plexconsole: ${formatErrorLine(checked.error)}; ${describeLostTrigger(checked)}${check}\n`);
    if (checked.pending === true) return 0;
    throw new ReportedFailure(1);
  }
  const res = checked.response;
  const h = res.data;
  await ctx.journal().record({
    action: 'rotate',
    targets: {node_id: node, ...(h.rotation_id ? {rotation_id: h.rotation_id} : {})},
    outcome: h.already_pending ? 'already_pending' : 'requested',
    status: res.status,
  });
  const pendingNote = `rotation already pending for node ${node}; nothing new was recorded\n`;
  if (ctx.global.output !== 'text') {
    // plexctl treats the docs' 409 already_pending as an error that exits 0, so stdout
    // carries no payload then; a 200 handle is printed verbatim.
    if (res.status === 409) await ctx.err(`plexconsole: ${pendingNote}`);
    else await ctx.out(formatPayload(ctx.global.output, res.raw));
    return 0;
  }
  await ctx.out(
    formatKeyValues([
      ['rotation_id', h.rotation_id],
      ['peer_id', h.peer_id],
      ['node_id', h.node_id],
      ['state', h.state],
      ['already_pending', h.already_pending],
      ['requested_at', h.requested_at ? formatTimestamp(h.requested_at) : undefined],
    ]) + (h.already_pending ? pendingNote : ''),
  );
  return 0;
}

export const keyRotate: Verb = {
  path: ['key', 'rotate'],
  family: 'key',
  summary: "Rotate a Node's mesh keys, or preview the impact with --dry-run",
  synopsis: 'key rotate --node UUID [--node UUID …] [--nodes-file F] [--wave N] [--dry-run | --preview]',
  flagHelp: [
    '--node UUID         Node whose mesh keys to rotate (required; repeat for a fleet)',
    '--dry-run           Fetch the impact preview; record nothing (alias --preview)',
    '--nodes-file F      Fleet: Node ids, one per line (# comments allowed)',
    '--wave N            Fleet: Nodes rotated at once (default 1)',
  ],
  notes: [
    'text: the rotation handle as key: value lines, and a sentence when a rotation was',
    'already pending (an idempotent no-op, exit 0). --dry-run text: node, peer,',
    'affected_peers, already_pending, estimated_duration; json/yaml add the edge list.',
    'Exit 4 on node_not_found, 77 on a ReBAC denial, 64 when the server lacks rotation.',
    'The POST is sent once, never retried. If its answer is lost, the preview is read and',
    "stderr says whether a rotation is pending (exit 0: it may be the one just sent) or not (exit 1).",
    '',
    'Fleet (several --node, --nodes-file or --wave): previews every Node, plans waves so',
    'that no two Nodes sharing an edge rotate together, starts the next wave only when',
    "the previous one completed (its preview's already_pending turned false) and stops at",
    'the first failure (a trigger error, or still pending past its estimate plus a margin),',
    'naming the Node and the ones left. text: a line per Node as it ends and a summary;',
    'json/yaml: one record per Node. --dry-run prints the plan. Exit 0 only if every Node',
    'completed, 1 otherwise; a failing preview exits as for one Node and rotates nothing.',
  ].join('\n'),
  options: {
    node: {type: 'string', multiple: true},
    'dry-run': {type: 'boolean'},
    preview: {type: 'boolean'},
    'nodes-file': {type: 'string'},
    wave: {type: 'string'},
  },
  async run(ctx) {
    const {values, verb} = ctx;
    const dryRun = values['dry-run'] === true || values.preview === true;
    const nodes = Array.isArray(values.node) ? (values.node as string[]) : [];
    if (nodes.length > 1 || values['nodes-file'] !== undefined || values.wave !== undefined) {
      const fleet = await fleetNodes(values, verb);
      return runFleetRotate(ctx, fleet, waveFlag(values, verb), dryRun);
    }
    // One Node: plexctl's form, unchanged (a repeated --node would be a fleet).
    const single = {...values, node: nodes[0]};
    requireFlags(single, ['node'], verb);
    const node = uuidFlag(single, 'node', verb);

    const client = await ctx.connect();
    return dryRun ? preview(ctx, client, node) : trigger(ctx, client, node);
  },
};
