import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listItems } from '../lib/quiz/grade';
import { answerForm, sameForm } from '../lib/quiz/form';
import { launchBrowser, signUp, uniqueEmail, url } from './browser';

/**
 * What a demanding Anki user checks before trusting the study loop (issue #12): a topic studied on
 * purpose, honest grade buttons, fair typed grading and options, Back after a search, "study more",
 * a retired note gone from the lists, and a favicon.
 */

const PASSWORD = 'correct horse battery';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A read-only look at the app's database, to pick cards the way a tester picks them by eye. */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(inject('databaseUrl').replace(/^file:/, ''), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** A write to the app's database, to stand for time passing (nothing in the app can do that). */
function writeDb(sql: string, ...params: unknown[]): void {
  const db = new Database(inject('databaseUrl').replace(/^file:/, ''));
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

async function card(page: Page): Promise<{ id: string; queue: string }> {
  const el = page.getByTestId('review-card');
  await el.waitFor();
  return { id: (await el.getAttribute('data-card-id')) ?? '', queue: (await el.getAttribute('data-queue')) ?? '' };
}

/** Reveals the card on screen and grades it with `digit`; waits until something else is shown. */
async function answer(page: Page, digit: string): Promise<{ id: string; queue: string }> {
  const shown = await card(page);
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  await page.keyboard.press(digit);
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="review-card"]')?.getAttribute('data-card-id') !== id,
    shown.id,
  );
  return shown;
}

describe('a study loop a demanding Anki user would trust', () => {
  it('studying one topic on purpose does not bury its own cards', async () => {
    // A leaf topic with several cards of its own: burying would hide all but the first.
    const [topic] = query<{ conceptId: string; n: number }>(`
      SELECT c."conceptId" AS conceptId, COUNT(*) AS n FROM "Card" c JOIN "Concept" co ON co."id" = c."conceptId"
      WHERE c."status" = 'active' AND co."status" = 'active'
        AND NOT EXISTS (SELECT 1 FROM "Concept" ch WHERE ch."parentId" = co."id" AND ch."status" = 'active')
      GROUP BY c."conceptId" HAVING COUNT(*) >= 3 ORDER BY COUNT(*) LIMIT 1`);
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('scope'), PASSWORD);
    await page.goto(url(`/review?concept=${topic.conceptId}`));
    await page.getByTestId('review-scope').waitFor();
    expect(await page.getByTestId('remaining').textContent()).toBe(`${topic.n} left today`);

    const seen = new Set<string>();
    for (let i = 0; i < topic.n; i++) {
      expect(await page.getByTestId('card-topic').getAttribute('href')).toBe(`/topics/${topic.conceptId}`);
      seen.add((await answer(page, '3')).id);
      expect(await page.getByTestId('remaining').textContent()).toBe(`${topic.n - i - 1} left today`);
    }
    expect(seen.size).toBe(topic.n);
    await page.getByTestId('session-summary').waitFor();
    expect(await page.getByTestId('summary-answered').textContent()).toBe(String(topic.n));
    await page.close();
  });

  it('grade buttons say what each grade does to a new card, and which ones do the same', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('grades'), PASSWORD);
    await page.goto(url('/review'));
    expect((await card(page)).queue).toBe('new');
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    const text = async (label: string) => (await page.getByTestId(`grade-${label}`).textContent()) ?? '';
    expect(await text('again')).toContain('Again · again today, then 1 day');
    expect(await text('hard')).toContain('Hard · again today, then 1 day');
    expect(await text('hard')).toContain('same as Again now; next step 6 days instead of 1 day');
    expect(await text('good')).toContain('Good · 1 day');
    expect(await text('easy')).toContain('Easy · 1 day');
    expect(await text('easy')).toContain('same as Good for now');
    // The note describes the button; its name stays the grade, so "Again" names one button only.
    expect(await page.getByRole('button', { name: /Again/ }).count()).toBe(1);
    await page.close();
  });

  it('typed list answers score each item and show which were recalled', async () => {
    const lists = query<{ conceptId: string; question: string; answer: string }>(`
      SELECT c."conceptId" AS conceptId, c."question" AS question, c."answer" AS answer FROM "Card" c
      WHERE c."kind" = 'list' AND c."status" = 'active' ORDER BY c."id"`);
    const list = lists.find((c) => listItems(c.answer).length === 3 && listItems(c.answer).every((i) => i.split(' ').length <= 6 && !i.includes(';')))!;
    expect(list).toBeTruthy();
    const [first, second, third] = listItems(list.answer);

    const page = await browser.newPage();
    await signUp(page, uniqueEmail('typed'), PASSWORD);
    await page.goto(url(`/quiz/play?topics=${list.conceptId}&n=50&mode=typed&seed=trust`));
    for (let i = 0; ; i++) {
      await page.locator(`[data-testid="quiz-question"][data-index="${i}"]`).waitFor();
      if ((await page.getByTestId('quiz-prompt').textContent()) === list.question) break;
      await page.getByTestId('quiz-input').fill('no idea');
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByTestId('quiz-next').click();
    }
    // Two of three items, word for word, one per line.
    await page.getByTestId('quiz-input').fill(`${first}\n${second}`);
    await page.getByRole('button', { name: 'Check' }).click();
    const feedback = page.getByTestId('quiz-feedback');
    await feedback.waitFor();
    expect(await feedback.textContent()).toContain('(67% recalled)');
    const parts = page.getByTestId('recalled-part');
    expect(await parts.count()).toBe(3);
    expect(await parts.evaluateAll((els) => els.map((e) => [e.textContent?.replace(/^[✓✗]\s*/, '').replace(/ \((recalled|missed)\)$/, ''), e.getAttribute('data-recalled')])))
      .toEqual([[first, 'true'], [second, 'true'], [third, 'false']]);
    await page.close();
  });

  it('multiple-choice options share the right answer\'s form (list items, number, length)', async () => {
    // The topics that hold list cards, so the quiz is sure to ask some whatever else the deck holds.
    const topics = query<{ conceptId: string }>(`SELECT DISTINCT "conceptId" AS conceptId FROM "Card" WHERE "kind" = 'list' AND "status" = 'active' ORDER BY "conceptId" LIMIT 20`).map((row) => row.conceptId);
    const [{ cards }] = query<{ cards: number }>(`SELECT COUNT(*) AS cards FROM "Card" WHERE "status" = 'active' AND "conceptId" IN (${topics.map(() => '?').join(',')})`, ...topics);
    const n = Math.min(25, cards);
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('options'), PASSWORD);
    await page.goto(url(`/quiz/play?topics=${topics.join(',')}&n=${n}&mode=mc&seed=trust-form`));
    const odd: string[] = [];
    let lists = 0;
    for (let i = 0; i < n; i++) {
      const question = page.locator(`[data-testid="quiz-question"][data-index="${i}"]`);
      await question.waitFor();
      const kind = (await question.getAttribute('data-kind')) ?? '';
      await page.getByTestId('quiz-option').first().click();
      const options = await page.getByTestId('quiz-option').evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent ?? '', correct: e.getAttribute('data-correct') === 'true' })));
      const right = options.find((o) => o.correct)!;
      if (kind === 'list') lists++;
      for (const o of options) {
        if (!sameForm(answerForm(right.text, kind), answerForm(o.text, kind))) odd.push(`${JSON.stringify(o.text)} beside ${JSON.stringify(right.text)}`);
      }
      await page.getByTestId('quiz-next').click();
    }
    expect(lists).toBeGreaterThan(0);
    expect(odd).toEqual([]);
    await page.close();
  });

  it('Back from a search result shows the query and its results again', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('search'), PASSWORD);
    await page.goto(url('/search'));
    await page.getByRole('searchbox').fill('replication');
    await page.waitForURL(/\/search\?q=replication$/);
    await page.getByTestId('search-result').first().waitFor();
    await page.getByTestId('search-result').first().getByRole('link').click();
    await page.waitForURL(/\/topics\//);
    await page.goBack();
    await page.waitForURL(/\/search\?q=replication$/);
    await page.getByTestId('search-result').first().waitFor();
    expect(await page.getByRole('searchbox').inputValue()).toBe('replication');
    await page.close();
  });

  it('offers to study more once the day is done: extra new cards, then reviews ahead of schedule', async () => {
    const page = await browser.newPage();
    const email = uniqueEmail('more');
    await signUp(page, email, PASSWORD);
    await page.goto(url('/settings'));
    await page.getByLabel('New cards per day').fill('1');
    await page.getByLabel('Bury siblings').uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();

    await page.goto(url('/review'));
    const a = await answer(page, '3');
    await page.getByTestId('study-more').waitFor();
    // A card learned today is not offered ahead: reviewing it again at once would teach nothing.
    expect(await page.getByRole('link', { name: /Review ahead/ }).count()).toBe(0);
    await page.getByRole('link', { name: '10 more new cards' }).click();
    await page.getByTestId('study-more-mode').waitFor();
    const b = await answer(page, '3');
    expect(b.queue).toBe('new');
    expect(b.id).not.toBe(a.id);

    // As if both had been learned yesterday (due tomorrow): review them ahead of schedule.
    writeDb(`UPDATE "ReviewState" SET "lastReviewedAt" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "lastReviewedAt", '-1 day')
      WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`, email);
    await page.getByRole('link', { name: 'Review', exact: true }).click();
    await page.getByTestId('study-more').waitFor();
    await page.getByRole('link', { name: 'Review ahead: 2 due in the next 7 days' }).click();
    const ahead = [await answer(page, '3'), await answer(page, '3')];
    expect(ahead.map((c) => c.queue)).toEqual(['review', 'review']);
    expect(new Set(ahead.map((c) => c.id))).toEqual(new Set([a.id, b.id]));
    await page.getByTestId('session-summary').waitFor();
    expect(await page.getByTestId('summary-answered').textContent()).toBe('4');
    // Recorded like any review: the second success of each card gives SM-2's 6 days.
    const intervals = query<{ intervalDays: number }>(
      `SELECT "intervalDays" FROM "ReviewState" WHERE "cardId" IN (?, ?) AND "userId" = (SELECT "id" FROM "User" WHERE "email" = ?)`, a.id, b.id, email);
    expect(intervals.map((r) => r.intervalDays)).toEqual([6, 6]);
    await page.close();
  });

  it('a note deleted from the notes folder leaves no empty entry in Topics nor in the note count', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('retired'), PASSWORD);
    const notes = async () => Number(/(\d+) notes/.exec((await page.getByTestId('deck-stats').textContent()) ?? '')?.[1]);
    await page.goto(url('/'));
    const before = await notes();

    const dir = mkdtempSync(path.join(tmpdir(), 'recall-retire-'));
    const ingest = () => execFileSync('npx', ['tsx', 'scripts/ingest.ts', dir], { env: { ...process.env, DATABASE_URL: inject('databaseUrl') }, stdio: 'pipe' });
    try {
      writeFileSync(path.join(dir, 'kept-note.md'), '# Kept note\n\nWhat is kept? :: A note still in the folder.\n');
      writeFileSync(path.join(dir, 'gone-note.md'), '# Gone note\n\nWhat is gone? :: A note deleted from the folder.\n');
      ingest();
      await page.goto(url('/'));
      expect(await notes()).toBe(before + 2);
      rmSync(path.join(dir, 'gone-note.md'));
      ingest();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await page.goto(url('/'));
    expect(await notes()).toBe(before + 1);
    await page.goto(url('/topics'));
    await page.getByText('Kept note').first().waitFor();
    expect(await page.getByText('Gone note').count()).toBe(0);
    await page.close();
  });

  it('has a favicon', async () => {
    const page = await browser.newPage();
    const missing: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 404) missing.push(response.url());
    });
    await page.goto(url('/signin'));
    const href = await page.locator('link[rel~="icon"]').first().getAttribute('href');
    expect(href).toBeTruthy();
    const icon = await page.request.get(url(href!));
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/');
    expect(missing).toEqual([]);
    await page.close();
  });
});
