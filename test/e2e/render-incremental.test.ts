import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type Sandbox} from '../../src/sandbox/server.js';
import {analyseUpdate, FRAME_END, KEYS, PtyProcess} from './support/pty.js';
import {clearOfMinuteBoundary, tick} from '../support/clock.js';

// What the speed work changes, checked on the real binary under a real pseudo-terminal:
// the exact bytes the console writes. Correctness only, never timings.

const PROJECT = 'render-bytes';
const TOKENS = 300;

let sandbox: Sandbox;
let term: PtyProcess | undefined;

beforeAll(async () => {
  sandbox = await startSandbox({port: 0, seed: 'demo'});
  const {id} = await sandbox.addProject({slug: PROJECT, name: 'Render bytes'});
  // Mixed states; live ones expire no sooner than 2 minutes from now, so nothing flips
  // to `expired` while these tests run.
  await sandbox.seedTokens(id, TOKENS);
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(async () => {
  await term?.close();
  term = undefined;
});

/** The console on the roster, all pages loaded and the screen settled. */
async function openRoster(): Promise<PtyProcess> {
  term = new PtyProcess(['--server', sandbox.url, '--token-file', sandbox.tokenFiles.operator, '--project', PROJECT], {columns: 120, rows: 40});
  await term.waitFor(new RegExp(`· ${TOKENS} tokens │`), {timeoutMs: 20_000});
  await term.waitQuiet(400);
  return term;
}

/** Sends one key and returns the bytes of the update it caused (until 250 ms of quiet). */
async function press(t: PtyProcess, key: string): Promise<Buffer> {
  const mark = t.mark();
  t.write(key);
  await t.waitFor(() => t.since(mark).includes(FRAME_END), {timeoutMs: 5000});
  await t.waitQuiet(250);
  return t.since(mark);
}

describe('incremental rendering on a pseudo-terminal (120×40)', () => {
  it('↓ inside the window rewrites only the position counter and the two rows whose selection changed: no clear, no erased lines', async () => {
    const t = await openRoster();
    await clearOfMinuteBoundary(5000);
    for (let n = 1; n <= 3; n++) {
      const u = analyseUpdate(await press(t, KEYS.down));
      expect(u.frames, 'one frame per keypress').toBe(1);
      expect(u.clearScreen, 'ESC[2J: the whole screen was cleared').toBe(0);
      expect(u.eraseLine, 'ESC[2K: lines were erased instead of skipped').toBe(0);
      // The summary line's position counter (`2/300`), the row that lost the selection, then
      // the one that got it; everything else skipped.
      expect(u.rewritten).toHaveLength(3);
      expect(u.rewritten[0]).toMatch(new RegExp(`^${n + 1}/${TOKENS} · `));
      expect(u.rewritten[1]).toMatch(/^ {2}[0-9a-f]{8}-/);
      expect(u.rewritten[2]).toMatch(/^> [0-9a-f]{8}-/);
      expect(u.skipped).toBeGreaterThanOrEqual(30);
      expect(u.bytes).toBeLessThan(1200);
    }
  });

  it('an idle console writes nothing once settled', async () => {
    const t = await openRoster();
    await clearOfMinuteBoundary(3500);
    const mark = t.mark();
    await tick(3000);
    expect(t.since(mark).toString('utf8')).toBe('');
  });
});
