import type { NoteInput } from '../ingest/types';
import { MAX_NAME_LENGTH } from './upload-limits';

/** File extensions read as notes, from a folder, an upload or a .zip; anything else is not a note. */
export const NOTE_EXTENSIONS = ['.md', '.markdown', '.txt', '.html', '.htm'];

/** A note that cannot be read; the message names the file (and line). Nothing of its run is written. */
export class NoteReadError extends Error {}

export function isNoteFile(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot > 0 && NOTE_EXTENSIONS.includes(name.slice(dot).toLowerCase());
}

/**
 * A note's bytes as UTF-8 text (a byte-order mark is dropped). Pure: the CLI reads the bytes from
 * disk, the web upload from the request. Bytes that are not UTF-8 are an error naming the file and
 * the line of the first bad byte.
 */
export function decodeNoteBytes(path: string, bytes: Uint8Array): NoteInput {
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new NoteReadError(`${path}:${line}: not UTF-8 text`);
  }
}

export type EntryPlace = { kind: 'note'; path: string } | { kind: 'skip' } | { kind: 'refused'; reason: string };

/**
 * Where a note named `name` goes (a .zip entry, or the new name of a renamed note): the path, with
 * backslashes read as "/" and "." and empty segments dropped; or why it is refused (it would leave
 * its folder, or is not a note); or skip, for folders and hidden entries.
 */
export function entryPath(name: string): EntryPlace {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.endsWith('/')) return { kind: 'skip' };
  if (/^\/|^[a-zA-Z]:/.test(slashed)) return { kind: 'refused', reason: 'leaves the folder (an absolute path)' };
  const segments = slashed.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { kind: 'refused', reason: 'leaves the folder ("..")' };
  if (segments.some((s) => s.startsWith('.')) || segments[0] === '__MACOSX') return { kind: 'skip' };
  if (/[\u0000-\u001f\u007f]/.test(slashed)) return { kind: 'refused', reason: 'its name has control characters' };
  const path = segments.join('/');
  if (path.length > MAX_NAME_LENGTH) return { kind: 'refused', reason: `its path is longer than ${MAX_NAME_LENGTH} characters` };
  if (!isNoteFile(segments.at(-1) ?? '')) return { kind: 'refused', reason: `not a note (expected ${NOTE_EXTENSIONS.join(', ')})` };
  return { kind: 'note', path };
}
