import {mkdir, stat} from 'node:fs/promises';

/**
 * Makes `dir` a private directory for the store and the bearer files. A new one is created
 * 0700. An existing one that group or others may enter is refused, as ssh refuses a loose
 * ~/.ssh, rather than tightened: `--data-dir /tmp` must not chmod /tmp.
 */
export async function preparePrivateDir(dir: string): Promise<void> {
  const st = await stat(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!st) {
    await mkdir(dir, {recursive: true, mode: 0o700});
    return;
  }
  if (!st.isDirectory()) throw new Error(`--data-dir ${dir} is not a directory`);
  if ((st.mode & 0o077) !== 0) {
    const mode = (st.mode & 0o777).toString(8).padStart(4, '0');
    throw new Error(`insecure --data-dir: ${dir} is open to group or others (mode ${mode}) and would hold bearer tokens: chmod 700 ${dir}, or name a new directory (created 0700)`);
  }
}
