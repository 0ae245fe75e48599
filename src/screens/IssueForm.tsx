import {Text} from 'ink';
import {formatDuration} from '../domain/duration.js';
import type {IssueState} from '../hooks/useIssueToken.js';
import {utcMinute} from '../domain/time.js';
import {Panel} from './shared/Chrome.js';
import {ErrorView} from './shared/States.js';
import {TextField} from './shared/TextField.js';
import {color} from './shared/theme.js';
import {checkIssueForm, type IssueForm as Form} from './TokenIssueFormState.js';

type IssueFormProps = {readonly form: Form; readonly issue: IssueState; readonly projectSlug: string; readonly now: number};

/** The issue form: Kind, Env prefix, TTL, validated as typed, with the resulting expiry. */
export function IssueForm({form, issue, projectSlug, now}: IssueFormProps) {
  const check = checkIssueForm(form);
  const f = form.focus;
  const expiry = check.request
    ? `expires ${utcMinute(new Date(now + check.request.ttl_seconds * 1000).toISOString())} (in ${formatDuration(check.request.ttl_seconds)})`
    : undefined;
  const kinds = (['node', 'bridge'] as const).map((k) => (k === form.kind ? `(•) ${k}` : `( ) ${k}`)).join('  ');
  return (
    <Panel title={`Issue a bootstrap token in ${projectSlug}`}>
      <Text wrap="truncate">
        <Text color={f === 'kind' ? color('ui.focus') : undefined}>{f === 'kind' ? '› ' : '  '}Kind: </Text>
        {kinds}
        {f === 'kind' ? <Text color={color('ui.dim')}>  ←→ choose</Text> : null}
      </Text>
      <TextField label="Env prefix" value={form.env} focused={f === 'env'} error={check.envError} note="a–z, 1..32" />
      <TextField label="TTL" value={form.ttl} focused={f === 'ttl'} error={check.ttlError} note="5m..24h, e.g. 90m" />
      <Text color={color('ui.dim')} wrap="truncate">{expiry ?? ' '}</Text>
      <IssueStatus issue={issue} />
      <Text color={color('ui.dim')} wrap="truncate">tab/↑↓/⏎ next field · ⏎ on TTL submits · esc cancel{f === 'kind' ? ' · ? help' : ''}</Text>
    </Panel>
  );
}

function IssueStatus({issue}: {readonly issue: IssueState}) {
  if (issue.status === 'submitting') return <Text color={color('status.info')}>Issuing… (one request; Enter is ignored until it answers)</Text>;
  if (issue.status !== 'error') return null;
  const dropped = issue.error.kind === 'transport' || issue.error.kind === 'timeout';
  return (
    <ErrorView error={issue.error} ownAdvice={dropped}>
      {dropped ? (
        <Text color={color('status.warn')} wrap="wrap">
          Not retried automatically: the server may have issued a token before the link dropped (check the roster). ⏎ sends again.
        </Text>
      ) : null}
    </ErrorView>
  );
}
