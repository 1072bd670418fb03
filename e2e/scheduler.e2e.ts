import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signUp, uniqueEmail, url } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the review screen, reveals the answer and reads the four grade buttons' labels. */
async function buttonLabels(page: Page): Promise<string[]> {
  await page.goto(url('/review'));
  await page.getByTestId('review-card').waitFor();
  await page.keyboard.press('Space');
  await page.getByTestId('answer').waitFor();
  const group = page.getByRole('group', { name: 'Grade your answer' });
  return Promise.all(['Again', 'Hard', 'Good', 'Easy'].map(async (name) => {
    const text = await group.getByRole('button', { name: new RegExp(`^${name}`) }).locator('span').first().textContent();
    return text ?? '';
  }));
}

async function chooseScheduler(page: Page, name: RegExp): Promise<void> {
  await page.goto(url('/settings'));
  await page.getByRole('radio', { name }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').waitFor();
}

describe('choosing the scheduler in settings', () => {
  it('FSRS sets the intervals on the grade buttons, and switching back brings SM-2\'s again', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('fsrs'), 'correct horse battery');
    const sm2 = await buttonLabels(page);

    await chooseScheduler(page, /^FSRS/);
    // FSRS-6 default weights on a new card: 1, 2, 3 and 8 days.
    const fsrs = await buttonLabels(page);
    expect(fsrs).toEqual(['Again · again today, then 1 day', 'Hard · again today, then 2 days', 'Good · 3 days', 'Easy · 8 days']);
    expect(fsrs).not.toEqual(sm2);

    // Review it (Good): the next card is shown, still with FSRS's intervals.
    const first = await page.getByTestId('review-card').getAttribute('data-card-id');
    await page.keyboard.press('3');
    await page.waitForFunction((id) => document.querySelector('[data-testid="review-card"]')?.getAttribute('data-card-id') !== id, first);
    expect(await buttonLabels(page)).toEqual(fsrs);

    await chooseScheduler(page, /^SM-2/);
    expect(await buttonLabels(page)).toEqual(sm2);
    await page.close();
  });
});
