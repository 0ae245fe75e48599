import {matches} from '../hooks/keymap.js';
import {cursorRow, listScreenKey, listView, type ListContext, type ListEffect, type ListMode, type ListView} from '../hooks/listView.js';
import {markAll, toggleMark} from '../hooks/marks.js';
import {rowToken, STATE_FILTERS, type StateFilter, type TokenRow, type TokenSort} from '../hooks/tokenRoster.js';
import type {BootstrapToken} from '../hooks/types.js';
import type {KeyPress} from '../hooks/useKeys.js';

/** The roster's modes. The issue and revoke modals own their keys; the reducer only opens and closes them. */
export type TokensMode = ListMode | {readonly kind: 'issue'} | {readonly kind: 'revoke'; readonly token: BootstrapToken} | {readonly kind: 'bulkRevoke'};

/** The roster's view state, kept in the navigation stack (filter, STATE filter, sort, cursor, marks, mode). */
export type TokensState = {readonly list: ListView<TokenSort>; readonly stateFilter: StateFilter; readonly marks: readonly string[]; readonly mode: TokensMode};

export type TokensEffect = ListEffect<TokenRow> | {readonly kind: 'copy'; readonly row: TokenRow} | {readonly kind: 'readOnly'; readonly what: string}
  /** The server answered 403 to this action in this Project earlier in the session: say why instead of asking again. */
  | {readonly kind: 'denied'; readonly what: string; readonly why: string};

export type TokensContext = ListContext<TokenRow, TokenSort> & {
  readonly readOnly: boolean;
  /** Why issuing / revoking was denied (403) earlier this session, when it was. */
  readonly denied?: {readonly issue?: string; readonly revoke?: string};
};

/** Newest first; `select` puts the cursor on a token (Esc back from its detail, a new token). */
export function initialTokens(select?: string): TokensState {
  return {list: listView<TokenSort>('issued', true, select), stateFilter: 'all', marks: [], mode: {kind: 'list'}};
}

/** Times sort newest first; text columns A→Z. */
export const tokenSortDesc = (sort: TokenSort) => sort === 'issued' || sort === 'expires';

/** One key on the roster (while no modal is open). */
export function tokensKey(s: TokensState, press: KeyPress, ctx: TokensContext): {state: TokensState; effect?: TokensEffect} | undefined {
  if (s.mode.kind === 'issue' || s.mode.kind === 'revoke' || s.mode.kind === 'bulkRevoke') return undefined;
  const {name} = press;
  if (s.mode.kind === 'list') {
    const row = () => cursorRow(s.list, ctx);
    // Esc clears the marks, then both filters, before it goes back.
    if (matches('nav.back', name) && s.marks.length > 0) return {state: {...s, marks: []}};
    if (matches('list.mark', name)) {
      const r = row();
      return r ? {state: {...s, marks: toggleMark(s.marks, r.id)}} : {state: s};
    }
    if (matches('list.markAll', name)) return {state: {...s, marks: markAll(s.marks, ctx.rows.map(ctx.keyOf))}};
    if (matches('nav.back', name) && s.stateFilter !== 'all') return {state: {...s, stateFilter: 'all', list: {...s.list, filter: ''}}};
    if (matches('tokens.stateFilter', name)) {
      const next = STATE_FILTERS[(STATE_FILTERS.indexOf(s.stateFilter) + 1) % STATE_FILTERS.length] ?? 'all';
      return {state: {...s, stateFilter: next}};
    }
    if (matches('tokens.issue', name)) {
      if (ctx.denied?.issue && !ctx.readOnly) return {state: s, effect: {kind: 'denied', what: 'issuing tokens', why: ctx.denied.issue}};
      return ctx.readOnly ? {state: s, effect: {kind: 'readOnly', what: 'issuing tokens'}} : {state: {...s, mode: {kind: 'issue'}}};
    }
    if (matches('tokens.revoke', name) && ctx.denied?.revoke && !ctx.readOnly) {
      return {state: s, effect: {kind: 'denied', what: 'revoking tokens', why: ctx.denied.revoke}};
    }
    if (matches('tokens.revoke', name) && s.marks.length > 0) {
      return ctx.readOnly ? {state: s, effect: {kind: 'readOnly', what: 'revoking tokens'}} : {state: {...s, mode: {kind: 'bulkRevoke'}}};
    }
    if (matches('tokens.revoke', name)) {
      const r = row();
      if (!r) return {state: s};
      return ctx.readOnly ? {state: s, effect: {kind: 'readOnly', what: 'revoking tokens'}} : {state: {...s, mode: {kind: 'revoke', token: rowToken(r)}}};
    }
    if (matches('tokens.copy', name)) {
      const r = row();
      return r ? {state: s, effect: {kind: 'copy', row: r}} : {state: s};
    }
  }
  const out = listScreenKey({list: s.list, mode: s.mode}, press, ctx);
  return out && {state: {...s, list: out.state.list, mode: out.state.mode}, effect: out.effect};
}

/** Closes a modal. */
export function closeModal(s: TokensState): TokensState {
  return {...s, mode: {kind: 'list'}};
}

/** After the plaintext closed: the new token selected, and no filter hiding it. */
export function selectIssued(s: TokensState, id: string): TokensState {
  return {...s, mode: {kind: 'list'}, stateFilter: 'all', list: {...s.list, filter: '', sel: {key: id, index: 0, offset: 0}}};
}
