import {Box, Text} from 'ink';
import {formatDuration} from '../domain/duration.js';
import {sanitize} from '../domain/sanitize.js';
import type {PreviewChange, PreviewData} from '../hooks/useRotationPreview.js';
import type {ApiError} from '../hooks/types.js';
import {RotationEdgesTable, type EdgeRow, type EdgeSort} from './RotationEdgesTable.js';
import {Field} from './shared/Field.js';
import {RotationErrorView} from './RotationErrorView.js';
import {LoadingView} from './shared/States.js';
import {color} from './shared/theme.js';

/** Rows the summary above the edge table takes, so the container can size the table window. */
export function summaryRows(data: PreviewData, readOnly: boolean): number {
  return 3 + (data.preview.already_pending ? 1 : 0) + (data.changed ? 1 : 0) + (readOnly ? 1 : 0) + 2;
}

/** `7 → 8 affected peers`, or the pending flag flipping. */
export function describeChange(c: PreviewChange): string {
  const parts: string[] = [];
  if (c.fromCount !== c.toCount) parts.push(`${c.fromCount} → ${c.toCount} affected peers`);
  if (c.fromPending !== c.toPending) parts.push(c.toPending ? 'a rotation is now pending' : 'the pending rotation has finished');
  return parts.join(' · ');
}

export type RotationPreviewViewProps = {
  readonly state: {readonly status: 'loading'} | {readonly status: 'error'; readonly error: ApiError} | {readonly status: 'ready'; readonly data: PreviewData};
  readonly nodeLabel: string;
  /** The edges after the `/` filter and sort. */
  readonly edges: readonly EdgeRow[];
  /** All affected edges. */
  readonly total: number;
  readonly sort: EdgeSort;
  readonly desc: boolean;
  readonly filter: string;
  /** The `/` field is open. */
  readonly typing: boolean;
  readonly selected: number;
  readonly offset: number;
  readonly tableHeight: number;
  readonly width: number;
  readonly readOnly: boolean;
  readonly refreshing: boolean;
  /** The typed confirmation, when open: it takes the place of the edge table. */
  readonly modal?: React.ReactNode;
};

/** The rotation preview (console-ux.md §8): node, peer, impact, banners, and the affected edges. Pure view. */
export function RotationPreviewView(props: RotationPreviewViewProps) {
  const {state, width} = props;
  if (state.status === 'loading') return <LoadingView what="the rotation preview" />;
  if (state.status === 'error') return <RotationErrorView error={state.error} hint="r retry · esc back" />;
  const {preview, nodeId, changed} = state.data;
  const count = preview.affected_peer_count;
  const line = (label: string, value: string) => <Field label={label} labelWidth={8} value={value} width={width} />;
  const shown = props.edges.length;
  const first = shown === 0 ? 0 : props.offset + 1;
  const last = Math.min(shown, props.offset + props.tableHeight);
  const matching = props.filter ? ` · ${shown} of ${props.total} match "${props.filter}"` : '';
  return (
    <Box flexDirection="column">
      {line('Node', props.nodeLabel === nodeId ? nodeId : `${props.nodeLabel}  ${nodeId}`)}
      {line('Peer', sanitize(preview.peer_id))}
      {line('Impact', `${count} affected peer${count === 1 ? '' : 's'} · estimated ${formatDuration(preview.estimated_duration_seconds)}${props.refreshing ? ' · refreshing…' : ''}`)}
      {preview.already_pending ? (
        <Text bold color={color('status.warn')} wrap="truncate">⚠ ALREADY PENDING — a rotation of this node is in flight</Text>
      ) : null}
      {changed ? <Text color={color('status.info')} wrap="truncate">ℹ Changed since the last look: {describeChange(changed)}</Text> : null}
      {props.readOnly ? <Text color={color('ui.dim')} wrap="truncate">READ-ONLY: rotating is disabled in this session</Text> : null}
      <Text> </Text>
      {props.modal ?? (
        <>
          {props.typing ? (
            <Text color={color('ui.focus')} wrap="truncate">/{props.filter}▏ ⏎ keep · esc clear{matching}</Text>
          ) : (
            <Text bold wrap="truncate">
              Affected edges{shown > 0 ? ` ${first}–${last} of ${shown}` : ''}
              <Text color={color('ui.dim')}>{matching || (shown > 1 && props.sort === 'peer' && !props.desc ? ' · by peer name' : '')}</Text>
            </Text>
          )}
          {props.total === 0 ? (
            <Text color={color('ui.dim')}>No edges: the node has no live peers, so rotating re-keys nothing.</Text>
          ) : shown === 0 ? (
            <Text color={color('ui.dim')}>No edge matches the filter (esc clears it).</Text>
          ) : (
            <RotationEdgesTable rows={props.edges} selected={props.selected} offset={props.offset} height={props.tableHeight} width={width} sortKey={props.sort} sortDesc={props.desc} />
          )}
        </>
      )}
    </Box>
  );
}
