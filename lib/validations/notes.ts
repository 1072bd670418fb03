import { z } from 'zod';
import { entryPath, isNoteFile, NOTE_EXTENSIONS } from '../notes/note-text';
import {
  formatBytes,
  MAX_NAME_LENGTH,
  MAX_NOTE_BYTES,
  MAX_NOTES_PER_UPLOAD,
  MAX_TITLE_LENGTH,
  MAX_UPLOAD_BYTES,
} from '../notes/upload-limits';

const isZip = (name: string) => /\.zip$/i.test(name);
// A name is one path segment: no folders, no control characters (they would end up in paths and messages).
// eslint-disable-next-line no-control-regex
const UNSAFE_NAME = /[/\\\u0000-\u001f\u007f]/;

/** Why a file of the upload is refused, naming it; undefined when it may go on. */
function fileProblem(file: File): string | undefined {
  const name = file.name;
  if (name.trim() === '' || name.length > MAX_NAME_LENGTH || UNSAFE_NAME.test(name) || name.startsWith('.')) {
    return `${JSON.stringify(name)}: not a usable file name`;
  }
  if (!isNoteFile(name) && !isZip(name)) return `${name}: not a note (expected ${NOTE_EXTENSIONS.join(', ')} or a .zip of them)`;
  if (!isZip(name) && file.size > MAX_NOTE_BYTES) {
    return `${name}: larger than the ${formatBytes(MAX_NOTE_BYTES)} a note may have`;
  }
  return undefined;
}

/** The title of a pasted note, which becomes its file name "<title>.md". */
export const noteTitleSchema = z
  .string()
  .trim()
  .min(1, 'Give the note a title.')
  .max(MAX_TITLE_LENGTH, `Keep the title under ${MAX_TITLE_LENGTH} characters.`)
  .refine((title) => !UNSAFE_NAME.test(title) && !title.startsWith('.'), 'A title cannot hold "/", "\\" or start with ".".');

/**
 * The "Add notes" form as the route handler reads it from multipart form data: files (note files
 * and .zip archives) and an optional pasted note (title + text). Checks names, kinds, sizes and
 * count before anything is read; the contents are checked by lib/notes/unpack-upload.
 */
export const uploadSchema = z
  .object({
    files: z.array(z.file({ error: 'Every "files" field must be a file.' })),
    title: z.string().trim().default(''),
    text: z.string().default(''),
  })
  .superRefine(({ files, title, text }, ctx) => {
    for (const file of files) {
      const problem = fileProblem(file);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['files'] });
    }
    if (files.length > MAX_NOTES_PER_UPLOAD) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: `${files.length} files; at most ${MAX_NOTES_PER_UPLOAD} go in one upload.` });
    }
    const total = files.reduce((sum, f) => sum + f.size, 0) + new TextEncoder().encode(text).length;
    if (total > MAX_UPLOAD_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['files'],
        message: `This upload is ${formatBytes(total)}; at most ${formatBytes(MAX_UPLOAD_BYTES)} go in one upload.`,
      });
    }
    const pasting = text.trim() !== '' || title !== '';
    if (pasting) {
      const titled = noteTitleSchema.safeParse(title);
      if (!titled.success) for (const issue of titled.error.issues) ctx.addIssue({ code: 'custom', path: ['title'], message: issue.message });
      if (text.trim() === '') ctx.addIssue({ code: 'custom', path: ['text'], message: 'Paste the text of the note.' });
      if (new TextEncoder().encode(text).length > MAX_NOTE_BYTES) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: `The pasted note is larger than the ${formatBytes(MAX_NOTE_BYTES)} a note may have.` });
      }
    }
    if (files.length === 0 && !pasting) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: 'Nothing to add: choose note files or paste a note.' });
    }
  })
  .transform(({ files, title, text }) => ({
    files,
    pasted: text.trim() !== '' ? { title, text } : undefined,
  }));

export type UploadInput = z.infer<typeof uploadSchema>;

/** The messages of a failed parse, in order, without repeats. */
export function uploadErrors(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.message))];
}

/** "My notes": rename one note. `path` is the new name, folders allowed ("system design/caching.md"). */
export const renameNoteSchema = z.object({
  noteId: z.string().min(1, 'Choose a note.').max(200),
  path: z
    .string()
    .trim()
    .min(1, 'Give the note a name.')
    .transform((name, ctx) => {
      const place = entryPath(name);
      if (place.kind === 'note') return place.path;
      ctx.addIssue({ code: 'custom', message: place.kind === 'skip' ? `${name}: a name cannot start with "."` : `${name}: ${place.reason}` });
      return z.NEVER;
    }),
});

/** "My notes": delete one note. */
export const deleteNoteSchema = z.object({ noteId: z.string().min(1, 'Choose a note.').max(200) });
