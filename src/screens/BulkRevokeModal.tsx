import {Box, Text} from 'ink';
import {describeBulkRevoke, type StateCounts} from '../domain/tokenSelection.js';
import {utc} from '../domain/time.js';
import {formatCount} from '../domain/count.js';
import {countOutcomes, type BulkRevokeState, type RevokeResult} from '../hooks/useBulkRevoke.js';
import type {BulkConfirm} from './BulkRevokeFlow.js';
import {Panel} from './shared/Chrome.js';
import {TextField} from './shared/TextField.js';
import {color} from './shared/theme.js';
import {truncate} from './shared/text.js';

type BulkRevokeModalProps = {
  /** STATE of the marked tokens when the modal opened. */
  readonly counts: StateCounts;
  readonly confirm: BulkConfirm;
  readonly run: BulkRevokeState;
  readonly width: number;
  /** Rows of the report's lists (consumed, failed) that fit. */
  readonly listRows: number;
};

const BAR = 30;

/** Confirm (breakdown + typed count), progress, then the report. Pure view. */
export function BulkRevokeModal({counts, confirm, run, width, listRows}: BulkRevokeModalProps) {
  const w = Math.min(width, 100);
  if (run.status === 'idle') {
    const n = counts.live;
    return (
      <Box width={w}>
        <Panel title={`Revoke ${formatCount(n)} marked token${n === 1 ? '' : 's'}?`} tone="danger">
          <Text wrap="wrap">{describeBulkRevoke(counts)}</Text>
          {n === 0 ? <Text color={color('ui.dim')}>Nothing live is marked: any key closes.</Text>
          : n === 1 ? <Text bold>y revoke · any other key cancels</Text>
          : (
            <>
              <Text wrap="wrap">Type <Text bold>{n}</Text> and press Enter; Esc cancels. This cannot be undone.</Text>
              <TextField label="count" value={confirm.typed} focused error={confirm.mismatch ? `type exactly ${n}` : undefined} />
            </>
          )}
        </Panel>
      </Box>
    );
  }
  const n = countOutcomes(run.results);
  const ended = run.results.length;
  const filled = run.total === 0 ? BAR : Math.round((ended / run.total) * BAR);
  const tally = `revoked ${formatCount(n.revoked)} · already revoked ${n.already_revoked} · consumed ${n.consumed} · failed ${n.failed}${n.not_attempted ? ` · not attempted ${n.not_attempted}` : ''}`;
  if (run.status === 'running') {
    return (
      <Box width={w}>
        <Panel title="Revoking…" tone="danger">
          <Text>[{'█'.repeat(filled)}{'░'.repeat(BAR - filled)}] {formatCount(ended)}/{formatCount(run.total)}</Text>
          <Text wrap="truncate">{tally}</Text>
          <Text color={color('ui.dim')}>{run.stopping ? 'Stopping after the requests in flight…' : 'esc stops after the requests in flight'}</Text>
        </Panel>
      </Box>
    );
  }
  const consumed = run.results.filter((r) => r.kind === 'consumed');
  const failed = run.results.filter((r) => r.kind === 'failed');
  return (
    <Box width={w}>
      <Panel title={run.stopped ? 'Bulk revoke stopped' : 'Bulk revoke finished'} tone={n.failed + n.consumed > 0 ? 'danger' : 'focus'}>
        <Text wrap="wrap">{tally} (of {formatCount(run.total)})</Text>
        <Rows title="consumed (too late: a node enrolled with it)" results={consumed} rows={listRows} width={w - 4} />
        <Rows title="failed" results={failed} rows={listRows} width={w - 4} />
        {run.stopped && n.not_attempted > 0 ? <Text wrap="wrap">{n.not_attempted} not attempted: stopped before their request was sent; they are unchanged.</Text> : null}
        <Text color={color('ui.dim')}>{failed.length > 0 ? `r retry the ${failed.length} failed · ` : ''}esc close</Text>
      </Panel>
    </Box>
  );
}

function Rows({title, results, rows, width}: {readonly title: string; readonly results: readonly RevokeResult[]; readonly rows: number; readonly width: number}) {
  if (results.length === 0) return null;
  const shown = results.slice(0, Math.max(1, rows));
  return (
    <Box flexDirection="column">
      <Text color={color(title === 'failed' ? 'status.error' : 'status.warn')}>{title}: {results.length}</Text>
      {shown.map((r) => (
        <Text key={r.token.id} wrap="truncate">{truncate(`  ${r.token.id}  ${detail(r)}`, width)}</Text>
      ))}
      {results.length > shown.length ? <Text color={color('ui.dim')}>  … and {results.length - shown.length} more</Text> : null}
    </Box>
  );
}

function detail(r: RevokeResult): string {
  if (r.kind === 'consumed') return `at ${utc(r.at)}`;
  if (r.kind === 'failed') return r.error.message;
  return '';
}
