// The console's mutation hooks each append one journal line, without the plaintext or bearer.
import {mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Text} from 'ink';
import {useEffect, useState} from 'react';
import {describe, expect, it} from 'vitest';
import {JournalProvider} from '../../src/hooks/journal.js';
import {useIssueToken} from '../../src/hooks/useIssueToken.js';
import {useRevokeToken} from '../../src/hooks/useRevokeToken.js';
import {useRotationTrigger} from '../../src/hooks/useRotation.js';
import {journalPath, openJournal, readJournal} from '../../src/journal/journal.js';
import {clientFor, renderWith} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();

/** Issues one token, revokes it, revokes it again, then rotates a node; prints each step. */
function Mutations({projectId, nodeId}: {readonly projectId: string; readonly nodeId: string}) {
  const issue = useIssueToken();
  const {state: revoke, revoke: doRevoke, reset} = useRevokeToken(projectId);
  const trigger = useRotationTrigger();
  const [step, setStep] = useState('start');
  useEffect(() => {
    if (step === 'start') {
      issue.submit(projectId, {kind: 'node', env_prefix: 'hook', ttl_seconds: 600});
      setStep('issuing');
    }
  }, [step]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (step === 'issuing' && issue.status === 'issued') {
      setStep(`plaintext ${issue.issued.token}`);
      doRevoke({...issue.issued, id: issue.issued.token_id, project_id: projectId, kind: 'node', env_prefix: 'hook', issued_by_user_id: ''} as never);
    }
  }, [issue.status, step]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (revoke.status !== 'done') return;
    if (revoke.outcome.kind === 'revoked') {
      reset();
      setTimeout(() => doRevoke({id: revoke.tokenId} as never), 0);
    } else {
      void trigger(nodeId, 1).then((o) => setStep((s) => `${s} rotate ${o.ok ? 'ok' : 'error'} done`));
    }
  }, [revoke.status]); // eslint-disable-line react-hooks/exhaustive-deps
  return <Text>{step}</Text>;
}

describe('console mutations are journalled', () => {
  it('issue, revoke, revoke again and rotate give four lines and no secret', async () => {
    const sb = sandbox();
    const home = mkdtempSync(join(tmpdir(), 'plexconsole-hook-journal-'));
    const client = clientFor(sb.url, sb.operatorToken);
    const journal = openJournal({env: {}, homeDir: home, enabled: true, server: sb.url, profile: 'test', bearer: sb.operatorToken, subject: async () => 'user:hook'});
    const node = sb.demo?.nodes['worker-ams-1'] ?? '';
    const r = await renderWith(
      <JournalProvider journal={journal}>
        <Mutations projectId={sb.demo?.tokenProjectId ?? ''} nodeId={node} />
      </JournalProvider>,
      client,
    );
    const frame = await r.waitFor('done', 10_000);
    r.unmount();
    const plaintext = /plaintext (\S+)/.exec(frame)?.[1] ?? '';
    expect(plaintext).toMatch(/^psb_/);
    await journal.record({action: 'issue', targets: {}, outcome: 'failed'}); // flushes the queue
    const {entries} = await readJournal(journalPath({}, home));
    expect(entries.slice(0, 4).map((e) => `${e.action} ${e.outcome}`)).toEqual(['issue issued', 'revoke revoked', 'revoke already_revoked', 'rotate requested']);
    expect(entries[3]).toMatchObject({subject: 'user:hook', targets: {node_id: node}});
    const text = readFileSync(journalPath({}, home), 'utf8');
    expect(text).not.toContain(plaintext);
    expect(text).not.toContain(sb.operatorToken);
    await client.close();
  });
});
