import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NoteInput } from '../ingest/types';
import { decodeNoteBytes, isNoteFile, NOTE_EXTENSIONS, NoteReadError } from './note-text';

export { NOTE_EXTENSIONS, NoteReadError };

/**
 * Expands files and folders (recursively, sorted, hidden entries skipped) into note files.
 * A path given explicitly must exist and be a note file; a missing one is an error naming it.
 */
export async function collectNotePaths(inputs: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new NoteReadError(`${input}: no such file or folder`);
    if (info.isDirectory()) found.push(...(await walk(input)));
    else if (isNoteFile(input)) found.push(input);
    else throw new NoteReadError(`${input}: not a note (expected ${NOTE_EXTENSIONS.join(', ')})`);
  }
  return [...new Set(found)];
}

async function walk(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile() && isNoteFile(entry.name)) files.push(full);
  }
  return files;
}

/** Reads a note as UTF-8; bytes that are not UTF-8 are an error naming the file and line. */
export async function readNote(file: string): Promise<NoteInput> {
  return decodeNoteBytes(file, await readFile(file));
}

/** The path a Source row is keyed by: relative to the working directory, with forward slashes. */
export function storedPath(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}
