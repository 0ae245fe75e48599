import {open, readdir, rename, unlink} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/**
 * Replaces `path` with `bytes` so that a crash at any instant leaves either the old or the
 * new file, never a torn one: write a temp file, fsync it, rename over, fsync the directory
 * (without the last step the rename itself may not survive a power cut).
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
  const dir = await open(dirname(path), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** Deletes temp files a killed process left behind; they were never renamed, so never acknowledged. */
export async function removeStaleTemps(path: string): Promise<void> {
  const prefix = `${basename(path)}.tmp-`;
  for (const name of await readdir(dirname(path))) {
    if (name.startsWith(prefix)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}
