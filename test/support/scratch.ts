// Global setup: every temp directory a test run makes (homes, journals, sandbox data, fake
// ttys, fresh installs: ~350 a run) lands in one scratch directory, removed when the run ends,
// so a CI box or a laptop does not collect them. os.tmpdir() reads TMPDIR at each call, and the
// workers and every process the tests spawn inherit it.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'plexconsole-test-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, {recursive: true, force: true});
  };
}
