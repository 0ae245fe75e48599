#!/usr/bin/env node
// `npm run bench`: measures the built single-file binary on a pseudo-terminal against the
// sandbox and writes BENCHMARKS.md (plus bench/results.json with every raw sample).
//
//   node bench/run.mjs [--quick] [--binary dist/plexconsole.cjs] [--out BENCHMARKS.md]
//                      [--only startup,keys,idle,scale,<bench/scenarios/*.mjs names>] [--runs N] [--no-report]
//
// More scenarios: bench/scenarios/*.mjs, run after the built-in ones (see bench/scenarios/README.md).
//
// Everything is measured by bench/ptyharness.py (Python's pty module, standard library only);
// this file starts the sandbox as its own process, runs the scenarios interleaved so both
// sides of every ratio share the same noise, and writes the report.
import {startSandboxProcess} from './sandboxProcess.mjs';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {loadScenarios} from './report.mjs';
import os from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const HARNESS = join(HERE, 'ptyharness.py');

const {values: opt} = parseArgs({
  options: {
    quick: {type: 'boolean', default: false},
    binary: {type: 'string', default: join(ROOT, 'dist/plexconsole.cjs')},
    out: {type: 'string', default: join(ROOT, 'BENCHMARKS.md')},
    json: {type: 'string', default: join(HERE, 'results.json')},
    only: {type: 'string'},
    runs: {type: 'string'},
    'no-report': {type: 'boolean', default: false},
  },
});
const BIN = resolve(opt.binary);
const only = opt.only ? new Set(opt.only.split(',')) : undefined;
const want = (s) => !only || only.has(s);
const N = (full, quick) => (opt.runs ? Number(opt.runs) : opt.quick ? quick : full);
const COLS = 120;
const ROWS = 40;
const log = (...a) => process.stderr.write(`[bench] ${a.join(' ')}\n`);

if (!existsSync(BIN)) {
  console.error(`bench: ${BIN} is missing; run npm run build (npm run bench builds first)`);
  process.exit(2);
}

// ----------------------------------------------------------------------------- helpers

function harness(scenario, args) {
  const r = spawnSync('python3', [HARNESS, scenario, JSON.stringify({cols: COLS, rows: ROWS, binary: BIN, ...args})], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 10 * 60 * 1000,
  });
  if (r.status !== 0) throw new Error(`ptyharness ${scenario} failed (${r.status}): ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  if (out.error) log(`${scenario}: ${out.error}\n${out.screen ?? ''}`);
  return out;
}

function machine() {
  const cpus = os.cpus();
  let kernel = os.release();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.type()} ${kernel} ${os.arch()}`,
    cpu: `${cpus[0]?.model ?? '?'} × ${cpus.length}`,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(1),
    load: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    python: spawnSync('python3', ['--version'], {encoding: 'utf8'}).stdout.trim(),
    binaryBytes: readFileSync(BIN).length,
  };
}

/** What a bench/scenarios/*.mjs module gets (bench/scenarios/README.md). */
function scenarioContext({base, sb}) {
  let exe;
  return {
    harness,
    base,
    sandbox: sb,
    bin: BIN,
    root: ROOT,
    quick: opt.quick,
    n: N,
    log,
    async exe() {
      if (exe !== undefined) return exe || undefined;
      const {executableName, seaUnsupported} = await import('../scripts/package.mjs');
      if (seaUnsupported()) return (exe = '') || undefined;
      const path = join(ROOT, 'dist', executableName());
      if (!existsSync(path) || statSync(path).mtimeMs < statSync(BIN).mtimeMs) {
        log('building the single executable (npm run package)…');
        const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--reuse-build'], {stdio: ['ignore', 'ignore', 'inherit']});
        if (r.status !== 0) throw new Error('npm run package failed');
      }
      return (exe = path);
    },
    async projectId(slug) {
      const res = await fetch(`${sb.url}/v1/projects?limit=200`, {headers: {authorization: `Bearer ${sb.token}`}});
      const body = await res.json();
      const p = body.items.find((x) => x.slug === slug);
      if (!p) throw new Error(`no project ${slug}`);
      return p.id;
    },
  };
}

// ----------------------------------------------------------------------------- scenarios

async function main() {
  const results = {machine: machine(), config: {cols: COLS, rows: ROWS, quick: opt.quick, binary: relative(ROOT, BIN)}};
  // Candidate builds once measured side by side (bench/build-variant.mjs) have all shipped:
  // the Ink patches and the start-up split; bench/notes.md keeps their before/after figures.
  log(`binary ${BIN}; starting sandbox (seed scale)…`);
  const sb = await startSandboxProcess(BIN);
  log(`sandbox ${sb.url} ready in ${sb.seedMs.toFixed(0)} ms`);
  results.sandbox = {url: sb.url, seedMs: sb.seedMs};
  const base = {server: sb.url, token_file: sb.tokenFile};
  try {
    if (want('startup')) {
      const n = N(10, 5);
      log(`startup: ${n} interleaved pairs (node -e 0 / console on Projects)…`);
      harness('node0', {});
      harness('startup', {...base}); // warm the page cache and the sandbox
      const pairs = [];
      for (let i = 0; i < n; i++) {
        const node0 = harness('node0', {});
        const con = harness('startup', {...base});
        pairs.push({node0: node0.exit_ms, ...con});
      }
      results.startup = pairs;
    }
    if (want('keys')) {
      const n = N(3, 2);
      log(`keys: ${n} runs × {incremental, full} on scale-10k…`);
      const runs = {incremental: [], full: []};
      const keyArgs = {...base, project: 'scale-10k', scroll_presses: opt.quick ? 8 : 20, presses: 20};
      for (let i = 0; i < n; i++) {
        for (const mode of ['incremental', 'full']) {
          const r = harness('keys', {...keyArgs, env: mode === 'full' ? {PLEXCONSOLE_RENDER: 'full'} : {PLEXCONSOLE_RENDER: null}});
          runs[mode].push(r);
        }
      }
      results.keys = runs;
    }
    if (want('idle')) {
      const n = N(3, 1);
      const seconds = opt.quick ? 5 : 10;
      log(`idle: ${n} runs × ${seconds} s on the scale-10k roster and on Projects…`);
      const runs = [];
      const projects = [];
      for (let i = 0; i < n; i++) {
        runs.push(harness('idle', {...base, project: 'scale-10k', seconds}));
        projects.push(harness('idle', {...base, seconds}));
      }
      results.idle = {seconds, runs, projects};
    }
    if (want('scale')) {
      const n = N(3, 1);
      results.scale = {};
      for (const project of ['scale-10k', 'scale-100k']) {
        log(`scale: ${n} runs on ${project}…`);
        const runs = [];
        for (let i = 0; i < n; i++) {
          runs.push(harness('scale', {...base, project, presses: opt.quick ? 60 : 200}));
        }
        results.scale[project] = runs;
      }
    }
    const ctx = scenarioContext({base, sb});
    for (const sc of await loadScenarios()) {
      if (!want(sc.name)) continue;
      log(`${sc.name}: ${sc.title ?? ''}…`);
      // One scenario failing must not lose the others' minutes of figures: it is reported as failed.
      try {
        results[sc.name] = await sc.run(ctx);
      } catch (e) {
        log(`${sc.name} failed: ${e?.stack ?? e}`);
        results[sc.name] = {error: String(e?.message ?? e).split('\n')[0]};
      }
    }
  } finally {
    await sb.stop();
  }
  results.machine.loadAfter = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  writeFileSync(opt.json, JSON.stringify(results, null, 1) + '\n');
  log(`raw results → ${relative(ROOT, opt.json)}`);
  if (!opt['no-report']) {
    const {writeReport} = await import('./report.mjs');
    writeFileSync(opt.out, writeReport(results, await loadScenarios()));
    log(`report → ${relative(ROOT, opt.out)}`);
  }
  const failed = Object.entries(results).filter(([, v]) => v?.error !== undefined && !Array.isArray(v));
  if (failed.length) {
    log(`failed: ${failed.map(([k]) => k).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
