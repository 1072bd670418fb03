import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, signUp, uniqueEmail, url } from './browser';

const PASSWORD = 'correct horse battery';
const root = path.resolve(import.meta.dirname, '..');

/** A private note with words no starter note has. */
const NOTE = [
  '# Zanzibar ledger',
  '',
  'What is a zanzibar ledger? :: An append-only record of quokka payments.',
].join('\n');

let browser: Browser;
let notesDir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  notesDir = mkdtempSync(path.join(tmpdir(), 'recall-private-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(notesDir, { recursive: true, force: true });
});

async function signedUp(email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signUp(page, email, PASSWORD);
  return page;
}

/** `npm run ingest -- --user <email> <folder>` against the served app's database. */
function ingestFor(email: string): void {
  mkdirSync(path.join(notesDir, 'mine'), { recursive: true });
  writeFileSync(path.join(notesDir, 'mine', 'ledger.md'), NOTE);
  execFileSync('npx', ['tsx', 'scripts/ingest.ts', '--user', email, path.join(notesDir, 'mine')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: inject('databaseUrl') },
    stdio: 'pipe',
  });
}

/** The id of the private note's concept, read from the served app's database. */
function privateConceptId(): string {
  const db = new Database(inject('databaseUrl').replace(/^file:/, ''), { readonly: true });
  try {
    const row = db.prepare(`SELECT co."id" FROM "Concept" co JOIN "Source" s ON s."id" = co."sourceId" WHERE s."ownerId" IS NOT NULL AND co."title" = 'Zanzibar ledger'`).get() as { id: string };
    return row.id;
  } finally {
    db.close();
  }
}

describe('a signed-out visitor', () => {
  it('is sent to sign in from every study page, and gets 401 from the search API', async () => {
    const page = await (await browser.newContext()).newPage();
    const pages = ['/topics', '/topics/some-concept', '/review', '/review?concept=x', '/quiz', '/quiz/play?topics=&n=5&mode=mc&seed=s', '/search?q=cache', '/drill', '/drill/some-drill', '/leeches', '/settings'];
    for (const pathname of pages) {
      await page.goto(url(pathname));
      expect(new URL(page.url()).pathname, pathname).toBe('/signin');
    }
    const api = await fetch(url('/api/search?q=cache'));
    expect(api.status).toBe(401);
  });
});

describe('two learners', () => {
  it('study their own notes and the starter deck; neither sees the other\'s notes anywhere', async () => {
    const ownerEmail = uniqueEmail('owner');
    const owner = await signedUp(ownerEmail);
    const other = await signedUp(uniqueEmail('other'));
    ingestFor(ownerEmail);
    const conceptId = privateConceptId();

    await owner.goto(url('/topics'));
    expect(await owner.locator('main').textContent()).toContain('Zanzibar ledger');
    await owner.goto(url(`/topics/${conceptId}`));
    await owner.getByRole('heading', { level: 1, name: 'Zanzibar ledger' }).waitFor();
    await owner.goto(url('/search?q=quokka'));
    expect(await owner.locator('main').textContent()).toMatch(/zanzibar/i);

    await other.goto(url('/topics'));
    const topics = (await other.locator('main').textContent())!;
    expect(topics).not.toMatch(/zanzibar/i);
    expect(topics.length).toBeGreaterThan(100); // the starter deck is there
    const missing = await other.goto(url(`/topics/${conceptId}`));
    expect(missing?.status()).toBe(404);
    for (const pathname of ['/search?q=quokka', '/quiz', '/drill', `/review?concept=${conceptId}`, `/quiz/play?topics=${conceptId}&n=5&mode=mc&seed=s`]) {
      const response = await other.goto(url(pathname));
      // The rendered page, not its scripts (they echo the query); the note's title is never shown.
      expect(await other.locator('main').innerText(), pathname).not.toMatch(/zanzibar/i);
      expect([200, 404], pathname).toContain(response?.status());
    }
    const api = await other.request.get(url('/api/search?q=quokka'));
    expect((await api.json()).hits).toEqual([]);
  });
});
