import Database from 'better-sqlite3';
import { unzipSync, strFromU8 } from 'fflate';
import { readAnkiPackage } from 'anki-reader';
import { describe, expect, it } from 'vitest';
import { buildAnkiPackage } from '@/lib/export/anki-package';
import { deckName, easeOfGrade, topicTag } from '@/lib/export/anki-rows';
import { NOW, ROWS } from './fixture';

const apkg = buildAnkiPackage(ROWS, NOW);

/** The package's collection opened with SQLite, as Anki opens it. */
function openCollection() {
  const files = unzipSync(apkg);
  return { files, db: new Database(Buffer.from(files['collection.anki2'])) };
}

describe('the Anki package, read back as Anki reads it', () => {
  it('is a zip of collection.anki2 (schema 11) and an empty media map', () => {
    const { files, db } = openCollection();
    expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
    expect(strFromU8(files.media)).toBe('{}');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['cards', 'col', 'graves', 'notes', 'revlog']);
    const col = db.prepare('SELECT ver, crt, dconf FROM col').get() as { ver: number; crt: number; dconf: string };
    expect(col.ver).toBe(11);
    // The collection starts on the study day of the earliest answer: 2025-05-01 04:00 in Berlin.
    expect(new Date(col.crt * 1000).toISOString()).toBe('2025-05-01T02:00:00.000Z');
    expect(JSON.parse(col.dconf)['1'].new.perDay).toBe(15);
    db.close();
  });

  it('has the topics as its deck tree, one note and card per card, with the notes readable by anki-reader', async () => {
    const { collection } = await readAnkiPackage(new Blob([new Uint8Array(apkg)]));
    const decks = Object.values(collection.getDecks());
    expect(decks.map((d) => d.getName()).sort()).toEqual([
      'Default', 'Recall', 'Recall::Caching', 'Recall::Caching::Eviction', 'Recall::Queues : basics',
    ]);
    const byDeck = Object.fromEntries(decks.map((d) => [d.getName(), Object.values(d.getCards())]));
    expect(byDeck['Recall::Caching::Eviction']).toHaveLength(1);
    const [lru] = byDeck['Recall::Caching::Eviction'];
    expect(lru.getFields()).toEqual({
      Front: '<p>What is <strong>LRU</strong>?</p>',
      Back: '<p>Least recently used.</p>\n<p>Evicts the oldest access.</p>',
      Source: 'notes/caching.md:7',
    });
    expect(byDeck['Recall::Caching']).toHaveLength(1);
    expect(byDeck['Recall::Queues : basics']).toHaveLength(1);
    expect(byDeck.Recall).toHaveLength(0);
  });

  it.each([
    // [card, type, queue, due, ivl, factor, reps, lapses]
    ['a studied card keeps its SM-2 schedule', 'card-lru', 2, 2, 50, 6, 2600, 2, 0],
    ['a suspended leech stays suspended', 'card-cache', 2, -1, 45, 1, 1300, 1, 9],
    ['a card never answered is new, in deck order', 'card-dlq', 0, 0, 3, 0, 0, 0, 0],
  ])('%s', (_, guid, type, queue, due, ivl, factor, reps, lapses) => {
    const { db } = openCollection();
    const card = db.prepare('SELECT c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = ?').get(guid);
    expect(card).toEqual({ type, queue, due, ivl, factor, reps, lapses });
    db.close();
  });

  it('tags each note with its topic path, leeches with leech', () => {
    const { db } = openCollection();
    const tags = Object.fromEntries((db.prepare('SELECT guid, tags FROM notes').all() as { guid: string; tags: string }[]).map((n) => [n.guid, n.tags]));
    expect(tags).toEqual({ 'card-lru': ' Caching::Eviction ', 'card-cache': ' Caching leech ', 'card-dlq': ' Queues_:_basics ' });
    db.close();
  });

  it('keeps the answers as the revlog, undone ones left out', () => {
    const { db } = openCollection();
    const revlog = db.prepare('SELECT id, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id').all();
    expect(revlog).toEqual([
      { id: Date.parse('2025-06-13T08:00:00Z'), ease: 3, ivl: 1, lastIvl: 0, factor: 2500, time: 4000, type: 0 },
      { id: Date.parse('2025-06-14T08:00:00Z'), ease: 4, ivl: 6, lastIvl: 1, factor: 2600, time: 4000, type: 1 },
      { id: Date.parse('2025-06-14T09:00:00Z'), ease: 1, ivl: 6, lastIvl: 1, factor: 2600, time: 60_000, type: 3 },
    ]);
    db.close();
  });

  it.each([
    [0, 1], [1, 1], [2, 1], [3, 2], [4, 3], [5, 4],
  ])('SM-2 grade %i is Anki button %i', (grade, ease) => {
    expect(easeOfGrade(grade)).toBe(ease);
  });

  it.each([
    [['Caching', 'Eviction'], 'Recall::Caching::Eviction', 'Caching::Eviction'],
    [['A :: B', '  spaced   out '], 'Recall::A : B::spaced out', 'A_:_B::spaced_out'],
    [[''], 'Recall::Untitled', 'Untitled'],
  ])('topic path %j is deck %s and tag %s', (path, deck, tag) => {
    expect(deckName(path)).toBe(deck);
    expect(topicTag(path)).toBe(tag);
  });
});
