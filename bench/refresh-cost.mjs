#!/usr/bin/env node
// What watching a roster costs the control plane with auto-refresh on (issue 10):
// requests and response bytes per minute while the console sits on a roster of ~100
// (edge-prod, 120 tokens) and of 100,000 tokens (scale-100k), `--refresh 5s`.
//
//   npm run build && node bench/refresh-cost.mjs [--seconds 60] [--refresh 5s]
//
// The built console runs in a tmux pane against `plexconsole sandbox --seed scale`, through
// a loopback proxy that counts requests and response bytes. Counting starts once the first
// full load is on screen (that one-off load is reported apart), so the figures are the
// steady cost of keeping the roster live. Results are printed; copy them into BENCHMARKS.md.
import {startSandboxProcess} from './sandboxProcess.mjs';
import {execFileSync} from 'node:child_process';
import http from 'node:http';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist/plexconsole.cjs');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A loopback proxy that counts requests and response body bytes. */
function countingProxy(target) {
  const counts = {requests: 0, bytes: 0};
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      counts.requests++;
      let r;
      let body;
      try {
        r = await fetch(new URL(req.url, target), {method: req.method, headers: req.headers, body: chunks.length ? Buffer.concat(chunks) : undefined});
        body = Buffer.from(await r.arrayBuffer());
      } catch {
        return void res.writeHead(502).end(); // the sandbox is stopping (end of the run)
      }
      counts.bytes += body.length;
      const headers = Object.fromEntries([...r.headers].filter(([k]) => !['content-encoding', 'transfer-encoding', 'content-length'].includes(k)));
      res.writeHead(r.status, headers).end(body);
    });
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({url: `http://127.0.0.1:${server.address().port}`, counts, close: () => server.close()})));
}

async function watch(sb, proxy, project, {binary, seconds, refresh}) {
  const {tokenFile} = sb;
  // A socket per watch: `kill-server` returns before the previous server has gone, and a new
  // session on the same socket then fails with "server exited unexpectedly".
  const socket = `plexconsole-bench-${process.pid}-${project}`;
  const tmux = (...a) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...a], {encoding: 'utf8'});
  const cmd = `node ${binary} --server ${proxy.url} --token-file ${tokenFile} --project ${project} --refresh ${refresh}`;
  tmux('new-session', '-d', '-s', 'b', '-x', '120', '-y', '40', cmd);
  try {
    const t0 = Date.now();
    while (!/ · [\d,]+ tokens/.test(tmux('capture-pane', '-p', '-t', 'b'))) {
      if (Date.now() - t0 > 600_000) throw new Error('roster did not load');
      await sleep(200);
    }
    const load = {...proxy.counts, seconds: (Date.now() - t0) / 1000};
    proxy.counts.requests = 0;
    proxy.counts.bytes = 0;
    await sleep(seconds * 1000);
    const perMinute = {requests: (proxy.counts.requests * 60) / seconds, bytes: (proxy.counts.bytes * 60) / seconds};
    return {project, load, perMinute};
  } finally {
    tmux('kill-server');
  }
}

/** Watches edge-prod and scale-100k; resolves with one record per roster (also runs from bench/scenarios). */
export async function refreshCost({binary = BIN, seconds = 60, refresh = '5s', projects = ['edge-prod', 'scale-100k'], log = console.log} = {}) {
  const out = [];
  const sb = await startSandboxProcess(binary);
  const proxy = await countingProxy(sb.url);
  try {
    for (const project of projects) {
      const r = await watch(sb, proxy, project, {binary, seconds, refresh});
      out.push({...r, refresh, seconds});
      log(
        `${project}: first load ${r.load.requests} requests, ${(r.load.bytes / 1024).toFixed(0)} KiB in ${r.load.seconds.toFixed(1)} s; ` +
          `then ${r.perMinute.requests.toFixed(0)} requests/min, ${(r.perMinute.bytes / 1024).toFixed(1)} KiB/min (--refresh ${refresh}, ${seconds} s measured)`,
      );
    }
  } finally {
    proxy.close();
    sb.stop();
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const {values} = parseArgs({options: {seconds: {type: 'string', default: '60'}, refresh: {type: 'string', default: '5s'}}});
  await refreshCost({seconds: Number(values.seconds), refresh: values.refresh});
}
