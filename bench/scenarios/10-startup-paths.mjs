// Start-up of every path, as ratios to `node -e 0` taken in the same interleaved round:
// --version, --help, completion, a verb against the loopback sandbox (spawn → exit), and the
// console's first frame — for the bundle (`node dist/plexconsole.cjs`) and the single
// executable (dist/plexconsole-linux-x64) side by side; and, in the same rounds, the floors
// of the two slow paths (bench/floors/): a bare undici request and a bare Ink frame, built
// exactly as plexconsole is.
import {buildFloors} from '../floors/build.mjs';

export const name = 'startupPaths';
export const title = 'start-up of --version, --help, completion, whoami and the console: bundle and executable vs node -e 0';

const PATHS = [
  {key: 'version', label: '`--version`', args: ['--version'], goal: 1.5},
  {key: 'help', label: '`--help`', args: ['--help'], goal: 1.5},
  {key: 'completion', label: '`completion bash`', args: ['completion', 'bash'], goal: 1.5},
  {key: 'whoami', label: '`whoami` against the loopback sandbox', args: 'whoami', goal: 2, floor: 'request'},
];

/** What a path cannot go below: the least program doing its work, built the same way. */
const FLOORS = {
  request: {label: 'floor: a bare undici request to `GET /v1/auth/whoami`, body printed'},
  ink: {label: 'floor: a bare Ink frame (a header line and a row)'},
};

export async function run(ctx) {
  const exe = await ctx.exe();
  const builds = [{key: 'bundle', binary: ctx.bin, direct: false}, ...(exe ? [{key: 'exe', binary: exe, direct: true}] : [])];
  const n = ctx.n(10, 4);
  const argsOf = (p) => (p.args === 'whoami' ? ['whoami', '--server', ctx.base.server, '--token-file', ctx.base.token_file] : p.args);
  const {entry: floor, remove: removeFloors} = await buildFloors({server: ctx.base.server, tokenFile: ctx.base.token_file});
  const floorRequest = () => {
    const r = ctx.harness('exit', {binary: floor, args: ['request', ctx.base.server, ctx.base.token_file]});
    if (r.code !== 0) throw new Error(`floor request exited ${r.code}: ${r.output_tail}`);
    return r.exit_ms;
  };
  const floorInk = () => ctx.harness('startup', {binary: floor, args: ['ink'], row_pattern: 'ready'}).header_ms;
  // Warm the page cache (the executable is 100 MB) and the sandbox.
  for (const b of builds) for (const p of PATHS) ctx.harness('exit', {binary: b.binary, direct: b.direct, args: argsOf(p)});
  floorRequest();
  floorInk();
  const rounds = [];
  for (let i = 0; i < n; i++) {
    const round = {node0: ctx.harness('node0', {}).exit_ms, 'floor.request': floorRequest(), 'floor.ink': floorInk()};
    for (const b of builds) {
      for (const p of PATHS) {
        const r = ctx.harness('exit', {binary: b.binary, direct: b.direct, args: argsOf(p)});
        if (r.code !== 0) throw new Error(`${b.key} ${p.key} exited ${r.code}: ${r.output_tail}`);
        round[`${b.key}.${p.key}`] = r.exit_ms;
      }
      round[`${b.key}.console`] = ctx.harness('startup', {...ctx.base, binary: b.binary, direct: b.direct}).header_ms;
    }
    rounds.push(round);
  }
  removeFloors();
  return {builds: builds.map((b) => b.key), rounds};
}

const ROWS = [...PATHS, {key: 'console', label: 'the console: first frame', goal: 2.5, floor: 'ink'}];

function ratio(raw, h, key) {
  return h.stat(raw.rounds.map((r) => r[key] / r.node0));
}

export function goals(raw, h) {
  const out = [];
  for (const b of raw.builds) {
    for (const p of ROWS) {
      const s = ratio(raw, h, `${b}.${p.key}`);
      const t = h.stat(raw.rounds.map((r) => r[`${b}.${p.key}`]));
      const f = p.floor && raw.rounds[0]?.[`floor.${p.floor}`] !== undefined ? ratio(raw, h, `floor.${p.floor}`) : undefined;
      const got = `${h.fmt(s.median, 2)}× (${h.fmt(t.median)} ms)${f ? `; its floor ${h.fmt(f.median, 2)}×` : ''}`;
      // Above the goal is judged against the floor: a goal below the floor cannot be met.
      const ok = s.median <= p.goal ? true : f && f.median > p.goal ? `not met: the floor is ${h.fmt(f.median, 2)}×` : false;
      out.push([`start-up, ${b === 'exe' ? 'executable' : 'bundle'}: ${p.label}`, `≤ ${p.goal}× \`node -e 0\``, got, ok]);
    }
  }
  return out;
}

export function report(raw, h) {
  const L = ['## Start-up of every path: bundle and single executable', ''];
  L.push(`${raw.rounds.length} interleaved rounds on the same pseudo-terminal: \`node -e 0\`, then each path of each build. Headless paths: spawn → exit; the console: spawn → first frame (the header on screen). Ratios per round, median (min–max).`, '');
  L.push(`| path | ${raw.builds.map((b) => (b === 'exe' ? 'executable: ms' : 'bundle: ms')).join(' | ')} | ${raw.builds.map((b) => (b === 'exe' ? 'executable / node -e 0' : 'bundle / node -e 0')).join(' | ')} | goal |`);
  L.push(`|---|${raw.builds.map(() => '---|').join('')}${raw.builds.map(() => '---|').join('')}---|`);
  L.push(`| \`node -e 0\` | ${raw.builds.map(() => h.ms(h.stat(raw.rounds.map((r) => r.node0)), 1)).join(' | ')} | ${raw.builds.map(() => '1×').join(' | ')} | |`);
  for (const p of ROWS) {
    const t = raw.builds.map((b) => h.ms(h.stat(raw.rounds.map((r) => r[`${b}.${p.key}`]))));
    const q = raw.builds.map((b) => h.range(ratio(raw, h, `${b}.${p.key}`), (x) => `${h.fmt(x, 2)}×`));
    L.push(`| ${p.label} | ${t.join(' | ')} | ${q.join(' | ')} | ≤ ${p.goal}× |`);
  }
  for (const [key, f] of Object.entries(FLOORS)) {
    if (raw.rounds[0]?.[`floor.${key}`] === undefined) continue;
    const t = h.ms(h.stat(raw.rounds.map((r) => r[`floor.${key}`])));
    const q = h.range(ratio(raw, h, `floor.${key}`), (x) => `${h.fmt(x, 2)}×`);
    L.push(`| ${f.label} | ${raw.builds.map(() => t).join(' | ')} | ${raw.builds.map(() => q).join(' | ')} | |`);
  }
  L.push('', 'The floors (bench/floors/) are built by scripts/build.mjs\'s own `buildBundle`, with the same plugins, piece loader, WASM assets and V8 code caches as plexconsole: `whoami` cannot start, ask and exit sooner than the bare request, nor the console show its first frame sooner than the bare Ink frame.');
  return L;
}
