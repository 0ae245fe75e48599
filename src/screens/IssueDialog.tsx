import {useState} from 'react';
import {useScreenActive, useShowHelp} from '../hooks/inputLayer.js';
import {useClock} from '../hooks/useClock.js';
import {matches, type BindingId} from '../hooks/keymap.js';
import {useIssueToken} from '../hooks/useIssueToken.js';
import {useKeys} from '../hooks/useKeys.js';
import {IssueForm} from './IssueForm.js';
import {PlaintextDialog} from './PlaintextDialog.js';
import {useFooterBindings} from './shared/footerBindings.js';
import {checkIssueForm, issueFormKey, NEW_ISSUE_FORM, type IssueForm as Form} from './TokenIssueFormState.js';

const FORM_KEYS: readonly BindingId[] = ['form.next', 'form.submit', 'form.toggle', 'nav.back', 'form.prev'];

type IssueDialogProps = {
  readonly projectId: string;
  readonly projectSlug: string;
  readonly columns: number;
  /** The dialog is over: with the new token's id once its plaintext was shown and closed, else undefined. */
  readonly onDone: (issuedId?: string) => void;
};

/**
 * Issuing as one modal: the form, then the one-time plaintext. The form's text is the
 * dialog's own state; the plaintext lives only in the issue hook, and leaves it on close.
 */
export function IssueDialog({projectId, projectSlug, columns, onDone}: IssueDialogProps) {
  const issue = useIssueToken();
  const [form, setForm] = useState<Form>(NEW_ISSUE_FORM);
  const active = useScreenActive();
  const showHelp = useShowHelp();
  // The expiry preview follows the clock while the form is open; it shows minutes, so it ticks by the minute.
  const now = useClock(60_000);
  const showingPlaintext = issue.status === 'issued';

  useKeys((press) => {
    if (issue.status === 'submitting') return; // in flight: one request, nothing else
    if (matches('nav.back', press.name)) {
      issue.close();
      return onDone(undefined);
    }
    // `?` is text in Env prefix and TTL, but Kind takes no text: there it is help, as everywhere.
    if (form.focus === 'kind' && matches('app.help', press.name)) return showHelp();
    const next = issueFormKey(form, press);
    setForm(next.form);
    const request = checkIssueForm(next.form).request;
    if (next.submit && request) issue.submit(projectId, request);
  }, active && !showingPlaintext);

  if (showingPlaintext) return <PlaintextDialog issued={issue.issued} columns={columns} onClosed={() => onDone(issue.close())} />;
  return <FormWithKeys form={form} issue={issue} projectSlug={projectSlug} now={now} />;
}

/** The form view, declaring its keys to the footer. */
function FormWithKeys(props: Parameters<typeof IssueForm>[0]) {
  useFooterBindings(FORM_KEYS);
  return <IssueForm {...props} />;
}
