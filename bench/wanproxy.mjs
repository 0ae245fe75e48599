#!/usr/bin/env node
// A delaying TCP proxy on loopback: a control plane `rtt` ms away. Every chunk is forwarded
// rtt/2 ms after it arrived, in each direction, in order; the TCP handshake to the proxy is
// local, so each new connection's first exchange is delayed once more by the proxy's own
// connect, as on a real link. Bandwidth is not limited (a WAN to the control plane is
// latency-bound for 50 KB pages).
//
//   node bench/wanproxy.mjs --target http://127.0.0.1:PORT --rtt 80   → prints "proxy http://127.0.0.1:P"
import net from 'node:net';
import {parseArgs} from 'node:util';

/** Forwards `from` → `to`, each chunk `delayMs` after it arrived, order kept. */
function delayedPipe(from, to, delayMs) {
  let tail = Promise.resolve();
  from.on('data', (chunk) => {
    const due = performance.now() + delayMs;
    tail = tail.then(() => new Promise((ok) => setTimeout(ok, Math.max(0, due - performance.now())))).then(() => {
      if (!to.destroyed) to.write(chunk);
    });
  });
  from.on('end', () => (tail = tail.then(() => new Promise((ok) => setTimeout(ok, delayMs))).then(() => to.end())));
  from.on('error', () => to.destroy());
}

export function startWanProxy({target, rttMs}) {
  const {hostname, port} = new URL(target);
  const half = rttMs / 2;
  const server = net.createServer((client) => {
    client.setNoDelay(true);
    client.pause();
    // The SYN/SYN-ACK of the far end: one round trip before the first byte can flow.
    setTimeout(() => {
      const upstream = net.connect({host: hostname, port: Number(port)}, () => {
        upstream.setNoDelay(true);
        delayedPipe(client, upstream, half);
        delayedPipe(upstream, client, half);
        client.resume();
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    }, rttMs);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({url: `http://127.0.0.1:${server.address().port}`, close: () => server.close()})));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const {values} = parseArgs({options: {target: {type: 'string'}, rtt: {type: 'string', default: '80'}}});
  const p = await startWanProxy({target: values.target, rttMs: Number(values.rtt)});
  process.stdout.write(`proxy ${p.url}\n`);
}
