import {Text} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {deriveState} from '../../src/domain/tokenState.js';
import {countStates, stateAt, toRow} from '../../src/hooks/tokenRoster.js';
import {createRosterView} from '../../src/hooks/tokenRosterView.js';
import type {SafeText} from '../../src/domain/sanitize.js';
import type {BootstrapToken} from '../../src/hooks/types.js';
import {useTokens} from '../../src/hooks/useTokens.js';
import {clientFor, renderWith, type Rendered} from '../support/renderApp.js';
import {useSandbox} from '../support/sandbox.js';
import {FAULT_PROJECT, recording} from '../screens/tokenTestKit.js';
import {delay, json, startFaultServer} from '../support/faultServer.js';

const sandbox = useSandbox();
let r: Rendered | undefined;
afterEach(() => r?.unmount());

function Probe({project}: {readonly project: string}) {
  const t = useTokens(project);
  const text =
    t.status === 'ready'
      ? `ready ${t.data.project.slug} rows=${t.data.rows.length} complete=${t.data.complete} loading=${t.loading ?? '-'}`
      : t.status === 'error'
        ? `error ${t.error.status} ${t.error.code}`
        : 'loading';
  return <Text>{text}</Text>;
}

describe('useTokens', () => {
  it('resolves a slug and a Project id alike', async () => {
    const s = sandbox();
    const c = clientFor(s.url, s.operatorToken);
    r = await renderWith(<Probe project="edge-prod" />, c);
    await r.waitFor('ready edge-prod rows=120 complete=true loading=-');
    r.unmount();
    r = await renderWith(<Probe project={s.demo!.tokenProjectId} />, clientFor(s.url, s.operatorToken));
    await r.waitFor('ready edge-prod rows=120 complete=true');
  });

  it('an unknown slug is a 404 project_not_found', async () => {
    const s = sandbox();
    r = await renderWith(<Probe project="nope" />, clientFor(s.url, s.operatorToken));
    await r.waitFor('error 404 project_not_found');
  });

  it('stops loading pages once unmounted', async () => {
    const s = sandbox();
    const {id} = await s.addProject({slug: 'cancel-me', name: 'Cancel'});
    await s.seedTokens(id, 3000);
    const {client, sent} = recording(clientFor(s.url, s.operatorToken));
    r = await renderWith(<Probe project={id} />, client);
    await r.waitFor('ready');
    r.unmount();
    const atUnmount = sent.length;
    await new Promise((ok) => setTimeout(ok, 300));
    expect(sent.length).toBeLessThanOrEqual(atUnmount + 1);
    expect(sent.filter((p) => p.endsWith('/bootstrap-tokens')).length).toBeLessThan(15);
  });
});

describe('useTokens while pages stream in', () => {
  it('re-renders only when it publishes rows: the loading count never runs ahead of the rows shown', async () => {
    // Pages 150 ms apart: a per-page progress render would show a count the rows do not have yet.
    const fault = await startFaultServer();
    const at = '2026-01-01T00:00:00Z';
    const token = (n: number) => ({id: `0190a8b8-a0c0-7a0a-8a0a-${n.toString(16).padStart(12, '0')}`, project_id: FAULT_PROJECT, kind: 'node', env_prefix: 'prod', issued_at: at, expires_at: at, issued_by_user_id: FAULT_PROJECT});
    fault.route('GET', `/v1/projects/${FAULT_PROJECT}`, json(200, {id: FAULT_PROJECT, domain_id: FAULT_PROJECT, name: 'p', slug: 'p', created_at: at, updated_at: at}));
    fault.route('GET', `/v1/projects/${FAULT_PROJECT}/bootstrap-tokens`, (req, res, ctx) => {
      const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('cursor') ?? '0');
      const body = {items: Array.from({length: 200}, (_, i) => token(page * 200 + i)), ...(page < 3 ? {next_cursor: String(page + 1)} : {})};
      return delay(page === 0 ? 0 : 150, json(200, body))(req, res, ctx);
    });
    const seen: string[] = [];
    function Counting() {
      const t = useTokens(FAULT_PROJECT);
      if (t.status === 'ready') seen.push(`rows=${t.data.rows.length} loading=${t.loading ?? '-'} complete=${t.data.complete}`);
      return <Text>{t.status === 'ready' && t.data.complete ? 'complete' : 'streaming'}</Text>;
    }
    try {
      r = await renderWith(<Counting />, clientFor(fault.url, 't'));
      await r.waitFor('complete');
    } finally {
      await fault.close();
    }
    const streaming = seen.filter((s) => s.endsWith('complete=false'));
    expect(streaming.length).toBeGreaterThan(0);
    for (const s of streaming) expect(s).toMatch(/^rows=(\d+) loading=\1 /);
    expect(seen.at(-1)).toBe('rows=800 loading=- complete=true');
  });
});

describe('roster derivation', () => {
  const at = (ms: number) => new Date(ms).toISOString();
  const now = Date.parse('2026-05-01T12:00:00Z');
  // Server text is SafeText once parsed; these fixtures skip the parser.
  const base = {project_id: 'p', kind: 'node' as SafeText, env_prefix: 'prod' as SafeText, issued_by_user_id: 'u'};
  const tokens: BootstrapToken[] = [
    {...base, id: 'a', issued_at: at(now - 60_000), expires_at: at(now + 60_000)},
    {...base, id: 'b', issued_at: at(now - 120_000), expires_at: at(now - 1)},
    {...base, id: 'c', issued_at: at(now - 180_000), expires_at: at(now + 60_000), consumed_at: at(now - 1000)},
    {...base, id: 'd', issued_at: at(now - 240_000), expires_at: at(now + 60_000), revoked_at: at(now - 1000), consumed_at: null},
    {...base, id: 'e', issued_at: at(now - 300_000), expires_at: at(now + 60_000), revoked_at: at(now - 500), consumed_at: at(now - 900)},
  ];

  it('stateAt agrees with deriveState at every instant', () => {
    for (const t of tokens) for (const n of [now - 1e9, now, now + 60_000, now + 1e9]) expect(stateAt(toRow(t), n)).toBe(deriveState(t, n));
  });

  it('counts, sorts and filters through one memoised view', () => {
    const rows = tokens.map(toRow);
    expect(countStates(rows, now)).toEqual({live: 1, expired: 1, consumed: 2, revoked: 1});
    const view = createRosterView();
    const v1 = view({rows, sort: 'issued', desc: true, filter: '', state: 'all', now});
    expect(v1.visible.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Same inputs → the very same arrays (no work per keypress).
    expect(view({rows, sort: 'issued', desc: true, filter: '', state: 'all', now}).visible).toBe(v1.visible);
    expect(view({rows, sort: 'issued', desc: true, filter: '', state: 'consumed', now}).visible.map((x) => x.id)).toEqual(['c', 'e']);
    // Two minutes on, `a` has expired too; STATE order, ties newest first; `e` was consumed before it was revoked.
    expect(view({rows, sort: 'state', desc: false, filter: '', state: 'all', now: now + 120_000}).visible.map((x) => x.id)).toEqual(['a', 'b', 'c', 'e', 'd']);
  });
});
