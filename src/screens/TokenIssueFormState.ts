import {parseTtl} from '../domain/duration.js';
import {isEnvPrefix} from '../domain/validate.js';
import {matches} from '../hooks/keymap.js';
import type {KeyPress} from '../hooks/useKeys.js';
import type {IssueRequest} from '../hooks/useIssueToken.js';
import {editText} from '../hooks/textEdit.js';

export type IssueField = 'kind' | 'env' | 'ttl';
export const ISSUE_FIELDS: readonly IssueField[] = ['kind', 'env', 'ttl'];

/** What the operator typed; kept as typed through errors and dropped connections. */
export type IssueForm = {
  readonly kind: 'node' | 'bridge';
  readonly env: string;
  readonly ttl: string;
  readonly focus: IssueField;
  /** Set by Enter on an incomplete form: an empty env prefix then shows as an error too. */
  readonly attempted: boolean;
};

export const NEW_ISSUE_FORM: IssueForm = {kind: 'node', env: '', ttl: '1h', focus: 'kind', attempted: false};

export type IssueCheck = {
  readonly envError?: string;
  readonly ttlError?: string;
  /** The request to send, when every field is valid. */
  readonly request?: IssueRequest;
};

/** Validates as you type (decisions.md: env `^[a-z]+$` 1..32, TTL a Go duration in [5m, 24h]). */
export function checkIssueForm(form: IssueForm): IssueCheck {
  const ttl = parseTtl(form.ttl);
  const envOk = isEnvPrefix(form.env);
  const envError =
    envOk || (form.env === '' && !form.attempted)
      ? undefined
      : form.env === ''
        ? 'required: lowercase letters a–z'
        : form.env.length > 32
          ? 'at most 32 characters'
          : 'lowercase letters a–z only (^[a-z]+$)';
  const ttlError = ttl.ok ? undefined : ttl.message;
  const request = envOk && ttl.ok ? {kind: form.kind, env_prefix: form.env, ttl_seconds: ttl.seconds} : undefined;
  return {envError, ttlError, request};
}

/** One keypress on the form: the new form, and whether to submit it now. */
export function issueFormKey(form: IssueForm, press: KeyPress): {form: IssueForm; submit: boolean} {
  const at = ISSUE_FIELDS.indexOf(form.focus);
  const focus = (i: number) => ISSUE_FIELDS[(i + ISSUE_FIELDS.length) % ISSUE_FIELDS.length] as IssueField;
  if (matches('form.submit', press.name)) {
    // Enter moves to the next field and submits only on the last: an operator pressing Enter
    // to move on from Env prefix must not mint a token with a TTL they never looked at.
    if (at < ISSUE_FIELDS.length - 1) return {form: {...form, focus: focus(at + 1)}, submit: false};
    if (checkIssueForm(form).request !== undefined) return {form, submit: true};
    return {form: {...form, attempted: true}, submit: false};
  }
  if (press.name === 'tab' || press.name === 'shift+tab') {
    return {form: {...form, focus: focus(at + (press.name === 'tab' ? 1 : -1))}, submit: false};
  }
  if (form.focus === 'kind') {
    if (matches('form.toggle', press.name)) return {form: {...form, kind: form.kind === 'node' ? 'bridge' : 'node'}, submit: false};
    if (press.name === 'n' || press.name === 'b') return {form: {...form, kind: press.name === 'n' ? 'node' : 'bridge'}, submit: false};
  }
  // ↑/↓ move between fields (they mean nothing inside a one-line field).
  if (matches('form.next', press.name)) return {form: {...form, focus: focus(Math.min(at + 1, ISSUE_FIELDS.length - 1))}, submit: false};
  if (matches('form.prev', press.name)) return {form: {...form, focus: focus(Math.max(at - 1, 0))}, submit: false};
  if (form.focus === 'env') return {form: {...form, env: editText(form.env, press, 40)}, submit: false};
  if (form.focus === 'ttl') return {form: {...form, ttl: editText(form.ttl, press, 20)}, submit: false};
  return {form, submit: false};
}
