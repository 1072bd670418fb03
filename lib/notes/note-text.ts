import type { NoteInput } from '../ingest/types';

/** File extensions read as notes, from a folder, an upload or a .zip; anything else is not a note. */
export const NOTE_EXTENSIONS = ['.md', '.markdown', '.txt'];

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
