import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryPath } from '@/lib/notes/note-text';
import { unpackUpload, type UploadedFile } from '@/lib/notes/unpack-upload';
import { MAX_NOTE_BYTES, MAX_NOTES_PER_UPLOAD, MAX_UPLOAD_BYTES } from '@/lib/notes/upload-limits';

const note = (name: string, text: string): UploadedFile => ({ name, bytes: strToU8(text) });
const zip = (name: string, entries: Record<string, string | Uint8Array>): UploadedFile => ({
  name,
  bytes: zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v])), { level: 1 }),
});

function notesOf(files: UploadedFile[], pasted?: { title: string; text: string }) {
  const result = unpackUpload(files, pasted);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.notes.map(({ path, storedPath, text }) => ({ path, storedPath, text }));
}
function errorsOf(files: UploadedFile[], pasted?: { title: string; text: string }) {
  const result = unpackUpload(files, pasted);
  if (result.ok) throw new Error('expected the upload to be refused');
  return result.errors;
}

describe('unpackUpload', () => {
  it('keeps note files as they are, named by their file name', () => {
    expect(notesOf([note('caching.md', '# Caching'), note('queues.txt', 'Queues'), note('export.html', '<p>Sharding</p>')])).toEqual([
      { path: 'caching.md', storedPath: 'caching.md', text: '# Caching' },
      { path: 'queues.txt', storedPath: 'queues.txt', text: 'Queues' },
      { path: 'export.html', storedPath: 'export.html', text: '<p>Sharding</p>' },
    ]);
  });

  it('expands a .zip of a folder into its notes, keeping their paths inside it', () => {
    const upload = zip('notes.zip', {
      'notes/': new Uint8Array(),
      'notes/caching.md': '# Caching',
      'notes/db/sharding.markdown': '# Sharding',
      'notes/.obsidian/app.json': '{}',
      '__MACOSX/notes/._caching.md': 'junk',
      'notes/.DS_Store': 'junk',
    });
    expect(notesOf([upload]).map((n) => n.storedPath)).toEqual(['notes/caching.md', 'notes/db/sharding.markdown']);
    expect(unpackUpload([upload])).toMatchObject({ folders: ['notes'] });
  });

  it('reads a zip as a folder in full only when its notes share one top folder', () => {
    expect(unpackUpload([zip('loose.zip', { 'a.md': 'x', 'sub/b.md': 'y' })])).toMatchObject({ ok: true, folders: [] });
    expect(unpackUpload([zip('two.zip', { 'one/a.md': 'x', 'two/b.md': 'y' })])).toMatchObject({ ok: true, folders: [] });
    expect(unpackUpload([note('a.md', 'x')])).toMatchObject({ ok: true, folders: [] });
  });

  it('refuses an empty note', () => {
    expect(errorsOf([note('empty.md', ' \n\n'), note('ok.md', 'x')])).toEqual(['empty.md: empty, nothing to study']);
  });

  it('stores a pasted note under its title', () => {
    expect(notesOf([], { title: 'Rate limiting', text: 'Token bucket :: refills at a fixed rate' })).toEqual([
      { path: 'Rate limiting.md', storedPath: 'Rate limiting.md', text: 'Token bucket :: refills at a fixed rate' },
    ]);
  });

  it.each([
    ['an entry leaving the folder', { 'notes/../../evil.md': 'x', 'notes/ok.md': 'y' }, 'bad.zip: notes/../../evil.md: leaves the folder ("..")'],
    ['an absolute entry', { '/etc/evil.md': 'x' }, 'bad.zip: /etc/evil.md: leaves the folder (an absolute path)'],
    ['a Windows drive entry', { 'C:\\evil.md': 'x' }, 'bad.zip: C:\\evil.md: leaves the folder (an absolute path)'],
    ['an entry that is not a note', { 'notes/diagram.png': 'x', 'notes/ok.md': 'y' }, 'bad.zip: notes/diagram.png: not a note (expected .md, .markdown, .txt, .html, .htm)'],
    ['a zip without notes', { '.hidden.md': 'x' }, 'bad.zip: no notes in it (expected .md, .markdown, .txt, .html, .htm)'],
  ])('refuses %s, naming the entry', (_case, entries, message) => {
    expect(errorsOf([zip('bad.zip', entries)])).toContain(message);
  });

  it('refuses bytes that are not UTF-8, naming the file and line', () => {
    const bytes = new Uint8Array([...strToU8('# Title\n\nline two\n'), 0xff, 0xfe]);
    expect(errorsOf([{ name: 'latin.md', bytes }, note('ok.md', 'fine')])).toEqual(['latin.md:4: not UTF-8 text']);
    expect(errorsOf([zip('n.zip', { 'dir/latin.md': bytes })])).toEqual(['dir/latin.md:4: not UTF-8 text']);
  });

  it('refuses binary data named like a note, naming the file and line', () => {
    expect(errorsOf([note('image.md', 'line one\nline two\u0000\u0001')])).toEqual(['image.md:2: not a text note (it contains NUL bytes)']);
  });

  it('refuses a file that is not a zip archive', () => {
    expect(errorsOf([note('broken.zip', 'not a zip')])[0]).toMatch(/^broken\.zip: not a readable \.zip archive/);
  });

  it('refuses two notes with one name', () => {
    expect(errorsOf([note('a.md', 'one'), zip('z.zip', { 'a.md': 'two' })])).toEqual([
      'a.md: two notes of this upload have this name; keep one',
    ]);
  });

  it('refuses a zip entry over the per-note limit before inflating it', () => {
    const big = new Uint8Array(MAX_NOTE_BYTES + 1).fill(0x61);
    expect(errorsOf([zip('big.zip', { 'big.md': big })])).toEqual(['big.zip: big.md: larger than the 5 MB a note may have']);
  });

  it('refuses a zip whose notes unpack to more than an upload may hold', () => {
    const part = new Uint8Array(MAX_NOTE_BYTES - 10).fill(0x61);
    const entries = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`n${i}.md`, part]));
    const errors = errorsOf([zip('bomb.zip', entries)]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bomb\.zip: its notes come to 25 MB unpacked; at most 20 MB go in one upload$/);
    expect(MAX_UPLOAD_BYTES).toBeLessThan(5 * (MAX_NOTE_BYTES - 10));
  });

  it('refuses a zip with more notes than one upload may hold', () => {
    const entries = Object.fromEntries(Array.from({ length: MAX_NOTES_PER_UPLOAD + 1 }, (_, i) => [`n${i}.md`, 'x']));
    expect(errorsOf([zip('many.zip', entries)])).toEqual([`many.zip: holds ${MAX_NOTES_PER_UPLOAD + 1} notes; at most ${MAX_NOTES_PER_UPLOAD} go in one upload`]);
  });
});

describe('entryPath', () => {
  it.each([
    ['notes/a.md', { kind: 'note', path: 'notes/a.md' }],
    ['notes\\sub\\a.txt', { kind: 'note', path: 'notes/sub/a.txt' }],
    ['./notes//a.md', { kind: 'note', path: 'notes/a.md' }],
    ['notes/', { kind: 'skip' }],
    ['notes/.git/config', { kind: 'skip' }],
    ['__MACOSX/._a.md', { kind: 'skip' }],
    ['notes/../a.md', { kind: 'refused', reason: 'leaves the folder ("..")' }],
    ['\\\\server\\a.md', { kind: 'refused', reason: 'leaves the folder (an absolute path)' }],
    ['notes/a\u0007.md', { kind: 'refused', reason: 'its name has control characters' }],
    ['notes/a.pdf', { kind: 'refused', reason: 'not a note (expected .md, .markdown, .txt, .html, .htm)' }],
  ])('%s', (name, place) => {
    expect(entryPath(name)).toEqual(place);
  });
});
