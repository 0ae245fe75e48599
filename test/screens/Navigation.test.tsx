import {afterEach, describe, expect, it} from 'vitest';
import {clientFor, renderApp, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';
import {selectedLine} from './tokenTestKit.js';

const sandbox = useSandbox();
let app: Rendered | undefined;
afterEach(() => app?.unmount());
const footer = (f: string) => f.split('\n').at(-1) ?? '';
const selectedId = (f: string) => selectedLine(f)?.slice(2, 38);

describe('view state in the navigation stack', () => {
  it('Tokens keeps its STATE filter, sort and cursor across detail and Esc', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    await app.waitFor('edge-prod');
    await app.press('/', 'edge-prod', 'return', 'return');
    await app.waitFor('120 tokens');
    await app.press('f', 's', 'down', 'down', 'down');
    const before = await app.waitFor((f) => f.includes('state: live') && f.includes('EXPIRES▼') && f.includes('4/'));
    const chosen = selectedId(before);
    await app.press('return');
    await app.waitFor('issued_by_user_id');
    await app.press('escape');
    const after = await app.waitFor('tokens · edge-prod');
    expect(after).toContain('state: live');
    expect(after).toContain('EXPIRES▼');
    expect(selectedId(after)).toBe(chosen);
    // And one more Esc clears the filters before it leaves; then Projects still has its filter.
    await app.press('escape', 'escape');
    await app.waitFor((f) => f.includes('· projects') && f.includes('filter "edge-prod"'));
  });

  it('a jump away and back (3, then 2) finds the roster as it was left', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press('f', 'f');
    await app.waitFor('state: expired');
    await app.press('3');
    await app.waitFor('· nodes');
    await app.press('2');
    const back = await app.waitFor('tokens · edge-prod');
    expect(back).toContain('state: expired');
  });

  it('a failed :tokens nope does not stick: 2 returns to the last Project that opened', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press(':', 'tokens nope', 'return');
    const error = await app.waitFor('Project not found');
    // The error page offers only the keys that work there.
    expect(footer(error)).toContain('r retry');
    expect(footer(error)).not.toContain('x revoke');
    expect(footer(error)).not.toContain('/ filter');
    await app.press('2');
    const frame = await app.waitFor('120 tokens');
    expect(frame).toContain('tokens · edge-prod');
  });
});

describe('Esc and a key batched in one read act as two keys', () => {
  it('Esc / clears the filter and opens an empty one', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press('/', 'bridge', 'return');
    await app.waitFor('filter "bridge"');
    await app.write('\u001b/');
    const frame = await app.waitFor('▏ ⏎ keep');
    expect(frame).toContain('/▏ ⏎ keep');
    expect(frame).not.toContain('bridge▏');
  });

  it('Esc x on a detail goes back and offers to revoke the selected row of the roster', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press('return');
    await app.waitFor('issued_by_user_id');
    await app.write('\u001bx');
    const frame = await app.waitFor('Revoke bootstrap token?');
    expect(frame).toContain('tokens · edge-prod');
  });

  it('Esc Esc goes back two screens', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    await app.waitFor('edge-prod');
    await app.press('/', 'edge-prod', 'return', 'return');
    await app.waitFor('120 tokens');
    await app.press('return');
    await app.waitFor('issued_by_user_id');
    await app.write('\u001b\u001b');
    await app.waitFor('· projects');
  });
});

describe('footers that tell the truth', () => {
  it('while typing a filter the footer offers only the filter keys', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press('/');
    const frame = await app.waitFor('▏ ⏎ keep');
    expect(footer(frame)).toContain('esc clear');
    expect(footer(frame)).not.toContain('x revoke');
    expect(footer(frame)).not.toContain('s sort');
  });

  it('after a 409 the revoke panel and the footer both say any key closes', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: `nav-409-${Math.random().toString(36).slice(2, 7)}`, name: 'Nav'});
    await s.seedTokens(id, 1, {state: 'consumed', envPrefix: 'rv'});
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: id});
    await app.waitFor('· 1 token');
    await app.press('x');
    const ask = await app.waitFor('Revoke bootstrap token?');
    expect(footer(ask)).toContain('y yes');
    expect(footer(ask)).toContain('any other key cancels');
    await app.press('y');
    const done = await app.waitFor('any key closes');
    expect(footer(done)).toContain('any key closes');
    expect(footer(done)).not.toContain('y yes');
  });
});

describe('help and footer in the 100-column test terminal', () => {
  it('the footer keeps ? help, : and q, and drops whole hints, never mid-word', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    const frame = await app.waitFor('120 tokens');
    const line = footer(frame);
    expect(line.length).toBeLessThanOrEqual(100);
    expect(line.startsWith('? help')).toBe(true);
    expect(line).toContain('x revoke');
    expect(line.endsWith(': cmd · q quit')).toBe(true);
    expect(line).not.toContain('…');
  });

  it('help scrolls and says there is more', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'tokens', project: 'edge-prod'});
    await app.waitFor('120 tokens');
    await app.press('?');
    const first = await app.waitFor('Keys on this screen');
    // ink-testing-library's terminal is 24 rows: the Tokens keys do not fit.
    expect(first).toMatch(/↓ \d+ more/);
    expect(first).not.toContain('quit (ctrl+c works everywhere)');
    await app.press('G');
    const end = await app.waitFor('quit (ctrl+c works everywhere)');
    expect(end).toMatch(/↑ \d+ above/);
    await app.press('escape');
    await app.waitFor((f) => !f.includes('Keys on this screen'));
  });
});

describe('the : command line helps', () => {
  it('Tab completes a prefix, suggestions show as you type, and :TOK works in any case', async () => {
    const s = sandbox();
    app = await renderApp(clientFor(s.url, s.operatorToken), {name: 'projects'});
    await app.waitFor('edge-prod');
    await app.press(':', 'ro');
    const typing = await app.waitFor(':ro');
    expect(footer(typing)).toContain('rotate <node name|id>');
    await app.press('backspace', 'backspace', 'TOK', 'tab');
    await app.waitFor(':tokens ');
    await app.press('edge-prod', 'return');
    await app.waitFor('120 tokens');
    await app.press(':', 'help', 'return');
    await app.waitFor('Keys on this screen');
  });
});
