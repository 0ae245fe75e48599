// :journal lists the local journal newest first, with a / filter.
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {JournalProvider} from '../../src/hooks/journal.js';
import {openJournal} from '../../src/journal/journal.js';
import {App} from '../../src/app.js';
import {clientFor, renderWith, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());

describe(':journal', () => {
  it('shows entries newest first and / filters them', async () => {
    const s = sandbox();
    const journal = openJournal({env: {}, homeDir: mkdtempSync(join(tmpdir(), 'plexconsole-jscreen-')), enabled: true, server: s.url, profile: 'test', bearer: s.operatorToken, subject: async () => 'user:ops'});
    await journal.record({action: 'issue', targets: {project_id: 'p', token_id: '0190a8b8-0000-7000-8000-0000000000a1'}, outcome: 'issued', status: 201});
    await journal.record({action: 'rotate', targets: {node_id: '0190a8b8-0000-7000-8000-0000000000b2'}, outcome: 'failed', status: 500});
    app = await renderWith(<JournalProvider journal={journal}><App initialRoute={{name: 'projects'}} /></JournalProvider>, clientFor(s.url, s.operatorToken));
    await app.waitFor('edge-prod');
    await app.press(':');
    await app.write('journal');
    await app.press('return');
    const frame = await app.waitFor('2 entries, newest first');
    const rotate = frame.indexOf('rotate');
    const issue = frame.indexOf('issue ');
    expect(rotate).toBeGreaterThan(0);
    expect(rotate).toBeLessThan(issue);
    expect(frame).toMatch(/rotate\s+failed\s+500\s+0190a8b8-0000-7000-8000-0000000000b2\s+user:ops/);
    await app.press('/');
    await app.write('issued');
    await app.press('return');
    const filtered = await app.waitFor('1 of 2 entries match "issued"');
    expect(filtered).not.toContain('0000000000b2');
  });

  it('with --no-journal it says the journal is off', async () => {
    const s = sandbox();
    app = await renderWith(<App initialRoute={{name: 'journal'}} />, clientFor(s.url, s.operatorToken));
    await app.waitFor('The journal is off (--no-journal).');
  });
});

