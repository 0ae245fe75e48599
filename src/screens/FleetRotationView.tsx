import {Box, Text} from 'ink';
import {formatDuration} from '../domain/duration.js';
import {sanitize} from '../domain/sanitize.js';
import type {FleetState, NodeProgress} from '../hooks/useFleetRotation.js';
import {Panel} from './shared/Chrome.js';
import {TextField} from './shared/TextField.js';
import {color, type Role} from './shared/theme.js';
import {truncate} from './shared/text.js';

type Ready = Extract<FleetState, {status: 'ready'}>;
type Run = Extract<FleetState, {status: 'running' | 'done'}>;

/** The aggregate preview and the typed confirmation (the number of Nodes). Pure view. */
export function FleetPreviewView({state, labels, waveSize, typed, mismatch, width}: {
  readonly state: Ready;
  readonly labels: Readonly<Record<string, string>>;
  readonly waveSize: number;
  readonly typed: string;
  readonly mismatch: boolean;
  readonly width: number;
}) {
  const s = state.summary;
  const pending = s.alreadyPending.map((id) => label(labels, id));
  return (
    <Box flexDirection="column" width={Math.min(width, 100)}>
      <Panel title={`Rotate the mesh keys of ${s.nodes} nodes?`} tone="danger">
        <Text wrap="truncate">nodes              {s.nodes}</Text>
        <Text wrap="truncate">affected edges     {s.affectedEdges}</Text>
        <Text wrap="truncate">distinct peers     {s.distinctPeers}</Text>
        <Text wrap="truncate">longest estimate   {formatDuration(s.longestEstimateSeconds)}</Text>
        <Text wrap="truncate">already pending    {pending.length > 0 ? truncate(pending.join(', '), width - 24) : 'none'}</Text>
        <Text wrap="truncate">wave size          {waveSize} <Text color={color('ui.dim')}>(+/- ; nodes sharing an edge never rotate together)</Text></Text>
        <Text> </Text>
        <Text wrap="wrap">Type <Text bold>{s.nodes}</Text> (the number of nodes) and press Enter; Esc goes back. This cannot be undone.</Text>
        <TextField label="count" value={typed} focused error={mismatch ? `type exactly ${s.nodes}` : undefined} />
      </Panel>
    </Box>
  );
}

/** Live progress per Node, wave by wave, and the report once done. Pure view. */
export function FleetRunView({state, labels, rows, width}: {readonly state: Run; readonly labels: Readonly<Record<string, string>>; readonly rows: number; readonly width: number}) {
  const ended = [...state.progress.values()].filter((p) => p.kind === 'ended');
  const n = (k: string) => ended.filter((p) => p.kind === 'ended' && p.outcome.kind === k).length;
  const failed = ended.find((p) => p.kind === 'ended' && p.outcome.kind === 'failed');
  const order = state.waves.flat();
  const shown = order.slice(0, Math.max(1, rows - 4));
  const waveOf = new Map(state.waves.flatMap((w, i) => w.map((id): [string, number] => [id, i + 1])));
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" bold>
        {state.status === 'done' ? 'Fleet rotation finished' : state.stopping ? `Stopping after wave ${state.wave}…` : `Wave ${state.wave}/${state.waves.length}`}
        {` · completed ${n('completed')} · failed ${n('failed')} · not started ${n('not_started')} · of ${order.length}`}
      </Text>
      {failed?.kind === 'ended' && failed.outcome.kind === 'failed' ? (
        <Text color={color('status.error')} wrap="wrap">✗ stopped: {label(labels, failed.outcome.nodeId)} failed: {failed.outcome.reason}</Text>
      ) : null}
      <Text color={color('ui.dim')} wrap="truncate">{'WAVE  NODE'.padEnd(38)}STATUS</Text>
      {shown.map((id) => {
        const p = state.progress.get(id) ?? {kind: 'waiting'};
        const [role, text] = status(p);
        return (
          <Text key={id} wrap="truncate">
            {String(waveOf.get(id) ?? '').padEnd(6)}{truncate(label(labels, id), 30).padEnd(32)}<Text color={color(role)}>{truncate(text, Math.max(10, width - 40))}</Text>
          </Text>
        );
      })}
      {order.length > shown.length ? <Text color={color('ui.dim')}>… {order.length - shown.length} more</Text> : null}
    </Box>
  );
}

function status(p: NodeProgress): [Role, string] {
  if (p.kind === 'waiting') return ['ui.dim', 'waiting'];
  if (p.kind === 'rotating') return ['status.info', `rotating… ${formatDuration(Math.round((Date.now() - p.since) / 1000))}`];
  const o = p.outcome;
  if (o.kind === 'completed') return ['status.ok', `✓ completed in ${formatDuration(Math.round(o.elapsedMs / 1000))}${o.assumed ? ' (assumed: no preview)' : ''}`];
  if (o.kind === 'failed') return ['status.error', `✗ failed: ${o.reason}`];
  return ['ui.dim', 'not started'];
}

const label = (labels: Readonly<Record<string, string>>, id: string): string => sanitize(labels[id] ?? id);
