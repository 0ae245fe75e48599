import {describe, expect, it, afterEach} from 'vitest';
import {issueBootstrapToken} from '../../src/api/bootstrapTokens.js';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {clipboardWrites} from '../support/osc52.js';
import {useSandbox} from '../support/sandbox.js';
import {recording, selectedLine, tableLines} from './tokenTestKit.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());
const COUNTS = /live (\d+) · expired (\d+) · consumed (\d+) · revoked (\d+)/;

describe('Tokens roster', () => {
  it('shows STATE counts above the table, newest first, STATE as a word', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    const frame = await app.waitFor('120 tokens');
    expect(frame).toMatch(COUNTS);
    expect(frame).toContain('ISSUED▼');
    const rows = tableLines(frame);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) expect(r).toMatch(/ (live|expired|consumed|revoked)\s*$/);
  });

  it('loads later pages in the background with a count, then shows the total', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'big-roster', name: 'Big Roster'});
    await s.seedTokens(id, 1000);
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'big-roster'});
    await app.waitFor('1,000 tokens');
    expect(app.frames.some((f) => /loading [\d,]+\/…/.test(f))).toBe(true);
    // The first page was on screen (usable) before the load finished.
    expect(app.frames.some((f) => /loading [\d,]+\/…/.test(f) && tableLines(f).length > 0)).toBe(true);
    const [, live, expired, consumed, revoked] = COUNTS.exec(app.lastFrame())!.map(Number);
    expect(live! + expired! + consumed! + revoked!).toBe(1000);
    // While loading, the progress leads the line and the counts add up to the count it shows.
    for (const f of app.frames.filter((x) => /loading [\d,]+\/…/.test(x))) {
      const line = f.split('\n').find((l) => l.includes('loading'))!;
      expect(line).toMatch(/^\d[\d,]*\/[\d,]+ · loading [\d,]+\/… │ live /);
      const loaded = Number(/loading ([\d,]+)/.exec(line)![1]!.replaceAll(',', ''));
      const c = COUNTS.exec(line)!.slice(1).map(Number);
      expect(c.reduce((a, b) => a + b, 0)).toBe(loaded);
    }
  });

  it('/ filters by text on Enter and Esc clears it; f cycles the STATE filter', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press('/', 'bridge');
    await app.waitFor('/bridge');
    await app.press('return');
    let frame = await app.waitFor('filter "bridge"');
    expect(tableLines(frame).length).toBeGreaterThan(0);
    for (const r of tableLines(frame)) expect(r).toContain('bridge');
    await app.press('/', 'escape');
    frame = await app.waitFor((f) => !f.includes('filter "'));
    await app.press('f');
    frame = await app.waitFor('state: live');
    for (const r of tableLines(frame)) expect(r).toMatch(/ live\s*$/);
    await app.press('f');
    frame = await app.waitFor('state: expired');
    for (const r of tableLines(frame)) expect(r).toMatch(/ expired\s*$/);
    await app.press('f', 'f', 'f');
    await app.waitFor((f) => !f.includes('state: '));
    // Esc clears an applied filter before it goes back.
    await app.press('f', 'escape');
    frame = await app.waitFor((f) => !f.includes('state: ') && f.includes('120 tokens'));
    expect(frame).toContain('tokens · edge-prod');
  });

  it('s sorts by the next column and S reverses', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press('s');
    await app.waitFor('EXPIRES▼');
    await app.press('S');
    await app.waitFor('EXPIRES▲');
    await app.press('s');
    const frame = await app.waitFor('STATE▲');
    expect(tableLines(frame)[0]).toMatch(/ live\s*$/);
  });

  it('a live token turns expired when its time passes, without a refetch', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'flip', name: 'Flip'});
    const op = clientFor(s.url, s.operatorToken);
    // Issue "in the past" so the 5-minute minimum TTL ends three seconds from now.
    s.setNow(Date.now() - 297_000);
    const issued = await issueBootstrapToken(op, id, {kind: 'node', env_prefix: 'flip', ttl_seconds: 300});
    s.setNow(Date.now());
    const {client, sent} = recording(op);
    app = await renderApp(client, {name: 'tokens', project: id});
    let frame = await app.waitFor((f) => f.includes('· 1 token') && !f.includes('1 tokens'));
    expect(selectedLine(frame)).toContain(issued.data.token_id);
    expect(selectedLine(frame)).toMatch(/ live\s*$/);
    const before = sent.length;
    frame = await app.waitFor((f) => /expired\s*$/.test(selectedLine(f) ?? ''), 6000);
    expect(frame).toContain('expired 1');
    expect(sent.length).toBe(before);
  });

  it('r keeps the selection on the same token even when new rows arrive above it', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'sticky', name: 'Sticky'});
    await s.seedTokens(id, 12);
    const op = clientFor(s.url, s.operatorToken);
    app = await renderApp(op, {name: 'tokens', project: 'sticky'});
    await app.waitFor('12 tokens');
    await app.press('down', 'down', 'down');
    const chosen = selectedLine(await app.waitFor('4/12'))!.slice(2, 38);
    await issueBootstrapToken(op, id, {kind: 'bridge', env_prefix: 'new', ttl_seconds: 3600});
    await issueBootstrapToken(op, id, {kind: 'bridge', env_prefix: 'new', ttl_seconds: 3600});
    await app.press('r');
    const frame = await app.waitFor('14 tokens');
    expect(selectedLine(frame)).toContain(chosen);
    expect(tableLines(frame).findIndex((l) => l.startsWith('> '))).toBe(5);
  });

  it('↓⏎ arriving in one read opens the second row', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    const frame = await app.waitFor('120 tokens');
    const second = tableLines(frame)[1]!.slice(2, 38);
    await app.write('\u001b[B\r');
    const detail = await app.waitFor('issued_by_user_id');
    expect(detail).toContain(`id                 ${second}`);
    await app.press('escape');
    await app.waitFor('120 tokens');
  });

  it('read-only hides n and x, and pressing them says why', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'}, {readOnly: true});
    const frame = await app.waitFor('120 tokens');
    expect(frame).not.toContain('n new');
    expect(frame).not.toContain('x revoke');
    expect(frame).toContain('READ-ONLY');
    await app.press('n');
    await app.waitFor('READ-ONLY session: issuing tokens is disabled (started with --read-only)');
    await app.press('x');
    await app.waitFor('READ-ONLY session: revoking tokens is disabled (started with --read-only)');
    expect(app.lastFrame()).not.toContain('Issue a bootstrap token');
    expect(app.lastFrame()).not.toContain('Revoke bootstrap token?');
  });

  it('c sends the selected token id to the clipboard and says so honestly', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    const frame = await app.waitFor('120 tokens');
    const selected = selectedLine(frame)!.slice(2, 38);
    await app.press('c');
    await app.waitFor(`token id ${selected} sent to terminal clipboard (OSC 52)`);
    expect(clipboardWrites(app.ttyBytes())).toEqual([selected]);
  });

  it('an unknown project slug is an error in place with what to press', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'no-such-project'});
    const frame = await app.waitFor('Project not found');
    expect(frame).toContain('r retry · esc back');
  });

  it('renders hostile project and token text sanitised', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'evil', name: 'Evil\u001b[2J\u001b]52;c;SGVsbG8=\u0007Name'});
    await s.seedTokens(id, 2, {envPrefix: 'ev\u001b[2Jil'});
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    await app.waitFor('evil');
    await app.waitFor('EvilName');
    await app.press('/', 'evil', 'return', 'return');
    await app.waitFor('2 tokens');
    await app.waitFor('evil ');
    for (const f of app.frames) {
      expect(f).not.toContain('\u001b[2J');
      expect(f).not.toContain('\u001b]52');
    }
  });
});
