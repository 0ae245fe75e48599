// A control plane 80 ms away: a delaying TCP proxy (bench/wanproxy.mjs, its own process)
// between the console and the sandbox. Keyset pages of 200 are sequential, so loading N
// tokens cannot take less than pages × RTT: that is the floor each figure is divided by.
import {spawn, spawnSync} from 'node:child_process';
import {join} from 'node:path';

export const name = 'wan';
export const title = 'a control plane 80 ms away (delaying TCP proxy): first row, all loaded, keys meanwhile, list --all';
const RTT = 80;
const PAGE = 200;
const SIZES = {'scale-10k': 10_000, 'scale-100k': 100_000};

function startProxy(root, target) {
  const child = spawn(process.execPath, [join(root, 'bench/wanproxy.mjs'), '--target', target, '--rtt', String(RTT)], {stdio: ['ignore', 'pipe', 'inherit']});
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /proxy (\S+)/.exec(out);
      if (m) ok({url: m[1], stop: () => child.kill('SIGTERM')});
    });
    child.once('exit', (code) => fail(new Error(`wan proxy exited ${code}`)));
  });
}

export async function run(ctx) {
  const proxy = await startProxy(ctx.root, ctx.base.server);
  try {
    const base = {...ctx.base, server: proxy.url};
    const out = {rttMs: RTT, pageSize: PAGE, console: {}, listAll: {}};
    for (const [project, tokens] of Object.entries(SIZES)) {
      const n = project === 'scale-100k' ? 1 : ctx.n(2, 1);
      ctx.log(`wan: console on ${project} through the proxy (${n} run(s))…`);
      out.console[project] = [];
      for (let i = 0; i < n; i++) {
        out.console[project].push(ctx.harness('scale', {...base, project, presses: 20, presses_during_load: 30, load_timeout_ms: 240_000}));
      }
      const id = await ctx.projectId(project);
      out.listAll[project] = [];
      // The same verb straight to the sandbox, in the same run: what the server and the client
      // cost per page without the link (the sandbox is not free on a small box).
      const listAll = (server) => {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [ctx.bin, 'bootstrap-token', 'list', '--project', id, '--all', '--output', 'json', '--server', server, '--token-file', ctx.base.token_file], {stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30, timeout: 240_000});
        if (r.status !== 0) throw new Error(`list --all exited ${r.status}: ${r.stderr}`);
        return performance.now() - t0;
      };
      for (let i = 0; i < n; i++) out.listAll[project].push({ms: listAll(proxy.url), loopbackMs: listAll(ctx.base.server), tokens});
    }
    return out;
  } finally {
    proxy.stop();
  }
}

const pages = (tokens) => Math.ceil(tokens / PAGE);

export function goals(raw, h) {
  const g = [];
  for (const [project, tokens] of Object.entries(SIZES)) {
    const runs = (raw.console[project] ?? []).filter((x) => !x.error);
    if (!runs.length) continue;
    const loaded = h.stat(runs.map((x) => x.loaded_after_open_ms));
    const floor = pages(tokens) * raw.rttMs;
    g.push([`80 ms RTT, ${project}: all loaded`, '≤ 1.15× pages × RTT', `${h.fmt(loaded.median / floor, 2)}× (${h.fmt(loaded.median)} ms vs ${h.fmt(floor)} ms)`, loaded.median / floor <= 1.15]);
    const keys = h.stat(runs.map((x) => x.during_load_frame_max_ms));
    g.push([`80 ms RTT, ${project}: keys while loading`, '< 50 ms', `max ${h.fmt(keys.median, 1)} ms over ${runs.reduce((n, x) => n + x.during_load_presses, 0)} presses`, keys.median < 50]);
    const list = h.stat((raw.listAll[project] ?? []).map((x) => x.ms));
    g.push([`80 ms RTT, ${project}: \`list --all\``, '≤ 1.15× pages × RTT', `${h.fmt(list.median / floor, 2)}× (${h.fmt(list.median)} ms)`, list.median / floor <= 1.15]);
  }
  return g;
}

export function report(raw, h) {
  const L = [`## A control plane ${raw.rttMs} ms away (delaying TCP proxy)`, ''];
  L.push(`\`bench/wanproxy.mjs\` forwards every chunk ${raw.rttMs / 2} ms later in each direction (RTT ${raw.rttMs} ms; a new connection waits one RTT for its handshake). Keyset pages of ${raw.pageSize} are sequential, so **the floor is pages × RTT**; the figures are divided by it. "Opens" is the Tokens screen's header on screen (it is the first screen with \`--project\`).`, '');
  const ps = Object.keys(raw.console);
  L.push(`| figure | ${ps.join(' | ')} |`, `|---|${ps.map(() => '---|').join('')}`);
  const row = (label, f) => L.push(`| ${label} | ${ps.map((p) => f((raw.console[p] ?? []).filter((x) => !x.error), p)).join(' | ')} |`);
  row('runs', (r) => r.length);
  row('pages × RTT (the floor)', (r, p) => `${pages(SIZES[p])} × ${raw.rttMs} = ${h.fmt(pages(SIZES[p]) * raw.rttMs)} ms`);
  row('opens → first row', (r) => `${h.ms(h.stat(r.map((x) => x.first_row_after_open_ms)))} ms`);
  row('first row / one RTT', (r) => `${h.fmt(h.stat(r.map((x) => x.first_row_after_open_ms)).median / raw.rttMs, 1)}×`);
  row('**opens → all loaded**', (r) => `**${h.ms(h.stat(r.map((x) => x.loaded_after_open_ms)))} ms**`);
  row('**all loaded / floor**', (r, p) => `**${h.fmt(h.stat(r.map((x) => x.loaded_after_open_ms)).median / (pages(SIZES[p]) * raw.rttMs), 2)}×**`);
  row('↓ while loading: keypress → frame p50 / max', (r) => `${h.fmt(h.stat(r.map((x) => x.during_load_frame_p50_ms)).median, 1)} / ${h.fmt(h.stat(r.map((x) => x.during_load_frame_max_ms)).median, 1)} ms (${r.reduce((n, x) => n + x.during_load_presses, 0)} presses)`);
  row('keypress → frame p95 once loaded', (r) => `${h.fmt(h.stat(r.map((x) => x.frame_p95_ms)).median, 1)} ms`);
  row('RSS after loading', (r) => `${h.fmt(h.stat(r.map((x) => h.mb(x.rss_kb))).median)} MB`);
  row('`bootstrap-token list --all --output json` (spawn → exit)', (r, p) => `${h.ms(h.stat((raw.listAll[p] ?? []).map((x) => x.ms)))} ms`);
  row('**`list --all` / floor**', (r, p) => `**${h.fmt(h.stat((raw.listAll[p] ?? []).map((x) => x.ms)).median / (pages(SIZES[p]) * raw.rttMs), 2)}×**`);
  row('the same `list --all` straight to the sandbox (no proxy)', (r, p) => `${h.ms(h.stat((raw.listAll[p] ?? []).map((x) => x.loopbackMs)))} ms`);
  row('`list --all`: what the link added / floor', (r, p) => {
    const xs = (raw.listAll[p] ?? []).filter((x) => x.loopbackMs !== undefined);
    return `${h.fmt(h.stat(xs.map((x) => (x.ms - x.loopbackMs) / (pages(SIZES[p]) * raw.rttMs))).median, 2)}×`;
  });
  return L;
}
