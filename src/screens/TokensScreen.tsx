import {useEffect, useMemo, useRef, useState} from 'react';
import {useConsoleInfo} from '../hooks/ApiProvider.js';
import {useCapture, useScreenActive} from '../hooks/inputLayer.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useNavigation} from '../hooks/navigation.js';
import {FIRST_ROW, moveSelection, resolveSelection, selectedRow, useSyncState, type Selection} from '../hooks/listSelection.js';
import {nextFlip, STATE_FILTERS, TOKEN_SORTS, type StateFilter, type TokenRow, type TokenSort} from '../hooks/tokenRoster.js';
import {createRosterView} from '../hooks/tokenRosterView.js';
import type {BootstrapToken} from '../hooks/types.js';
import {useClock} from '../hooks/useClock.js';
import {useIssueToken} from '../hooks/useIssueToken.js';
import {useKeys, type KeyPress} from '../hooks/useKeys.js';
import {listMoveFor} from '../hooks/listWindow.js';
import {useRevokeToken} from '../hooks/useRevokeToken.js';
import {useStatus} from '../hooks/useStatus.js';
import {useTerminalSize} from '../hooks/useTerminalSize.js';
import {useTokens} from '../hooks/useTokens.js';
import {IssueForm} from './IssueForm.js';
import {PlaintextModal} from './PlaintextModal.js';
import {RevokeConfirm} from './RevokeConfirm.js';
import {FRAME_CHROME_ROWS, ScreenFrame} from './shared/ScreenFrame.js';
import {SkippedNotice, skippedRows} from './shared/SkippedNotice.js';
import {EmptyView, ErrorView, LoadingView} from './shared/States.js';
import {editText} from './shared/TextField.js';
import {useCopy} from './TokenCopy.js';
import {NEW_ISSUE_FORM, checkIssueForm, issueFormKey, type IssueForm as Form} from './TokenIssueFormState.js';
import {revokeKey, revokeNotice} from './TokenRevokeFlow.js';
import {tokensHeadLines, TokensView} from './TokensView.js';

type Ui = {
  readonly mode: 'list' | 'filter' | 'issue' | 'revoke';
  readonly sel: Selection;
  readonly sort: TokenSort;
  readonly desc: boolean;
  readonly filter: string;
  readonly draft: string;
  readonly stateFilter: StateFilter;
  readonly form: Form;
  /** The plaintext modal's "Close? (y/N)" is showing. */
  readonly closing: boolean;
  readonly target?: BootstrapToken;
};

const LIST_KEYS: BindingId[] = ['list.open', 'list.filter', 'tokens.stateFilter', 'list.sort', 'list.refresh', 'tokens.copy', 'tokens.issue', 'tokens.revoke', 'nav.back', 'list.up', 'list.down', 'list.pageUp', 'list.pageDown', 'list.first', 'list.last', 'list.reverse'];
const FORM_KEYS: BindingId[] = ['form.next', 'form.submit', 'form.toggle', 'nav.back', 'form.prev'];
const MODAL_KEYS: BindingId[] = ['modal.copy', 'modal.close'];
const CONFIRM_KEYS: BindingId[] = ['confirm.yes', 'nav.back'];
const NO_ROWS: readonly TokenRow[] = [];
const keyOf = (r: TokenRow) => r.id;

/** The Tokens roster of one Project, with the issue, plaintext and revoke modals over it. */
export function TokensScreen({project, select}: {readonly project: string; readonly select?: string}) {
  const nav = useNavigation();
  const showStatus = useStatus();
  const copy = useCopy();
  const {readOnly} = useConsoleInfo();
  const size = useTerminalSize();
  const roster = useTokens(project);
  const issue = useIssueToken();
  const data = roster.status === 'ready' ? roster.data : undefined;
  const rows = data?.rows ?? NO_ROWS;
  const revoke = useRevokeToken(data?.project.id, roster.patch);
  const [flipAt, setFlipAt] = useState<number>();
  // New rows (a reload, a patch) get a fresh `now`: a minute-old clock would call a token issued a second ago "in 3s".
  const rowsAt = useMemo(() => Date.now(), [rows]);
  const now = Math.max(useClock(60_000, flipAt), rowsAt);
  // Re-render exactly when the next live token expires, not just on the minute.
  useEffect(() => setFlipAt(nextFlip(rows, Date.now())), [rows, now]);
  const [ui, update, getUi] = useSyncState<Ui>(() => ({mode: 'list', sel: {...FIRST_ROW, key: select}, sort: 'issued', desc: true, filter: '', draft: '', stateFilter: 'all', form: NEW_ISSUE_FORM, closing: false}));
  const viewOf = useMemo(createRosterView, []);
  const view = (u: Ui) => viewOf({rows, sort: u.sort, desc: u.desc, filter: u.filter, state: u.stateFilter, now});
  const bodyRows = Math.max(3, size.rows - FRAME_CHROME_ROWS);
  const tableRows = (u: Ui) => Math.max(1, bodyRows - tokensHeadLines({...u, draft: u.mode === 'filter' ? u.draft : undefined}) - 1);
  const showingPlaintext = issue.status === 'issued';
  useCapture(ui.mode !== 'list' || showingPlaintext);
  // Set when a key hands control elsewhere (navigation, submit, close): the rest of a batched
  // read must not act on a screen that is going away or a modal that is closing.
  const yielded = useRef(false);
  useEffect(() => {
    yielded.current = false;
  });

  useEffect(() => {
    const notice = revokeNotice(revoke.state);
    if (!notice) return;
    showStatus(notice.text, notice.tone);
    if (notice.close) {
      update((u) => ({...u, mode: 'list', target: undefined}));
      revoke.reset();
    }
  }, [revoke.state]); // eslint-disable-line react-hooks/exhaustive-deps

  const onList = (press: KeyPress, u: Ui) => {
    const {name} = press;
    const visible = view(u).visible;
    const row = selectedRow(u.sel, visible, keyOf, tableRows(u));
    const move = listMoveFor(name);
    if (move) update((s) => ({...s, sel: moveSelection(s.sel, move, visible, keyOf, tableRows(s))}));
    else if (matches('nav.back', name) && (u.filter || u.stateFilter !== 'all')) update((s) => ({...s, filter: '', stateFilter: 'all'})); // Esc clears filters before it goes back
    else if (matches('nav.back', name)) (yielded.current = true), nav.back();
    else if (roster.status === 'error') {
      if (matches('error.retry', name)) roster.reload();
    } else if (matches('list.refresh', name)) roster.reload();
    else if (matches('list.filter', name)) update((s) => ({...s, mode: 'filter', draft: s.filter}));
    else if (matches('tokens.stateFilter', name)) update((s) => ({...s, stateFilter: STATE_FILTERS[(STATE_FILTERS.indexOf(s.stateFilter) + 1) % STATE_FILTERS.length] ?? 'all'}));
    else if (matches('list.sort', name)) update((s) => {
      const sort = TOKEN_SORTS[(TOKEN_SORTS.indexOf(s.sort) + 1) % TOKEN_SORTS.length] ?? 'issued';
      return {...s, sort, desc: sort === 'issued' || sort === 'expires'};
    });
    else if (matches('list.reverse', name)) update((s) => ({...s, desc: !s.desc}));
    else if (matches('tokens.issue', name, readOnly) && data) update((s) => ({...s, mode: 'issue', form: NEW_ISSUE_FORM}));
    else if (!row) return;
    else if (matches('list.open', name) && data) (yielded.current = true), nav.push({name: 'tokenDetail', projectId: data.project.id, tokenId: row.id});
    else if (matches('tokens.copy', name)) copy.tokenId(row.id);
    else if (matches('tokens.revoke', name, readOnly)) {
      revoke.reset();
      update((s) => ({...s, mode: 'revoke', target: row.token}));
    }
  };

  const onPlaintext = (name: string, u: Ui) => {
    if (issue.status !== 'issued') return;
    if (u.closing) {
      if (!matches('confirm.yes', name)) return void update((s) => ({...s, closing: false}));
      yielded.current = true;
      const id = issue.close(); // the plaintext leaves React state here
      // Select the new token and make sure no filter hides it; the reload brings it in.
      update((s) => ({...s, mode: 'list', closing: false, filter: '', stateFilter: 'all', sel: {key: id, index: 0, offset: 0}}));
      roster.reload();
    } else if (matches('modal.copy', name)) copy.plaintext(issue.issued.token);
    else if (matches('modal.close', name)) update((s) => ({...s, closing: true}));
  };

  const onForm = (press: KeyPress, u: Ui) => {
    if (issue.status === 'submitting') return; // in flight: one request, nothing else
    if (matches('nav.back', press.name)) {
      issue.close();
      return void update((s) => ({...s, mode: 'list'}));
    }
    const next = issueFormKey(u.form, press);
    update((s) => ({...s, form: next.form}));
    const request = checkIssueForm(next.form).request;
    if (next.submit && request && data && issue.submit(data.project.id, request)) yielded.current = true;
  };

  useKeys((press) => {
    if (yielded.current) return;
    const u = getUi();
    if (showingPlaintext) onPlaintext(press.name, u);
    else if (u.mode === 'issue') onForm(press, u);
    else if (u.mode === 'revoke' && u.target) {
      const r = revokeKey(press.name, revoke.state);
      if (r === 'revoke') revoke.revoke(u.target);
      else if (r === 'close') update((s) => ({...s, mode: 'list', target: undefined})), revoke.reset();
    } else if (u.mode === 'filter') {
      if (press.name === 'return') update((s) => ({...s, mode: 'list', filter: s.draft.trim()}));
      else if (press.name === 'escape') update((s) => ({...s, mode: 'list', filter: '', draft: ''}));
      else update((s) => ({...s, draft: editText(s.draft, press, 64)}));
    } else onList(press, u);
  }, useScreenActive());

  const bindings = showingPlaintext ? (ui.closing ? CONFIRM_KEYS : MODAL_KEYS) : ui.mode === 'issue' ? FORM_KEYS : ui.mode === 'revoke' ? CONFIRM_KEYS : LIST_KEYS;
  const slug = data?.project.slug;
  const modal = showingPlaintext ? <PlaintextModal issued={issue.issued} confirming={ui.closing} columns={size.columns} onAskClose={() => update((s) => ({...s, closing: true}))} />
    : ui.mode === 'issue' ? <IssueForm form={ui.form} issue={issue} projectSlug={slug ?? project} now={now} />
    : ui.mode === 'revoke' && ui.target ? <RevokeConfirm token={ui.target} state={revoke.state} now={now} /> : undefined;
  const {visible, counts} = view(ui);
  const at = resolveSelection(ui.sel, visible, keyOf, tableRows(ui));
  return (
    <ScreenFrame view="tokens" projectSlug={slug} bindings={bindings}>
      {(frameRows, columns) => {
        // Tokens the reader skipped are counted on a line of their own (issue 8, tolerant reader).
        const body = frameRows - skippedRows(data?.skipped);
        return (
          <>
            <SkippedNotice skipped={data?.skipped} noun="token" />
            {roster.status === 'loading' ? <LoadingView what={`tokens of ${project}`} />
            : roster.status === 'error' ? <ErrorView error={roster.error} />
            : rows.length === 0 && !modal && roster.loading === undefined ? <EmptyView message={`No bootstrap tokens in ${slug ?? project} yet.`} hint={readOnly ? 'r refresh · esc back' : 'n issues one · r refresh · esc back'} />
            : <TokensView counts={counts} total={rows.length} loading={roster.loading} truncated={roster.data.truncated} visible={visible} index={at.index} offset={at.offset} sort={ui.sort} desc={ui.desc} filter={ui.filter} draft={ui.mode === 'filter' ? ui.draft : undefined} stateFilter={ui.stateFilter} now={now} rows={body} columns={columns} modal={modal} />}
          </>
        );
      }}
    </ScreenFrame>
  );
}
