/**
 * Limits of one browser upload of notes (the "Add notes" page). Pure constants: the page checks
 * them before sending, the route handler (lib/validations/notes) enforces them.
 *
 * Parsing costs about 0.75 µs per character on one core (lib/notes/ingest-pool), so a full upload
 * of 20 MB is ~15 s of work, which is the most one request should hold the server for; the
 * largest note in ../shared/notes is under 1 MB, so 5 MB per note leaves room for long exports.
 */
export const MB = 1024 * 1024;
/** Largest note, as uploaded or as unpacked from a .zip. */
export const MAX_NOTE_BYTES = 5 * MB;
/** Largest upload: the files sent, and also every note unpacked from them together. */
export const MAX_UPLOAD_BYTES = 20 * MB;
/** Most notes in one upload, whether sent one by one or unpacked from .zip files. */
export const MAX_NOTES_PER_UPLOAD = 500;
/** Longest name of an uploaded file or a .zip entry. */
export const MAX_NAME_LENGTH = 255;
/** Longest title of a pasted note. */
export const MAX_TITLE_LENGTH = 120;

/** "5 MB", "1.3 MB", "800 KB": sizes in the page's and the errors' words. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
