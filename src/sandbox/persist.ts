import {open, readdir, rename, unlink} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

/** The steps of an atomic replace, in order. */
export type DiskStep = 'write' | 'fsync' | 'rename' | 'dirsync';

/**
 * Test seam: called before each step of `writeFileAtomic`; throwing (e.g. an `ENOSPC`
 * errno error) makes that step fail exactly as the kernel would, so the real cleanup and
 * rollback paths run. Production passes nothing.
 */
export type DiskFault = (step: DiskStep, path: string) => void;

/** The new file was renamed into place, but the directory sync failed: a crash may undo it, or not. */
export class RenamedNotSynced extends Error {
  constructor(override readonly cause: unknown) {
    super(describeDiskError(cause));
    this.name = 'RenamedNotSynced';
  }
}

/**
 * Replaces `path` with `bytes` so that a crash at any instant leaves either the old or the
 * new file, never a torn one: write a temp file, fsync it, rename over, fsync the directory
 * (without the last step the rename itself may not survive a power cut). A failure before
 * the rename removes the temp file, so a full disk is not filled further by our leftovers.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, fault?: DiskFault): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fh = await open(tmp, 'w', 0o600);
    try {
      fault?.('write', tmp);
      await fh.writeFile(bytes);
      fault?.('fsync', tmp);
      await fh.sync();
    } finally {
      await fh.close();
    }
    fault?.('rename', path);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  try {
    const dir = await open(dirname(path), 'r');
    try {
      fault?.('dirsync', dirname(path));
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch (e) {
    throw new RenamedNotSynced(e);
  }
}

/** Deletes temp files a killed process left behind; they were never renamed, so never acknowledged. */
export async function removeStaleTemps(path: string): Promise<void> {
  const prefix = `${basename(path)}.tmp-`;
  for (const name of await readdir(dirname(path))) {
    if (name.startsWith(prefix)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

/** One line naming what failed, e.g. `ENOSPC: no space left on device, write`. */
export function describeDiskError(e: unknown): string {
  if (e instanceof RenamedNotSynced) return describeDiskError(e.cause);
  const err = e as NodeJS.ErrnoException;
  const text = String(err?.message ?? e).split('\n')[0] ?? '';
  return err?.code && !text.startsWith(err.code) ? `${err.code}: ${text}` : text;
}
