#!/usr/bin/env node
// Bulk revoke throughput: `bootstrap-token revoke --all --state live --yes` against a fresh
// `plexconsole sandbox --seed scale` (its own process), on the 2,500 live tokens of `scale-10k`.
// Figure: tokens revoked per second, wall clock of the verb (listing the 10,000 included).
//
//   node bench/bulk-revoke.mjs [--binary dist/plexconsole.cjs] [--concurrency 1,8,32]
// `npm run bench` runs it too (bench/run.mjs, scenario `bulkrevoke`).
import {startSandboxProcess} from './sandboxProcess.mjs';
import {spawn} from 'node:child_process';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function runVerb(binary, args) {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [binary, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('exit', (code) => ok({code, stdout, stderr}));
  });
}

/** One measurement per concurrency, each on a freshly seeded sandbox. */
export async function benchBulkRevoke({binary, concurrencies = [1, 8, 32], log = () => {}}) {
  const runs = [];
  for (const concurrency of concurrencies) {
    const sb = await startSandboxProcess(binary);
    try {
      const token = sb.token;
      const projects = await (await fetch(`${sb.url}/v1/projects?limit=200`, {headers: {authorization: `Bearer ${token}`}})).json();
      const project = projects.items.find((p) => p.slug === 'scale-10k').id;
      const args = ['bootstrap-token', 'revoke', '--project', project, '--all', '--state', 'live', '--yes', '--no-journal',
        '--concurrency', String(concurrency), '--output', 'json', '--server', sb.url, '--token-file', sb.tokenFile];
      const t0 = performance.now();
      const r = await runVerb(binary, args);
      const ms = performance.now() - t0;
      if (r.code !== 0) throw new Error(`revoke --all exited ${r.code}: ${r.stderr}`);
      const records = JSON.parse(r.stdout);
      const revoked = records.filter((x) => x.outcome === 'revoked').length;
      runs.push({concurrency, tokens: records.length, revoked, ms: Math.round(ms), perSecond: Math.round((revoked / ms) * 1000)});
      log(`bulk revoke, concurrency ${concurrency}: ${revoked}/${records.length} in ${Math.round(ms)} ms`);
    } finally {
      await sb.stop();
    }
  }
  return runs;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {binary: {type: 'string', default: join(ROOT, 'dist/plexconsole.cjs')}, concurrency: {type: 'string', default: '1,8,32'}}});
  const runs = await benchBulkRevoke({binary: resolve(values.binary), concurrencies: values.concurrency.split(',').map(Number), log: (m) => process.stderr.write(`[bench] ${m}\n`)});
  process.stdout.write(`${JSON.stringify(runs, null, 1)}\n`);
}
