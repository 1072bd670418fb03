import { describe, expect, it } from 'vitest';
import { decodeNoteText } from '@/lib/ingest/clean/decode';
import { ingestNote } from '@/lib/ingest/ingest-note';

describe('decodeNoteText', () => {
  it.each([
    ['a UTF-8 BOM is stripped', '\uFEFF# Caching\nText', '# Caching\nText'],
    ['CRLF line ends become LF', '# Caching\r\n\r\nText\r\n', '# Caching\n\nText\n'],
    ['old Mac CR line ends become LF', '# Caching\r\rText', '# Caching\n\nText'],
    ['mixed line ends all become LF', 'a\r\nb\rc\nd', 'a\nb\nc\nd'],
    ['BOM and CRLF together', '\uFEFFa\r\nb', 'a\nb'],
    ['tabs and form feeds are ordinary text', 'a\tb\fc', 'a\tb\fc'],
    ['plain text is returned as is', '# Caching\n\n- LRU\n- LFU', '# Caching\n\n- LRU\n- LFU'],
    ['an empty note is fine', '', ''],
  ])('%s', (_case, raw, text) => {
    expect(decodeNoteText(raw)).toEqual({ ok: true, text });
  });

  it.each([
    ['a NUL byte on the first line', 'ab\u0000cd', 1],
    ['a NUL byte on line 3', 'line one\nline two\nbroken\u0000here', 3],
    ['a NUL byte on line 3 counted after CRLF normalisation', 'one\r\ntwo\r\n\u0000', 3],
    ['a NUL byte on line 4 counted after CR normalisation', 'one\rtwo\rthree\r\u0000', 4],
  ])('rejects %s and names the line', (_case, raw, line) => {
    const result = decodeNoteText(raw);
    expect(result.ok).toBe(false);
    expect(result.line).toBe(line);
    expect(result.reason).toMatch(/NUL/);
  });

  it.each([
    ['mostly control characters', '\u0001\u0002\u0003\u0004\u0005abc', 1],
    ['binary junk after two text lines', 'title\nintro\n' + '\u0007\u0008\u000e\u001b'.repeat(20), 3],
    ['mostly U+FFFD replacement characters (undecodable bytes)', 'PNG\n' + '\uFFFD'.repeat(50), 2],
  ])('rejects %s as binary', (_case, raw, line) => {
    const result = decodeNoteText(raw);
    expect(result).toMatchObject({ ok: false, line });
    expect(result.reason).toMatch(/not a text note/);
  });

  it('tolerates a stray control character in an otherwise long text note', () => {
    const raw = `${'word '.repeat(100)}\u0007 bell`;
    expect(decodeNoteText(raw).ok).toBe(true);
  });
});

describe('ingestNote on unreadable input', () => {
  it('returns an error naming the file and line instead of a deck', () => {
    const result = ingestNote({ path: 'notes/broken.md', text: '# Caching\n\nWhat is a cache? :: A\u0000 store.' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ file: 'notes/broken.md', line: 3 });
    expect(result.error.message).toMatch(/not a text note/);
  });

  it('reads a note with a BOM and CRLF line ends like its LF twin, line numbers included', () => {
    const lf = ingestNote({ path: 'notes/caching.md', text: '# Caching\n\nWhat is a cache? :: A fast store.\n' });
    const crlf = ingestNote({ path: 'notes/caching.md', text: '\uFEFF# Caching\r\n\r\nWhat is a cache? :: A fast store.\r\n' });
    if (!lf.ok || !crlf.ok) throw new Error('both notes should ingest');
    expect(crlf.deck.cards).toEqual(lf.deck.cards);
    expect(crlf.deck.concepts).toEqual(lf.deck.concepts);
    expect(crlf.deck.cards[0].line).toBe(3);
  });
});
