import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { collectionConfJson, deckJson, deckOptionsJson, modelJson, SCHEMA_11 } from './anki-collection';
import { buildAnkiRows } from './anki-rows';
import type { ProgressRows } from './progress';

/**
 * An Anki package (.apkg): a zip holding the collection as `collection.anki2` (an SQLite file in
 * schema 11, built in memory) and `media`, the JSON map of media files (none here: `{}`).
 */
export function buildAnkiPackage(rows: ProgressRows, now: Date): Uint8Array {
  const anki = buildAnkiRows(rows, now);
  const mod = now.getTime();
  const db = new Database(':memory:');
  try {
    db.exec(SCHEMA_11);
    db.prepare('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)').run(
      anki.crt,
      mod,
      mod,
      JSON.stringify(collectionConfJson(rows.settings.rolloverHour)),
      JSON.stringify(modelJson(Math.floor(mod / 1000))),
      JSON.stringify(Object.fromEntries(anki.decks.map((d) => [d.id, deckJson(d.id, d.name, Math.floor(mod / 1000))]))),
      JSON.stringify(deckOptionsJson(rows.settings)),
      '{}',
    );
    const note = db.prepare("INSERT INTO notes VALUES (@id, @guid, @mid, @mod, -1, @tags, @flds, @sfld, @csum, 0, '')");
    const card = db.prepare(
      "INSERT INTO cards VALUES (@id, @nid, @did, 0, @mod, -1, @type, @queue, @due, @ivl, @factor, @reps, @lapses, 0, 0, 0, 0, '')",
    );
    const revlog = db.prepare('INSERT INTO revlog VALUES (@id, @cid, -1, @ease, @ivl, @lastIvl, @factor, @time, @type)');
    db.transaction(() => {
      for (const n of anki.notes) note.run(n);
      for (const c of anki.cards) card.run(c);
      for (const r of anki.revlog) revlog.run(r);
    })();
    return zipSync({ 'collection.anki2': new Uint8Array(db.serialize()), media: strToU8('{}') });
  } finally {
    db.close();
  }
}
