import { readFileSync } from 'node:fs';
import { readAnkiPackage } from 'anki-reader';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signUp, uniqueEmail, url } from './browser';

const PASSWORD = 'correct horse battery';
const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Answers the card on screen with the keyboard (Space reveals, `digit` grades) and waits for the next one. */
async function answer(page: Page, digit: string): Promise<void> {
  const card = page.getByTestId('review-card');
  await card.waitFor();
  const id = await card.getAttribute('data-card-id');
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  await page.keyboard.press(digit);
  await page.waitForFunction((shown) => document.querySelector('[data-testid="review-card"]')?.getAttribute('data-card-id') !== shown, id);
}

/** Clicks a download link and returns the downloaded bytes and the file name offered. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('statistics and export', () => {
  it('shows the reviews just done on /stats, on a phone, and downloads both exports', async () => {
    const page = await browser.newPage({ viewport: PHONE, acceptDownloads: true });
    await signUp(page, uniqueEmail('stats'), PASSWORD);
    await page.goto(url('/review'));
    await answer(page, '3');
    await answer(page, '1');
    await answer(page, '3');

    await page.goto(url('/'));
    await page.getByRole('link', { name: 'Stats' }).click();
    await page.getByRole('heading', { name: 'Statistics' }).waitFor();
    expect(await page.getByTestId('stats-total-reviews').textContent()).toBe('3');
    expect(await page.getByTestId('stats-streak').textContent()).toBe('1');
    expect(Number(await page.getByTestId('stats-state-learning').textContent())).toBe(3);
    expect(Number(await page.getByTestId('stats-due-total').textContent())).toBeGreaterThanOrEqual(3);
    expect(await page.getByText('interval is 21 days or more').count()).toBe(1);
    // Today's square holds the three reviews; the charts drew themselves.
    expect(await page.locator('[data-testid="heatmap"] [data-reviews="3"]').count()).toBe(1);
    // No card is mature yet, so true retention says so instead of drawing an empty chart.
    await page.getByTestId('retention-empty').waitFor();
    for (const chart of ['forecast-chart', 'states-chart']) {
      await page.locator(`[data-testid="${chart}"] svg.recharts-surface`).first().waitFor();
    }
    expect(await page.getByTestId('topic-mastery').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('link', { name: 'Export', exact: true }).click();
    await page.getByRole('heading', { name: 'Export' }).waitFor();
    const json = await download(page, 'export-json');
    expect(json.name).toMatch(/^recall-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const progress = JSON.parse(json.bytes.toString('utf8'));
    expect(progress.format).toBe('recall-progress');
    expect(progress.reviewLog).toHaveLength(3);
    expect(progress.cards.filter((c: { review: unknown }) => c.review !== null)).toHaveLength(3);

    const apkg = await download(page, 'export-apkg');
    expect(apkg.name).toMatch(/\.apkg$/);
    const { collection } = await readAnkiPackage(new Blob([new Uint8Array(apkg.bytes)]));
    const decks = Object.values(collection.getDecks());
    expect(decks.some((d) => d.getName().startsWith('Recall::'))).toBe(true);
    const cards = decks.flatMap((d) => Object.values(d.getCards()));
    expect(cards).toHaveLength(progress.cards.length);
    const studied = cards.filter((c) => c.getRawCard().type === 2);
    expect(studied).toHaveLength(3);
    await page.close();
  });

  it('refuses both exports without a signed-in user', async () => {
    for (const path of ['/export/json', '/export/apkg']) {
      const response = await fetch(url(path));
      expect(response.status).toBe(401);
    }
  });
});
