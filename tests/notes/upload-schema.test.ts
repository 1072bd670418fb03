import { describe, expect, it } from 'vitest';
import { MAX_NOTE_BYTES, MAX_NOTES_PER_UPLOAD } from '@/lib/notes/upload-limits';
import { uploadErrors, uploadSchema } from '@/lib/validations/notes';

const file = (name: string, size = 10) => new File([new Uint8Array(size).fill(0x61)], name);
const errors = (input: Record<string, unknown>) => {
  const parsed = uploadSchema.safeParse(input);
  return parsed.success ? [] : uploadErrors(parsed.error);
};

describe('uploadSchema', () => {
  it('accepts note files, zips and a pasted note', () => {
    const parsed = uploadSchema.parse({ files: [file('a.md'), file('b.MARKDOWN'), file('c.txt'), file('d.zip')], title: ' Queues ', text: 'x' });
    expect(parsed.files.map((f) => f.name)).toEqual(['a.md', 'b.MARKDOWN', 'c.txt', 'd.zip']);
    expect(parsed.pasted).toEqual({ title: 'Queues', text: 'x' });
  });

  it.each([
    ['a file that is not a note', { files: [file('diagram.png')] }, 'diagram.png: not a note (expected .md, .markdown, .txt, .html, .htm or a .zip of them)'],
    ['a note over the size limit', { files: [file('big.md', MAX_NOTE_BYTES + 1)] }, 'big.md: larger than the 5 MB a note may have'],
    ['a hidden file', { files: [file('.env.md')] }, '".env.md": not a usable file name'],
    ['an upload over the total limit', { files: Array.from({ length: 5 }, (_, i) => file(`n${i}.md`, MAX_NOTE_BYTES - 1)) }, 'This upload is 25 MB; at most 20 MB go in one upload.'],
    ['too many files', { files: Array.from({ length: MAX_NOTES_PER_UPLOAD + 1 }, (_, i) => file(`n${i}.md`, 1)) }, `${MAX_NOTES_PER_UPLOAD + 1} files; at most ${MAX_NOTES_PER_UPLOAD} go in one upload.`],
    ['nothing at all', { files: [] }, 'Nothing to add: choose note files or paste a note.'],
    ['pasted text without a title', { files: [], text: 'Some note' }, 'Give the note a title.'],
    ['a title without text', { files: [], title: 'Caching' }, 'Paste the text of the note.'],
    ['a title with a slash', { files: [], title: '../etc', text: 'x' }, 'A title cannot hold "/", "\\" or start with ".".'],
    ['a field that is not a file', { files: ['just text'] }, 'Every "files" field must be a file.'],
  ])('refuses %s with a message naming it', (_case, input, message) => {
    expect(errors(input)).toContain(message);
  });
});
