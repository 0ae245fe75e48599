import {useCallback, useEffect, useMemo} from 'react';
import {useConsoleInfo} from '../hooks/ApiProvider.js';
import {deniedMessage, useDenials} from '../hooks/denials.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {resolveSelection} from '../hooks/listSelection.js';
import {useNavigation, useViewState} from '../hooks/navigation.js';
import {nextFlip, rowToken, TOKEN_SORTS, type TokenRow} from '../hooks/tokenRoster.js';
import {createRosterView} from '../hooks/tokenRosterView.js';
import {useClock} from '../hooks/useClock.js';
import {useKeys} from '../hooks/useKeys.js';
import {useStatus} from '../hooks/useStatus.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {useTokens} from '../hooks/useTokens.js';
import {BulkRevokeDialog} from './BulkRevokeDialog.js';
import {useAutoRefresh} from '../hooks/useAutoRefresh.js';
import {useRosterRefresh} from '../hooks/useRosterRefresh.js';
import {useStaleness} from '../hooks/useStaleness.js';
import {IssueDialog} from './IssueDialog.js';
import {RevokeDialog} from './RevokeDialog.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';
import {SkippedNotice, skippedRows} from './shared/SkippedNotice.js';
import {EmptyView, ErrorView, LoadingView} from './shared/States.js';
import {useCopy} from './TokenCopy.js';
import {closeModal, initialTokens, selectIssued, tokenSortDesc, tokensKey, type TokensState} from './TokensReducer.js';
import {tokensHeadLines, TokensView} from './TokensView.js';

// In footer priority order: what cannot fit at 80 columns is dropped from the end (`?` lists all).
const LIST_KEYS: BindingId[] = ['list.open', 'tokens.issue', 'tokens.revoke', 'list.mark', 'list.markAll', 'list.filter', 'tokens.stateFilter', 'list.sort', 'list.refresh', 'tokens.copy', 'nav.back', 'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.first', 'list.last', 'list.reverse'];
const FILTER_KEYS: BindingId[] = ['filter.apply', 'filter.clear'];
const ERROR_KEYS: BindingId[] = ['error.retry', 'nav.back'];
const NO_ROWS: readonly TokenRow[] = [];
const keyOf = (r: TokenRow) => r.id;
/** The marked tokens among all rows (the filter may hide some), in one pass. */
const markedTokens = (rows: readonly TokenRow[], marks: readonly string[]) => {
  const set = new Set(marks);
  return rows.filter((r) => set.has(r.id)).map(rowToken);
};

/** The Tokens roster of one Project, with the issue and revoke modals over it. */
export function TokensScreen({project, select}: {readonly project: string; readonly select?: string}) {
  const nav = useNavigation();
  const showStatus = useStatus();
  const copy = useCopy();
  const {readOnly} = useConsoleInfo();
  const denials = useDenials();
  const size = useTerminalSize();
  const roster = useTokens(project);
  const data = roster.status === 'ready' ? roster.data : undefined;
  const rows = data?.rows ?? NO_ROWS;
  // New rows (a reload, a patch) get a fresh `now`: a minute-old clock would call a token issued a second ago "in 3s".
  const rowsAt = useMemo(() => Date.now(), [rows]);
  // Re-render exactly when the next live token expires, not just on the minute.
  const nextExpiry = useCallback(() => nextFlip(rows, Date.now()), [rows]);
  const now = Math.max(useClock(60_000, nextExpiry), rowsAt);
  const [state, setState] = useViewState<TokensState>(() => initialTokens(select));
  const {list, mode} = state;
  // Only a Project that resolved becomes the one `2` and `:tokens` return to: a failed `:tokens nope` must not stick.
  const resolved = data !== undefined;
  useEffect(() => {
    if (resolved) nav.rememberProject(project);
  }, [resolved, project]); // eslint-disable-line react-hooks/exhaustive-deps

  const viewOf = useMemo(createRosterView, []);
  const {visible, counts} = viewOf({rows, sort: list.sort, desc: list.desc, filter: list.filter, state: state.stateFilter, now});
  const typing = mode.kind === 'filter';
  const bodyRows = Math.max(3, size.rows - FRAME_CHROME_ROWS);
  const target = useMemo(() => (data?.complete ? {projectId: data.project.id, rows} : undefined), [data?.complete, data?.project.id, rows]);
  const live = useRosterRefresh(target, roster.setRows);
  const failed = live.refreshError !== undefined;
  const tableRows = Math.max(1, bodyRows - skippedRows(data?.skipped) - tokensHeadLines({typing, filter: list.filter, stateFilter: state.stateFilter, failed}) - 1);
  useCapture(mode.kind !== 'list');
  const active = useScreenActive();
  const at = resolveSelection(list.sel, visible, keyOf, tableRows);
  // Re-reads the rows on screen by id (plus the newest page, or everything for a small roster).
  const onScreen = () => visible.slice(at.offset, at.offset + tableRows).map((r) => r.id);
  const refreshMs = useAutoRefresh(() => live.refresh(onScreen()), active && mode.kind === 'list' && target !== undefined);
  const staleness = useStaleness(live, refreshMs);

  useKeys((press) => {
    if (roster.status === 'error') {
      if (matches('error.retry', press.name)) roster.reload();
      else if (matches('nav.back', press.name)) nav.back();
      return;
    }
    const denied = data && {issue: denials.reason(data.project.id, 'issue'), revoke: denials.reason(data.project.id, 'revoke')};
    const out = tokensKey(state, press, {rows: visible, keyOf, height: tableRows, sorts: TOKEN_SORTS, descFor: tokenSortDesc, readOnly, denied});
    if (!out) return;
    setState(out.state);
    const e = out.effect;
    if (e?.kind === 'back') nav.back();
    else if (e?.kind === 'refresh') failed ? live.refresh(onScreen()) : roster.reload(); // r retries a failed refresh over the data shown
    else if (e?.kind === 'copy') copy.tokenId(e.row.id);
    else if (e?.kind === 'denied') showStatus(deniedMessage(e.what, e.why), 'warn');
    else if (e?.kind === 'readOnly') showStatus(`READ-ONLY session: ${e.what} is disabled (started with --read-only)`, 'warn');
    else if (e?.kind === 'open' && data) nav.push({name: 'tokenDetail', projectId: data.project.id, tokenId: e.row.id});
  }, active && (mode.kind === 'list' || mode.kind === 'filter'));

  const slug = data?.project.slug;
  const modal = !data ? undefined
    : mode.kind === 'issue' ? (
      <IssueDialog
        projectId={data.project.id}
        projectSlug={slug ?? project}
        columns={size.columns}
        onDone={(id) => {
          if (id === undefined) return setState(closeModal(state));
          live.touch(id);
          setState(selectIssued(state, id));
          roster.reload();
        }}
      />
    ) : mode.kind === 'bulkRevoke' ? (
      <BulkRevokeDialog
        projectId={data.project.id}
        tokens={markedTokens(rows, state.marks)}
        columns={size.columns}
        rows={Math.max(3, size.rows - FRAME_CHROME_ROWS)}
        onRan={roster.reload}
        onClose={(ran) => setState({...closeModal(state), marks: ran ? [] : state.marks})}
      />
    ) : mode.kind === 'revoke' ? (
      <RevokeDialog projectId={data.project.id} token={mode.token} now={now} onRevoked={(t) => (live.touch(t.id), roster.patch(t))} onClose={() => setState(closeModal(state))} />
    ) : undefined;
  const bindings = roster.status === 'error' ? ERROR_KEYS : typing ? FILTER_KEYS : LIST_KEYS;
  return (
    <ScreenFrame view="tokens" projectSlug={slug} bindings={bindings}>
      {(frameRows, columns) => (
        <>
          {/* Tokens the reader skipped are counted on a line of their own (tolerant reader). */}
          <SkippedNotice skipped={data?.skipped} noun="token" />
          {roster.status === 'loading' ? <LoadingView what={`tokens of ${project}`} />
          : roster.status === 'error' ? <ErrorView error={roster.error} hint="r retry · esc back" />
          : rows.length === 0 && !modal && roster.loading === undefined ? <EmptyView message={`No bootstrap tokens in ${slug ?? project} yet.`} hint={readOnly ? 'r refresh · esc back' : 'n issues one · r refresh · esc back'} />
          : <TokensView counts={counts} total={rows.length} loading={roster.loading} truncated={roster.data.truncated} visible={visible} index={at.index} offset={at.offset} sort={list.sort} desc={list.desc} filter={list.filter} typing={typing} marks={state.marks} staleness={staleness} stateFilter={state.stateFilter} now={now} rows={frameRows - skippedRows(data?.skipped)} columns={columns} modal={modal} />}
        </>
      )}
    </ScreenFrame>
  );
}
