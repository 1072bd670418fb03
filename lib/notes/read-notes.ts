import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { NoteInput } from '../ingest/types';
import { decodeNoteBytes, isNoteFile, NOTE_EXTENSIONS, NoteReadError } from './note-text';

export { NOTE_EXTENSIONS, NoteReadError };

/** A note file of a run and the path its Source is stored under. */
export interface NoteFile {
  /** The path as found (the input, or the input joined with the path inside the folder). */
  file: string;
  /**
   * Where the note lives in its deck, independent of the working directory: the folder's own
   * name, then the path inside it, for a note found in a folder ("content/caching.md" whether the
   * run named `content`, `./content`, `/home/me/app/content` or `.` from inside it); the file name
   * for a file named on its own.
   */
  storedPath: string;
}

/**
 * Expands files and folders (recursively, sorted, hidden entries skipped) into note files with
 * their stored paths. A path given explicitly must exist and be a note file; a missing one is an
 * error naming it, and so are two different files that would be stored under the same path.
 */
export async function collectNotes(inputs: string[]): Promise<NoteFile[]> {
  const found = new Map<string, NoteFile>();
  const add = (file: string, stored: string) => {
    const key = path.resolve(file);
    if (!found.has(key)) found.set(key, { file, storedPath: stored });
  };
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new NoteReadError(`${input}: no such file or folder`);
    if (info.isDirectory()) {
      const folder = folderStoredPath(input);
      for (const file of await walk(input)) add(file, joinStored(folder, path.relative(input, file)));
    } else if (isNoteFile(input)) add(input, path.basename(input));
    else throw new NoteReadError(`${input}: not a note (expected ${NOTE_EXTENSIONS.join(', ')})`);
  }
  const notes = [...found.values()];
  const byStored = new Map<string, string>();
  for (const note of notes) {
    const other = byStored.get(note.storedPath);
    if (other !== undefined) throw new NoteReadError(`${note.file}: would be stored as ${note.storedPath}, like ${other}`);
    byStored.set(note.storedPath, note.file);
  }
  return notes;
}

/** The note files of `inputs` (see collectNotes). */
export async function collectNotePaths(inputs: string[]): Promise<string[]> {
  return (await collectNotes(inputs)).map((note) => note.file);
}

/** The stored path of a folder given to a run: its own name ("" for the file system root). */
export function folderStoredPath(folder: string): string {
  return path.basename(path.resolve(folder));
}

function joinStored(folder: string, inside: string): string {
  const parts = inside.split(path.sep);
  return (folder === '' ? parts : [folder, ...parts]).join('/');
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
