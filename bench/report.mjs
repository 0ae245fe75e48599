#!/usr/bin/env node
// Turns bench/results.json into BENCHMARKS.md. bench/run.mjs calls writeReport();
// `node bench/report.mjs [results.json] [BENCHMARKS.md]` regenerates the report from
// saved raw results without re-measuring. The prose in bench/notes.md (what was tried,
// why a miss is out of reach) is appended verbatim.
import {existsSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

function quantile(xs, p) {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return undefined;
  const k = (s.length - 1) * p;
  const lo = Math.floor(k);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (s[hi] - s[lo]) * (k - lo);
}
const nums = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x));
const stat = (xs) => {
  const v = nums(xs);
  return v.length ? {median: quantile(v, 0.5), min: Math.min(...v), max: Math.max(...v), n: v.length} : {n: 0};
};
const fmt = (x, d = 0) => (x === undefined || x === null || !Number.isFinite(x) ? '–' : x.toLocaleString('en-US', {minimumFractionDigits: d, maximumFractionDigits: d}));
const pct = (x) => (x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)} %`);
const ms = (s, d = 0) => (s.n ? `${fmt(s.median, d)} (${fmt(s.min, d)}–${fmt(s.max, d)})` : '–');
const range = (s, f = (x) => fmt(x)) => (s.n ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : '–');
const mb = (kb) => (kb === undefined ? undefined : (kb * 1024) / 1e6);
// A goal is met, not met, or (a string) judged against a measured floor.
const met = (ok) => (ok === undefined ? '–' : typeof ok === 'string' ? `**${ok}**` : ok ? '**met**' : '**not met**');

function summariseKeys(runs) {
      const ok = runs.filter((x) => !x.error);
  const per = ok.map((run) => {
    const inside = quantile(run.inside.map((s) => s.bytes), 0.5);
    const scroll = quantile(run.scroll.map((s) => s.bytes), 0.5);
    const full = run.full_frame ?? run.full_grow.bytes;
    return {inside, scroll, full, shrink: run.full_shrink.bytes, grow: run.full_grow.bytes, ri: inside / full, rs: scroll / full, window: run.window_rows};
  });
  const all = (k) => ok.flatMap((run) => run[k]);
  return {
    runs: ok.length,
    window: per[0]?.window,
    inside: stat(all('inside').map((s) => s.bytes)),
    scroll: stat(all('scroll').map((s) => s.bytes)),
    full: stat(per.map((x) => x.full)),
    shrink: stat(per.map((x) => x.shrink)),
    grow: stat(per.map((x) => x.grow)),
    ri: stat(per.map((x) => x.ri)),
    rs: stat(per.map((x) => x.rs)),
    insideLines: stat(all('inside').map((s) => s.line_writes)),
    scrollLines: stat(all('scroll').map((s) => s.line_writes)),
    insideErase: stat(all('inside').map((s) => s.erase_lines)),
    insideClear: stat(all('inside').map((s) => s.clear_screen)),
    scrollOps: stat(all('scroll').map((s) => s.scroll_ops)),
    insideFrame: stat(all('inside').map((s) => s.frame_ms)),
    scrollFrame: stat(all('scroll').map((s) => s.frame_ms)),
  };
}

function summariseScale(runs0) {
      const runs = runs0.filter((x) => !x.error);
  return {
    runs: runs.length,
    header: stat(runs.map((x) => x.header_ms)),
    firstRow: stat(runs.map((x) => x.first_row_after_open_ms)),
    firstRowSpawn: stat(runs.map((x) => x.first_row_ms)),
    loaded: stat(runs.map((x) => x.loaded_after_open_ms)),
    rss: stat(runs.map((x) => mb(x.rss_kb))),
    hwm: stat(runs.map((x) => mb(x.hwm_kb))),
    rssAfter: stat(runs.map((x) => mb(x.rss_after_presses_kb))),
    p50: stat(runs.map((x) => x.frame_p50_ms)),
    p95: stat(runs.map((x) => x.frame_p95_ms)),
    pmax: stat(runs.map((x) => x.frame_max_ms)),
    firstByteP95: stat(runs.map((x) => x.first_byte_p95_ms)),
    presses: runs.reduce((n, x) => n + x.presses, 0),
    missing: runs.reduce((n, x) => n + x.missing_frames, 0),
    progress: runs.every((x) => x.progress_seen),
    duringP50: stat(runs.map((x) => x.during_load_frame_p50_ms)),
    duringMax: stat(runs.map((x) => x.during_load_frame_max_ms)),
    duringN: runs.reduce((n, x) => n + x.during_load_presses, 0),
  };
}

/** bench/scenarios/*.mjs in name order (bench/scenarios/README.md). */
export async function loadScenarios() {
  const dir = join(HERE, 'scenarios');
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  return Promise.all(files.map((f) => import(pathToFileURL(join(dir, f)).href)));
}

/** Helpers a scenario's report() and goals() use. */
export const helpers = {stat, fmt, pct, ms, range, mb, met, quantile};

export function summarise(r) {
  const out = {};
  if (r.startup) {
    const p = r.startup;
    out.node0 = stat(p.map((x) => x.node0));
    out.frame = stat(p.map((x) => x.header_ms));
    out.esuFrame = stat(p.map((x) => x.first_frame_ms));
    out.data = stat(p.map((x) => x.first_data_ms));
    out.startRss = stat(p.map((x) => mb(x.rss_kb)));
    out.ratio = stat(p.map((x) => x.header_ms / x.node0));
    out.ratioOfMedians = out.frame.median / out.node0.median;
  }
  if (r.keys) {
    out.keys = {};
    for (const [mode, runs] of Object.entries(r.keys)) {
      out.keys[mode] = summariseKeys(runs);
    }
  }
  if (r.idle) {
    const runs = [...r.idle.runs, ...(r.idle.projects ?? [])].filter((x) => !x.error);
    // Bytes are fine only when what changed on screen were clock-driven cells (relative
    // times at a minute boundary, STATE and the counts line when a token expired): a shown tick.
    const tick = (x) => x.bytes === 0 || (x.changed_row_count > 0 && (x.only_clock_cells_changed ?? x.minute_boundary_crossed));
    out.idle = {
      seconds: r.idle.seconds,
      bytes: stat(runs.map((x) => x.bytes)),
      runs,
      silent: runs.filter((x) => x.bytes === 0).length,
      ok: runs.length > 0 && runs.every(tick),
    };
  }
  if (r.scale) {
    out.scale = {};
    for (const [project, runs0] of Object.entries(r.scale)) {
      out.scale[project] = summariseScale(runs0);
    }
  }
  if (r.variants) {
    const v = r.variants;
    out.variants = {};
    if (v.lean?.startup) {
      const p = v.lean.startup;
      out.variants.lean = {frame: stat(p.map((x) => x.header_ms)), ratio: stat(p.map((x) => x.header_ms / x.node0)), rss: stat(p.map((x) => mb(x.rss_kb)))};
    }
    if (v.patched?.keys) out.variants.patchedKeys = summariseKeys(v.patched.keys);
    if (v.patched?.scale100k) out.variants.patchedScale = summariseScale(v.patched.scale100k);
  }
  return out;
}

export function goals(s) {
  const inc = s.keys?.incremental;
  const big = s.scale?.['scale-100k'];
  const g = [];
  if (s.ratio) g.push(['first frame', '≤ 4× `node -e 0`', `${fmt(s.ratio.median, 2)}× (${fmt(s.frame.median)} ms vs ${fmt(s.node0.median, 1)} ms)`, s.ratio.median <= 4]);
  if (inc) {
    g.push(['↓ inside the window', '≤ 15 % of a full frame', `${pct(inc.ri.median)} (${fmt(inc.inside.median)} B of ${fmt(inc.full.median)} B)`, inc.ri.median <= 0.15]);
    g.push(['↓ that scrolls', '≤ 60 % of a full frame', `${pct(inc.rs.median)} (${fmt(inc.scroll.median)} B of ${fmt(inc.full.median)} B)`, inc.rs.median <= 0.6]);
  }
  if (s.idle) g.push([`idle (${s.idle.seconds} s)`, '0 bytes, apart from a shown clock tick', `${s.idle.silent} of ${s.idle.runs.length} windows silent; the rest ${s.idle.ok ? 'only shown clock ticks' : 'NOT only clock ticks'} (max ${fmt(s.idle.bytes.max)} B)`, s.idle.ok]);
  if (big) {
    g.push(['100k tokens: first row', '≤ 500 ms after the Tokens screen opens', `${fmt(big.firstRow.median)} ms`, big.firstRow.median <= 500]);
    g.push(['100k tokens: all loaded', '≤ 20 s, progress visible, usable meanwhile', `${fmt(big.loaded.median / 1000, 1)} s; progress ${big.progress ? 'seen' : 'NOT seen'}; ↓ while loading ${fmt(big.duringP50.median, 1)} ms p50`, big.loaded.median <= 20000 && big.progress]);
    // Issue 12 (bastion hosts are small): ≤ 150 MB fully loaded; it was ≤ 250 MB before.
    g.push(['100k tokens: RSS after loading', '≤ 150 MB', `${range(big.rss)} MB`, big.rss.median <= 150]);
    g.push(['keypress → frame, p95 at 100k rows', '≤ 16 ms', `${fmt(big.p95.median, 1)} ms`, big.p95.median <= 16]);
  }
  return g;
}

export function writeReport(r, scenarios = []) {
  const s = summarise(r);
  const extra = scenarios.filter((sc) => r[sc.name] !== undefined);
  const m = r.machine;
  const L = [];
  L.push('# Benchmarks', '');
  L.push('Generated by `npm run bench` (`bench/run.mjs`); do not edit by hand: the prose at the end comes from `bench/notes.md`, the raw samples are in `bench/results.json`.', '');
  L.push(`- Date: ${m.date}`);
  L.push(`- Machine: ${m.cpu}, ${m.memGiB} GiB RAM, ${m.platform}; load average ${m.load} before, ${m.loadAfter ?? '?'} after`);
  L.push(`- Node ${m.node}, ${m.python}; binary \`${r.config.binary}\` (${fmt(m.binaryBytes / 1024)} KiB)${r.config.quick ? '; **--quick run** (fewer repetitions)' : ''}`);
  L.push(`- Terminal: a pseudo-terminal of ${r.config.cols}×${r.config.rows} (Python \`pty\`), TERM=xterm-256color; sandbox \`plexconsole sandbox --seed scale\` in its own process (seeded in ${fmt(r.sandbox?.seedMs)} ms)`);
  L.push('- Figures are medians with (min–max) over the runs; machines here are noisy, so the goals are judged on ratios measured side by side in the same run where the goal is a ratio.', '');

  L.push('## Goals', '', '| figure | goal | measured | |', '|---|---|---|---|');
  // A scenario that failed has {error} instead of its figures: one row says so.
  const failed = (sc) => r[sc.name]?.error !== undefined;
  const rows = [
    ...goals(s),
    ...extra.flatMap((sc) => (failed(sc) ? [[sc.title ?? sc.name, '–', `the scenario failed: ${r[sc.name].error}`, false]] : (sc.goals?.(r[sc.name], helpers) ?? []))),
  ];
  for (const [f, goal, got, ok] of rows) L.push(`| ${f} | ${goal} | ${got} | ${met(ok)} |`);
  L.push('');

  if (s.ratio) {
    L.push('## 1. Start-up', '');
    L.push(`${s.frame.n} interleaved pairs: \`node -e 0\`, then the console (\`--server … --token-file …\`, opens on Projects).`, '');
    L.push('| figure | median (min–max) |', '|---|---|');
    L.push(`| \`node -e 0\`: spawn → exit | ${ms(s.node0, 1)} ms |`);
    L.push(`| console: spawn → header line on screen (first frame) | ${ms(s.frame)} ms |`);
    L.push(`| console: spawn → Projects rows on screen | ${ms(s.data)} ms |`);
    L.push(`| **ratio first frame / \`node -e 0\`** (per pair) | **${range(s.ratio, (x) => fmt(x, 2) + '×')}** (ratio of medians ${fmt(s.ratioOfMedians, 2)}×) |`);
    L.push(`| console RSS once Projects are shown | ${range(s.startRss)} MB |`);
    L.push('');
  }

  if (s.keys) {
    L.push('## 2. Bytes per keypress (Tokens roster of `scale-10k`)', '');
    L.push('Incremental is the console as shipped; `PLEXCONSOLE_RENDER=full` is Ink\'s default renderer (erase the whole frame and write it again on every update), the in-run reference.', '');
    const modes = Object.keys(s.keys);
    L.push(`| figure | ${modes.join(' | ')} |`, `|---|${modes.map(() => '---|').join('')}`);
    const row = (label, f) => L.push(`| ${label} | ${modes.map((k) => f(s.keys[k])).join(' | ')} |`);
    row('window (rows of the table on screen)', (k) => fmt(k.window));
    row('↓ inside the window: bytes', (k) => range(k.inside));
    row('↓ that scrolls the window: bytes', (k) => range(k.scroll));
    row('**full frame**: the complete frame redrawn after a resize (120→119 columns): bytes', (k) => range(k.full));
    row('(everything written for that resize, erase included: bytes)', (k) => range(k.shrink));
    row('(widening back to 120 columns: bytes)', (k) => range(k.grow));
    row('**↓ inside / full frame**', (k) => `**${range(k.ri, pct)}**`);
    row('**↓ scroll / full frame**', (k) => `**${range(k.rs, pct)}**`);
    row('↓ inside: lines rewritten', (k) => range(k.insideLines));
    row('↓ inside: `ESC[2K` line erases / `ESC[2J` clears', (k) => `${range(k.insideErase)} / ${range(k.insideClear)}`);
    row('↓ scroll: lines rewritten', (k) => range(k.scrollLines));
    row('↓ scroll: scroll-region / insert-delete-line ops', (k) => range(k.scrollOps));
    row('↓ inside: keypress → frame written (ms)', (k) => range(k.insideFrame, (x) => fmt(x, 1)));
    row('↓ scroll: keypress → frame written (ms)', (k) => range(k.scrollFrame, (x) => fmt(x, 1)));
    L.push('');
  }

  if (s.idle) {
    L.push(`## 3. Idle (${s.idle.seconds} s per window, screen settled: the \`scale-10k\` roster with all pages loaded, and Projects)`, '');
    L.push('| run | screen | bytes | frames | minute boundary inside | rows that changed | only clock-driven cells? |', '|---|---|---|---|---|---|---|');
    s.idle.runs.forEach((x, i) => L.push(`| ${i + 1} | ${x.screen_name ?? 'tokens'} | ${x.bytes} | ${x.frames} | ${x.minute_boundary_crossed ? 'yes' : 'no'} | ${x.changed_row_count}${x.changed_row_count ? ': ' + x.changed_rows.slice(0, 2).map((c) => '`' + c.after.trim().replace(/\s+/g, ' ').slice(0, 70) + '`').join(', ') : ''} | ${x.changed_row_count ? (x.only_clock_cells_changed ? 'yes' : '**no**') : '–'} |`));
    L.push('', 'The scale Projects are seeded with live tokens whose expiry falls during the bench, so the roster legitimately changes when one expires (its STATE, if visible, and the counts line); the console re-renders exactly at that moment (`useClock(60 s, next expiry)`) and Ink writes only the changed line.', '');
  }

  if (s.scale) {
    L.push('## 4. Scale (`--project scale-10k` / `--project scale-100k`)', '');
    const ps = Object.keys(s.scale);
    L.push(`| figure | ${ps.join(' | ')} |`, `|---|${ps.map(() => '---|').join('')}`);
    const row = (label, f) => L.push(`| ${label} | ${ps.map((k) => f(s.scale[k])).join(' | ')} |`);
    row('runs', (k) => fmt(k.runs));
    row('spawn → header (Tokens screen opens)', (k) => `${ms(k.header)} ms`);
    row('**Tokens screen opens → first row on screen**', (k) => `**${ms(k.firstRow)} ms**`);
    row('**Tokens screen opens → all pages loaded**', (k) => `**${ms(k.loaded)} ms**`);
    row('progress (`loading n/…`) seen while loading', (k) => (k.progress ? 'yes' : 'no'));
    row('↓ while pages load: keypress → frame p50 / max', (k) => `${range(k.duringP50, (x) => fmt(x, 1))} / ${range(k.duringMax, (x) => fmt(x, 1))} ms (${k.duringN} presses)`);
    row('**RSS after loading (VmRSS)**', (k) => `**${range(k.rss)} MB**`);
    row('peak RSS (VmHWM)', (k) => `${range(k.hwm)} MB`);
    row('RSS after the key presses', (k) => `${range(k.rssAfter)} MB`);
    row('keypress → frame written, p50', (k) => `${range(k.p50, (x) => fmt(x, 1))} ms`);
    row('**keypress → frame written, p95**', (k) => `**${range(k.p95, (x) => fmt(x, 1))} ms**`);
    row('keypress → frame written, max', (k) => `${range(k.pmax, (x) => fmt(x, 1))} ms`);
    row('keypress → first byte, p95', (k) => `${range(k.firstByteP95, (x) => fmt(x, 1))} ms`);
    row('presses measured (frames missing)', (k) => `${k.presses} (${k.missing})`);
    L.push('');
  }

  for (const sc of extra) if (sc.report && r[sc.name] !== undefined && !failed(sc)) L.push(...sc.report(r[sc.name], helpers), '');

  if (s.variants) {
    const v = s.variants;
    L.push('## Candidate changes, measured in the same run', '');
    L.push('Builds made by `bench/build-variant.mjs` from the same sources with the same esbuild options as `scripts/build.mjs`, plus one change each; nothing here ships until it is moved into the build. Same scenarios, interleaved with the shipped binary.', '');
    L.push('| figure | goal | shipped | candidate |', '|---|---|---|---|');
    if (v.lean && s.ratio) L.push(`| first frame / \`node -e 0\` (lean: sandbox + headless commands not loaded at start-up) | ≤ 4× | ${range(s.ratio, (x) => fmt(x, 2) + '×')} | ${range(v.lean.ratio, (x) => fmt(x, 2) + '×')} |`);
    if (v.lean && s.frame) L.push(`| first frame, ms (lean) | | ${ms(s.frame)} | ${ms(v.lean.frame)} |`);
    const inc = s.keys?.incremental;
    const pk = v.patchedKeys;
    if (pk && inc) {
      L.push(`| ↓ inside / full frame (Ink patches) | ≤ 15 % | ${range(inc.ri, pct)} | ${range(pk.ri, pct)} |`);
      L.push(`| ↓ scroll / full frame (Ink patches) | ≤ 60 % | ${range(inc.rs, pct)} | ${range(pk.rs, pct)} |`);
      L.push(`| ↓ scroll: bytes / lines rewritten / IL-DL ops | | ${fmt(inc.scroll.median)} B / ${fmt(inc.scrollLines.median)} / ${fmt(inc.scrollOps.median)} | ${fmt(pk.scroll.median)} B / ${fmt(pk.scrollLines.median)} / ${fmt(pk.scrollOps.median)} |`);
      L.push(`| ↓ inside: keypress → frame, median (10k rows) | | ${range(inc.insideFrame, (x) => fmt(x, 1))} ms | ${range(pk.insideFrame, (x) => fmt(x, 1))} ms |`);
    }
    const ps = v.patchedScale;
    const big = s.scale?.['scale-100k'];
    if (ps && big) {
      L.push(`| keypress → frame p95 at 100k rows (Ink patches) | ≤ 16 ms | ${range(big.p95, (x) => fmt(x, 1))} ms | ${range(ps.p95, (x) => fmt(x, 1))} ms |`);
      L.push(`| keypress → frame p50 at 100k rows (Ink patches) | | ${range(big.p50, (x) => fmt(x, 1))} ms | ${range(ps.p50, (x) => fmt(x, 1))} ms |`);
      L.push(`| RSS after loading 100k (Ink patches) | ≤ 250 MB | ${range(big.rss)} MB | ${range(ps.rss)} MB |`);
      L.push(`| RSS after the key presses (Ink patches) | | ${range(big.rssAfter)} MB | ${range(ps.rssAfter)} MB |`);
    }
    L.push('');
  }

  L.push('## How each number is measured', '');
  L.push(...[
    '- **Harness**: `bench/ptyharness.py` opens a pseudo-terminal (`os.openpty`, size set with `TIOCSWINSZ` before the child starts), spawns the process on it as session leader, and a reader thread timestamps every `read()` of the master side with `time.perf_counter()`. A small VT emulator replays the bytes, so "visible" means on the emulated screen, not merely somewhere in the byte stream. `CI`/`CONTINUOUS_INTEGRATION` are removed from the child environment (Ink writes nothing until exit under CI).',
    '- **Start-up**: t0 = just before `fork`/`exec`. `node -e 0`: t0 → process exit. Console: t0 → the read after which the first screen line starts with `plexconsole · ` (the header; Ink writes whole frames, so this is the first frame). The ratio is taken per interleaved pair and the median reported.',
    '- **Bytes per keypress**: the console opens `--project scale-10k`, waits until all pages are loaded and the screen has been quiet for 300 ms, then sends `ESC[B` and counts the bytes written until 150 ms pass with no output. The window size is the number of roster rows on the emulated screen; the selection starts on the first row, so presses 1…(window−1) move inside the window (the last 20 are kept) and the following ones scroll it. **Full frame**: the pty is narrowed from 120 to 119 columns (TIOCSWINSZ + SIGWINCH); on a width decrease Ink erases its output and writes the whole frame again, and the full-frame figure is that complete frame — the largest synchronized-output block (`ESC[?2026h`…`ESC[?2026l`) written in response, without the erase before it (so the ratios are, if anything, pessimistic). The same screen under `PLEXCONSOLE_RENDER=full` (Ink erases and rewrites the whole frame on every update) is the cross-check: its ↓ costs one full frame plus the erase. Ratios are per run (median press / that run\'s full frame), median over runs. Line counts come from the escape sequences: `ESC[K` ends each rewritten line in Ink\'s incremental writer, `ESC[E` skips an unchanged one, `ESC[2K` is one erased line, `ESC[2J` a full clear, `ESC[<n>L`/`ESC[<n>M` insert/delete lines (the scroll writer).',
    '- **Idle**: two screens, each once its content is in place and 1 s has passed without output: the `scale-10k` roster with all pages loaded, and Projects (the first screen). Every byte written over the window is counted. When bytes arrive, the emulated screen before and after is compared row by row; a run passes if the only differences are clock-driven cells (relative times, `live`→`expired`, the counts line), i.e. a change the screen actually shows, and whether a wall-clock minute boundary fell inside the window is recorded.',
    '- **Scale**: the console starts with `--project scale-10k` or `--project scale-100k`; "Tokens screen opens" is the moment the header (`… · tokens · scale-100k`) is first on screen (the Tokens screen is the first screen, so this is when it mounts); "first row" is the first roster row (`> ` or two spaces then an 8-hex-digit id) on screen; "all loaded" is when rows are shown and no `loading n/…` progress is left. Up to 10 ↓ presses are sent while pages load, to check the screen stays usable. RSS is `VmRSS` of the console process from `/proc/<pid>/status` after loading (the sandbox is a separate process). Then 200 presses (50 ↓, 50 ↑, …), each sent once the previous frame has been quiet for 40 ms: **keypress → frame** is the time from the `write()` of the key to the read that carries the end of Ink\'s synchronized-output block (`ESC[?2026l`), i.e. when the whole frame has reached the terminal; p50/p95/max over the presses of a run, median over runs.',
  ]);
  L.push('');
  const notes = join(HERE, 'notes.md');
  if (existsSync(notes)) L.push(readFileSync(notes, 'utf8').trim(), '');
  return L.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const src = process.argv[2] ?? join(HERE, 'results.json');
  const dst = process.argv[3] ?? join(HERE, '..', 'BENCHMARKS.md');
  writeFileSync(dst, writeReport(JSON.parse(readFileSync(src, 'utf8')), await loadScenarios()));
  process.stderr.write(`[bench] report → ${dst}\n`);
}
