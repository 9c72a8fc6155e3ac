/** File helpers for the command-line scripts: atomic writes, so nothing is ever half-written. */
import { mkdir, readdir, rename, writeFile, readFile, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Write `data` to `path` atomically: write a temporary file beside it, then rename over the target.
 * A crash leaves either the old file or the new one, never a mix.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** Outcome of writing a file only when its content changes. */
export type WriteOutcome = 'new' | 'updated' | 'unchanged';

/** Write `data` atomically unless the file already holds exactly these bytes; say which happened. */
export async function writeIfChanged(path: string, data: string): Promise<WriteOutcome> {
  let old: string | null = null;
  try {
    old = await readFile(path, 'utf8');
  } catch {
    old = null;
  }
  if (old === data) return 'unchanged';
  await writeFileAtomic(path, data);
  return old === null ? 'new' : 'updated';
}

/** Stable JSON for files in content/: two-space indent, trailing newline. */
export function toStableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every file below `dir`, recursively, as full paths in no particular order; a missing folder has none. */
export async function walkFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(folder, e.name);
      if (e.isDirectory()) await walk(path);
      else out.push(path);
    }
  };
  await walk(dir);
  return out;
}
