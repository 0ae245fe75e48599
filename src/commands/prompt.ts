// The one interactive question a headless verb may ask (revoke without --yes on a terminal).
import type {Readable} from 'node:stream';
import {write} from './output.js';
import type {CommandIO} from './types.js';

/** Read one line; undefined when stdin ends first (Ctrl-D counts as "no"). */
function readLine(input: Readable): Promise<string | undefined> {
  // Loaded here, not at import: only a verb that asks needs readline, and every verb's
  // start-up would pay for it (BENCHMARKS.md, start-up).
  const rl = process.getBuiltinModule('node:readline').createInterface({input, terminal: false});
  return new Promise<string | undefined>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(undefined));
  }).finally(() => rl.close());
}

/** Ask on stderr (stdout stays clean for the payload); the answer line, or undefined at EOF. */
export async function ask(io: CommandIO, question: string): Promise<string | undefined> {
  await write(io.stderr, `${question} `);
  return readLine(io.stdin);
}

/** Ask on stderr (stdout stays clean for the payload) and accept only y / yes. */
export async function confirm(io: CommandIO, question: string): Promise<boolean> {
  await write(io.stderr, `${question} [y/N] `);
  const answer = await readLine(io.stdin);
  return answer !== undefined && /^(y|yes)$/i.test(answer.trim());
}
