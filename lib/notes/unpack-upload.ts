import { unzipSync, type UnzipFileInfo } from 'fflate';
import { decodeNoteText } from '../ingest/clean/decode';
import { decodeNoteBytes, entryPath, NOTE_EXTENSIONS, NoteReadError } from './note-text';
import type { StoredNote } from './prepare-notes';
import { formatBytes, MAX_NOTE_BYTES, MAX_NOTES_PER_UPLOAD, MAX_UPLOAD_BYTES } from './upload-limits';

/** A file as the browser sent it; its name and size were checked by lib/validations/notes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A note pasted into the page: stored as "<title>.md". */
export interface PastedNote {
  title: string;
  text: string;
}

export type UnpackResult =
  | {
      ok: true;
      notes: StoredNote[];
      /**
       * The folders read in full: a .zip whose notes all lie in one top folder is that folder, as
       * when the CLI is given a folder (its notes missing from the zip were removed, and a note
       * renamed inside it is matched by content; see lib/db/deck-writer).
       */
      folders: string[];
    }
  | { ok: false; errors: string[] };

const EXPECTED = `expected ${NOTE_EXTENSIONS.join(', ')}`;

/**
 * Turns one upload into notes: note files as they are, each .zip expanded into the notes of its
 * folder (paths inside the zip kept, so "notes/caching.md" stays apart from "caching.md"), and a
 * pasted note. Pure: bytes in, text out. Every problem is collected and named (file, zip entry,
 * line) and any problem rejects the whole upload, so nothing of a bad upload is written.
 *
 * A .zip may not reach outside its folder ("../x.md", "/etc/x.md", "C:\x.md"), and every entry must
 * be a note; hidden entries (".obsidian/", ".DS_Store") and macOS's "__MACOSX/" copies are skipped
 * like the CLI skips hidden files in a folder. Sizes are checked on each entry's declared size
 * before it is inflated, and fflate inflates into a buffer of exactly that size, so a zip bomb
 * cannot take more memory than the limits allow.
 */
export function unpackUpload(files: UploadedFile[], pasted?: PastedNote): UnpackResult {
  const errors: string[] = [];
  const raw: { path: string; bytes: Uint8Array }[] = [];
  const folders: string[] = [];
  for (const file of files) {
    if (!/\.zip$/i.test(file.name)) {
      raw.push({ path: file.name, bytes: file.bytes });
      continue;
    }
    const entries = unpackZip(file, errors);
    raw.push(...entries);
    const tops = new Set(entries.map((e) => (e.path.includes('/') ? e.path.slice(0, e.path.indexOf('/')) : '')));
    if (tops.size === 1 && !tops.has('')) folders.push(...tops);
  }

  const notes: StoredNote[] = [];
  for (const { path, bytes } of raw) {
    try {
      notes.push({ ...decodeNoteBytes(path, bytes), storedPath: path });
    } catch (error) {
      if (!(error instanceof NoteReadError)) throw error;
      errors.push(error.message);
    }
  }
  if (pasted) notes.push({ path: `${pasted.title}.md`, storedPath: `${pasted.title}.md`, text: pasted.text });
  for (const note of notes) {
    // An empty note would make a note without topics, which "My notes" could not tell from a deleted one.
    if (note.text.trim() === '') errors.push(`${note.path}: empty, nothing to study`);
    // Binary data named .md: refused here, before the upload is accepted, as ingestNote would.
    const decoded = decodeNoteText(note.text);
    if (!decoded.ok) errors.push(`${note.path}:${decoded.line ?? 1}: ${decoded.reason ?? 'not a text note'}`);
  }

  const seen = new Set<string>();
  for (const note of notes) {
    if (seen.has(note.storedPath)) errors.push(`${note.storedPath}: two notes of this upload have this name; keep one`);
    seen.add(note.storedPath);
  }
  if (notes.length > MAX_NOTES_PER_UPLOAD) {
    errors.push(`This upload holds ${notes.length} notes; at most ${MAX_NOTES_PER_UPLOAD} go in one upload.`);
  }
  const total = raw.reduce((sum, r) => sum + r.bytes.length, 0) + (pasted ? new TextEncoder().encode(pasted.text).length : 0);
  if (total > MAX_UPLOAD_BYTES) {
    errors.push(`The notes of this upload come to ${formatBytes(total)}; at most ${formatBytes(MAX_UPLOAD_BYTES)} go in one upload.`);
  }
  if (errors.length === 0 && notes.length === 0) errors.push('Nothing to add: choose note files or paste a note.');
  return errors.length > 0 ? { ok: false, errors: [...new Set(errors)] } : { ok: true, notes, folders: [...new Set(folders)] };
}

/** The notes of one .zip; problems go to `errors`, naming the zip and the entry. */
function unpackZip(zip: UploadedFile, errors: string[]): { path: string; bytes: Uint8Array }[] {
  const wanted = new Map<string, string>();
  let count = 0;
  let declared = 0;
  const choose = (entry: UnzipFileInfo): boolean => {
    const where = entryPath(entry.name);
    if (where.kind === 'skip') return false;
    if (where.kind === 'refused') {
      errors.push(`${zip.name}: ${entry.name}: ${where.reason}`);
      return false;
    }
    if (entry.originalSize > MAX_NOTE_BYTES) {
      errors.push(`${zip.name}: ${entry.name}: larger than the ${formatBytes(MAX_NOTE_BYTES)} a note may have`);
      return false;
    }
    count += 1;
    declared += entry.originalSize;
    // Past a limit nothing more is inflated; the upload is refused below.
    if (declared > MAX_UPLOAD_BYTES || count > MAX_NOTES_PER_UPLOAD) return false;
    wanted.set(entry.name, where.path);
    return true;
  };

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip.bytes, { filter: choose });
  } catch (error) {
    errors.push(`${zip.name}: not a readable .zip archive (${error instanceof Error ? error.message : String(error)})`);
    return [];
  }
  if (declared > MAX_UPLOAD_BYTES) {
    errors.push(`${zip.name}: its notes come to ${formatBytes(declared)} unpacked; at most ${formatBytes(MAX_UPLOAD_BYTES)} go in one upload`);
  }
  if (count > MAX_NOTES_PER_UPLOAD) {
    errors.push(`${zip.name}: holds ${count} notes; at most ${MAX_NOTES_PER_UPLOAD} go in one upload`);
  }
  if (count === 0 && errors.length === 0) errors.push(`${zip.name}: no notes in it (${EXPECTED})`);
  return [...wanted].map(([name, path]) => ({ path, bytes: files[name] ?? new Uint8Array() }));
}
