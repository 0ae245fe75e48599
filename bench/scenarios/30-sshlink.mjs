// An SSH link of 64 kbit/s with 150 ms round trip between the console and the operator's
// terminal (bench/ptyharness.py `sshlink`: a throttle applied to every pty read): key →
// screen settled, ours against Ink's full redraw (PLEXCONSOLE_RENDER=full), same run.
export const name = 'sshlink';
export const title = 'an SSH link of 64 kbit/s and 150 ms: key → screen settled, incremental vs full redraw';
const MODES = {incremental: {PLEXCONSOLE_RENDER: null}, full: {PLEXCONSOLE_RENDER: 'full'}};
const KINDS = [
  ['down_inside', '↓ inside the window'],
  ['down_scroll', '↓ that scrolls the window'],
  ['enter_token', 'Enter on a token (detail screen)'],
  ['back', 'Esc back to the roster'],
  ['resize', 'a resize (120 ↔ 119 columns)'],
];

export async function run(ctx) {
  const n = ctx.n(2, 1);
  const out = {kbit: 64, latencyMs: 150, runs: {incremental: [], full: []}};
  for (let i = 0; i < n; i++) {
    for (const [mode, env] of Object.entries(MODES)) {
      out.runs[mode].push(ctx.harness('sshlink', {...ctx.base, project: 'scale-10k', env, kbit: out.kbit, latency_ms: out.latencyMs, presses: 5, enters: 3, resizes: 2}));
    }
  }
  return out;
}

const of = (raw, mode, kind, key) => raw.runs[mode].filter((r) => !r.error).flatMap((r) => r.samples.filter((s) => s.kind === kind).map((s) => s[key]));

export function goals(raw, h) {
  return KINDS.filter(([k]) => k !== 'back').map(([kind, label]) => {
    const inc = h.stat(of(raw, 'incremental', kind, 'settled_ms'));
    const full = h.stat(of(raw, 'full', kind, 'settled_ms'));
    return [`SSH link ${raw.kbit} kbit/s, ${raw.latencyMs} ms: ${label}`, 'settles sooner than Ink\'s full redraw', `${h.fmt(inc.median)} ms vs ${h.fmt(full.median)} ms`, inc.median <= full.median];
  });
}

export function report(raw, h) {
  const L = [`## An SSH link: ${raw.kbit} kbit/s, ${raw.latencyMs} ms round trip`, ''];
  L.push(`The console on the \`scale-10k\` roster; every read of the pseudo-terminal goes through a model of the link (\`Link\` in \`bench/ptyharness.py\`): output leaves when the link is free, takes bytes × 8 / ${raw.kbit} kbit/s to cross, and arrives ${raw.latencyMs / 2} ms later; a key reaches the console ${raw.latencyMs / 2} ms after it is pressed. **Key → settled** is from the press to the arrival of the last byte the key caused; the link is idle before each press. Floor: one round trip (${raw.latencyMs} ms) plus the bytes' serialisation. Median (min–max) over ${raw.runs.incremental.length} run(s) per mode.`, '');
  L.push('| action | ours: key → settled | ours: bytes | full redraw: key → settled | full redraw: bytes |', '|---|---|---|---|---|');
  for (const [kind, label] of KINDS) {
    L.push(`| ${label} | **${h.ms(h.stat(of(raw, 'incremental', kind, 'settled_ms')))} ms** | ${h.range(h.stat(of(raw, 'incremental', kind, 'bytes')))} | ${h.ms(h.stat(of(raw, 'full', kind, 'settled_ms')))} ms | ${h.range(h.stat(of(raw, 'full', kind, 'bytes')))} |`);
  }
  return L;
}
