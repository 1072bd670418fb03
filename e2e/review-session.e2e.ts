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

async function card(page: Page): Promise<{ id: string; queue: string }> {
  const el = page.getByTestId('review-card');
  await el.waitFor();
  return { id: (await el.getAttribute('data-card-id')) ?? '', queue: (await el.getAttribute('data-queue')) ?? '' };
}

/** Waits until the screen shows something other than card `previous` (another card or the summary). */
async function movedOn(page: Page, previous: string): Promise<void> {
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="review-card"]')?.getAttribute('data-card-id') !== id,
    previous,
  );
}

/** Space reveals, then a digit grades; returns the card that was answered. */
async function answerWithKeys(page: Page, reveal: 'Space' | 'Enter', digit: string) {
  const shown = await card(page);
  await page.keyboard.press(reveal);
  await page.getByTestId('answer').waitFor();
  await page.keyboard.press(digit);
  await movedOn(page, shown.id);
  return shown;
}

describe('a review session on a phone, keyboard only', () => {
  it('limits new cards, re-drills a failed card, undoes with u, and ends with a summary', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signUp(page, uniqueEmail('session'), PASSWORD);

    // Settings: a bad time zone is refused with a field error, then three new cards a day.
    await page.goto(url('/settings'));
    await page.getByLabel('Time zone').fill('Mars/Olympus');
    await page.getByLabel('New cards per day').fill('3');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Choose a time zone such as Europe/Berlin.').waitFor();
    await page.getByLabel('Time zone').fill('Europe/Berlin');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();

    await page.goto(url('/'));
    expect(await page.getByTestId('due-new').textContent()).toBe('3');
    await page.getByRole('link', { name: 'Start review' }).focus();
    await page.keyboard.press('Enter');

    // Every answer and undo reaches the server and is read to the end: none is reported cancelled.
    const moves: string[] = [];
    const isMove = (address: string) => new URL(address).pathname.startsWith('/api/review/');
    page.on('requestfailed', (request) => {
      if (isMove(request.url())) moves.push(`${new URL(request.url()).pathname} ${request.failure()?.errorText}`);
    });
    page.on('requestfinished', async (request) => {
      if (isMove(request.url())) moves.push(`${new URL(request.url()).pathname} ${(await request.response())?.status()}`);
    });

    // Card A: Again. It will come back as a re-drill.
    const a = await answerWithKeys(page, 'Space', '1');
    expect(a.queue).toBe('new');

    // Card B: its buttons show intervals; Good, then undo brings it back unanswered.
    const b = await card(page);
    await page.keyboard.press('Enter');
    await page.getByTestId('answer').waitFor();
    expect(await page.getByRole('button', { name: /Good/ }).textContent()).toContain('Good · 1 day');
    expect(await page.getByTestId('show-in-notes').getAttribute('href')).toMatch(/^\/topics\/[^/]+#line-\d+$/);
    await page.keyboard.press('3');
    await movedOn(page, b.id);
    await page.keyboard.press('u');
    await page.getByText(/^Undone: /).waitFor();
    await page.waitForFunction((id) => document.querySelector('[data-testid="review-card"]')?.getAttribute('data-card-id') === id, b.id);
    expect(await card(page)).toEqual(b);
    expect(await page.getByTestId('answer').count()).toBe(0);
    await answerWithKeys(page, 'Space', '3');

    // Card C: Easy. The new-card limit is reached, so card A comes back at once as a re-drill.
    await answerWithKeys(page, 'Space', '4');
    expect(await card(page)).toEqual({ id: a.id, queue: 'redrill' });
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    expect(await page.getByRole('button', { name: /Good/ }).textContent()).toContain('schedule unchanged');
    await page.keyboard.press('3');

    const summary = page.getByTestId('session-summary');
    await summary.waitFor();
    expect(await page.getByTestId('summary-answered').textContent()).toBe('4');
    expect(await page.getByTestId('summary-correct').textContent()).toBe('3');
    expect(await page.getByTestId('summary-next-due').textContent()).toMatch(/\d{4}/);
    expect(await page.getByTestId('progress-done').textContent()).toBe('4 done');
    expect(moves).toEqual([
      ...Array(2).fill('/api/review/answer 200'), '/api/review/undo 200', ...Array(3).fill('/api/review/answer 200'),
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.goto(url('/'));
    expect(await page.getByTestId('due-count').textContent()).toBe('0');
    await page.close();
  });

  it('Back after answering shows what the answers changed: the card reached, then the home page\'s counts', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signUp(page, uniqueEmail('back'), PASSWORD);
    await page.goto(url('/'));
    const due = Number(await page.getByTestId('due-count').textContent());
    await page.getByRole('link', { name: 'Start review' }).click();
    await answerWithKeys(page, 'Space', '3');
    await answerWithKeys(page, 'Space', '3');
    const reached = await card(page);

    // Read the card's passage, then come back to the review and on to the home page.
    await page.keyboard.press('Space');
    await page.getByTestId('show-in-notes').click();
    await page.waitForURL(/\/topics\//);
    await page.goBack();
    await page.waitForURL(/\/review$/);
    expect(await card(page)).toEqual(reached);
    await page.goBack();
    await page.waitForURL(url('/'));
    await page.waitForFunction((n) => document.querySelector('[data-testid="due-count"]')?.textContent === String(n), due - 2);
    await page.close();
  });

  it('studies one concept subtree from /review?concept=', async () => {
    const page = await browser.newPage({ viewport: PHONE });
    await signUp(page, uniqueEmail('scoped'), PASSWORD);
    await page.goto(url('/review'));
    const first = await card(page);
    const topic = await page.getByTestId('card-topic').getAttribute('href');
    const conceptId = topic!.split('/').pop();
    await page.goto(url(`/review?concept=${conceptId}`));
    await page.getByTestId('review-scope').waitFor();
    expect((await card(page)).id).toBe(first.id);
    await page.close();
  });
});
