/**
 * The Anki collection's JSON configuration and SQL schema, legacy schema 11: the collection
 * format of Anki 2.0 and 2.1 that every Anki version imports (newer ones upgrade it on import).
 * Hand-written because no maintained npm package writes it with scheduling data; the table
 * layout follows Anki's own schema11.sql and the field meanings its documented database layout.
 */

export const SCHEMA_11 = `
CREATE TABLE col (
  id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL, ver integer NOT NULL,
  dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL, models text NOT NULL,
  decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL
);
CREATE TABLE notes (
  id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL, usn integer NOT NULL,
  tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL, flags integer NOT NULL,
  data text NOT NULL
);
CREATE TABLE cards (
  id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL, mod integer NOT NULL,
  usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL, due integer NOT NULL, ivl integer NOT NULL,
  factor integer NOT NULL, reps integer NOT NULL, lapses integer NOT NULL, left integer NOT NULL,
  odue integer NOT NULL, odid integer NOT NULL, flags integer NOT NULL, data text NOT NULL
);
CREATE TABLE revlog (
  id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL, ivl integer NOT NULL,
  lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL, type integer NOT NULL
);
CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);
`;

/** Card types and queues (cards.type / cards.queue) and review kinds (revlog.type) of schema 11. */
export const CARD_TYPE = { new: 0, review: 2 } as const;
export const CARD_QUEUE = { suspended: -1, new: 0, review: 2 } as const;
export const REVLOG_TYPE = { learn: 0, review: 1, filtered: 3 } as const;

/** The note type's id: fixed, so a second import of an export reuses the note type. */
export const MODEL_ID = 1_733_097_600_000;
export const DEFAULT_DECK_ID = 1;
export const DECK_OPTIONS_ID = 1;

export const MODEL_FIELDS = ['Front', 'Back', 'Source'] as const;

export function modelJson(modTime: number) {
  return {
    [MODEL_ID]: {
      id: MODEL_ID,
      name: 'Recall (question and answer)',
      type: 0,
      mod: modTime,
      usn: -1,
      sortf: 0,
      did: DEFAULT_DECK_ID,
      tmpls: [
        {
          name: 'Card 1',
          ord: 0,
          qfmt: '{{Front}}',
          afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n\n<p class="source">{{Source}}</p>',
          bqfmt: '',
          bafmt: '',
          did: null,
        },
      ],
      flds: MODEL_FIELDS.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
      css: '.card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }\n.source { font-size: 12px; color: grey; }',
      latexPre: '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
      latexPost: '\\end{document}',
      req: [[0, 'any', [0]]],
      tags: [],
      vers: [],
    },
  };
}

export function deckJson(id: number, name: string, modTime: number) {
  return {
    id,
    name,
    mod: modTime,
    usn: -1,
    desc: '',
    dyn: 0,
    conf: DECK_OPTIONS_ID,
    collapsed: false,
    extendNew: 10,
    extendRev: 50,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

/** Deck options: the user's daily limits and leech threshold; the rest Anki's defaults. */
export function deckOptionsJson(limits: { newPerDay: number; reviewsPerDay: number; leechLapses: number }) {
  return {
    [DECK_OPTIONS_ID]: {
      id: DECK_OPTIONS_ID,
      name: 'Default',
      mod: 0,
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: limits.newPerDay, separate: true },
      lapse: { delays: [10], leechAction: 0, leechFails: limits.leechLapses, minInt: 1, mult: 0 },
      rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: limits.reviewsPerDay },
    },
  };
}

export function collectionConfJson(rolloverHour: number) {
  return {
    activeDecks: [DEFAULT_DECK_ID],
    curDeck: DEFAULT_DECK_ID,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: String(MODEL_ID),
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true,
    rollover: rolloverHour,
  };
}
