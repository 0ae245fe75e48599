import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {clampWindow} from '../../src/hooks/listWindow.js';
import {startSandbox, type Sandbox} from '../../src/sandbox/server.js';
import {BINARY, openPane, sh, type Pane} from './support/tmux.js';

// Incremental writes must never drift: after many keypresses the screen must be exactly
// what a fresh console brought to the same state draws. tmux is the terminal emulator
// (capture-pane), so cursor moves, skipped lines and scroll operations are all interpreted
// by a real terminal.

const PROJECT = 'render-drift';
const TOKENS = 300;
const COLUMNS = 120;
const ROWS = 40;

let sandbox: Sandbox;
const panes: Pane[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({port: 0, seed: 'demo'});
  const {id} = await sandbox.addProject({slug: PROJECT, name: 'Render drift'});
  await sandbox.seedTokens(id, TOKENS); // mixed states; nothing expires within 2 minutes
});
afterAll(async () => {
  await sandbox?.close();
});
afterEach(() => {
  for (const p of panes.splice(0)) {
    // Kill the console itself first: it does not always exit on the SIGHUP that
    // kill-server sends, and an orphan keeps writing to the dead terminal.
    try {
      process.kill(p.pid(), 'SIGKILL');
    } catch {
      /* already gone */
    }
    p.kill();
  }
});

async function openRoster(): Promise<Pane> {
  const command = ['node', process.env['PLEXCONSOLE_E2E_BINARY'] ?? BINARY, '--server', sandbox.url, '--token-file', sandbox.tokenFiles.operator, '--project', PROJECT].map(sh).join(' ');
  // CI=0: Ink renders nothing until exit when it believes it runs in CI (is-in-ci), and
  // the tmux server inherits the test runner's environment.
  const pane = await openPane(command, {columns: COLUMNS, rows: ROWS, env: {CI: '0', CONTINUOUS_INTEGRATION: '0'}});
  panes.push(pane);
  await pane.waitFor(new RegExp(`· ${TOKENS} tokens │`), 20_000);
  return pane;
}

/** Time-derived cells (ISSUED, EXPIRES) can tick between two captures; everything else must match. */
function normalise(screen: string): string {
  return screen
    .split('\n')
    .map((l) => l.replace(/\b(in \d+[smhd]|\d+[smhd] ago|just now)\b/g, '~t').trimEnd())
    .join('\n');
}

const ROW = /^[> ] [0-9a-f]{8}-/;

/** The screen once it has stopped changing (two captures 300 ms apart agree) and shows a selection. */
async function settled(pane: Pane): Promise<string> {
  let last = '';
  const end = Date.now() + 15_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    const s = pane.screen();
    if (s === last && s.split('\n').some((l) => l.startsWith('> '))) return s;
    if (Date.now() > end) throw new Error(`screen did not settle:\n${s}`);
    last = s;
  }
}

// Part 1 mixes moves with the filter line opening/closing and the STATE filter changing;
// it ends with filter "node" applied and STATE filter on `consumed` (f pressed 3 times).
const PART1 = [
  'Down', 'Down', 'PageDown', 'j', 'k', 'Up',
  '/', 'n', 'o', 'd', 'e', 'Enter',
  'Down', 'PageDown', 'f', 'Down', 'f', 'j',
  '/', 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'b', 'r', 'i', 'd', 'g', 'e', 'Escape',
  '/', 'n', 'o', 'd', 'e', 'Enter', 'f',
];
// Part 2 is navigation only, from a known position (g), so the final selection and window
// can be computed with the console's own clampWindow.
const PART2 = ['g', 'PageDown', 'Down', 'j', 'PageDown', 'k', 'G', 'Up', 'k', 'PageUp', 'Down', 'PageUp', 'j'];

function finalSelection(count: number, height: number): {index: number; offset: number} {
  let at = {index: 0, offset: 0};
  const page = Math.max(1, height - 1);
  for (const k of PART2) {
    const next =
      k === 'g' ? 0
      : k === 'G' ? count - 1
      : k === 'Down' || k === 'j' ? at.index + 1
      : k === 'Up' || k === 'k' ? at.index - 1
      : k === 'PageDown' ? at.index + page
      : k === 'PageUp' ? at.index - page
      : at.index;
    at = clampWindow(next, at.offset, {count, height});
  }
  return at;
}

describe('no drift from incremental writes (tmux capture-pane)', () => {
  it('after 50 mixed keypresses the screen equals a fresh render of the same state', async () => {
    expect(PART1.length + PART2.length).toBe(50);
    // Both consoles run side by side; b waits for a's filtered count to know where to go.
    const [a, b] = await Promise.all([openRoster(), openRoster()]);
    const filtersB = b.keys('/', 'n', 'o', 'd', 'e', 'Enter', 'f', 'f', 'f').then(() => b.waitFor(/state: consumed · [\d,]+ of 300 shown/));
    await a.keys(...PART1);
    const filtered = await a.waitFor(/state: consumed · [\d,]+ of 300 shown/);
    await a.keys(...PART2);
    const screenA = await settled(a);

    const shown = Number(/([\d,]+) of 300 shown/.exec(filtered)?.[1]?.replace(/,/g, ''));
    const height = screenA.split('\n').filter((l) => ROW.test(l)).length;
    expect(shown).toBeGreaterThan(height); // the window really scrolls
    const {index, offset} = finalSelection(shown, height);
    expect(index).toBeGreaterThan(offset);

    // The fresh console: same filters, then g, ↓ to the bottom of the wanted window, ↑ to the row.
    await filtersB;
    const downs = offset + height - 1;
    await b.keys('g', ...Array<string>(downs).fill('Down'), ...Array<string>(downs - index).fill('Up'));
    const screenB = await settled(b);

    expect(screenA.split('\n')[0]).toMatch(/^plexconsole · .* · tokens · render-drift/);
    expect(screenA).toMatch(/filter "node" · state: consumed/);
    expect(normalise(screenA)).toBe(normalise(screenB));
  });
});
