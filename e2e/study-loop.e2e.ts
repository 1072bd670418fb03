import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, signUp, uniqueEmail, url } from './browser';

const PASSWORD = 'correct horse battery';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function dueCount(page: Page): Promise<number> {
  await page.goto(url('/'));
  return Number(await page.getByTestId('due-count').textContent());
}

async function currentCardId(page: Page): Promise<string> {
  const card = page.getByTestId('review-card');
  await card.waitFor();
  return (await card.getAttribute('data-card-id')) ?? '';
}

/** Waits until the review screen shows a card other than `previous`. */
async function nextCardAfter(page: Page, previous: string): Promise<string> {
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="review-card"]')?.getAttribute('data-card-id') !== id,
    previous,
  );
  return currentCardId(page);
}

describe('the daily study loop', () => {
  it('signs up, reviews three cards by keyboard and mouse, and keeps them after reload and a new sign-in', async () => {
    const page = await browser.newPage();
    const email = uniqueEmail();
    await signUp(page, email, PASSWORD);
    const before = await dueCount(page);
    expect(before).toBeGreaterThanOrEqual(3);

    await page.getByRole('link', { name: 'Start review' }).click();
    const first = await currentCardId(page);
    const firstTopic = (await page.getByTestId('card-topic').getAttribute('href')) ?? '';
    expect(await page.getByTestId('question').textContent()).toBeTruthy();
    expect(await page.getByTestId('answer').count()).toBe(0);

    // Every answer request must finish: none shows as cancelled in the browser's network log.
    const failedPosts: string[] = [];
    page.on('requestfailed', (request) => {
      if (request.method() === 'POST') failedPosts.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    const answered: number[] = [];
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/review/answer') answered.push(response.status());
    });

    // Card 1: keyboard only. Space reveals, "3" grades Good.
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await expect(page.getByRole('button', { name: /Good/ }).textContent()).resolves.toMatch(/1 day/);
    await page.keyboard.press('3');
    const second = await nextCardAfter(page, first);

    // Card 2: mouse only.
    await page.getByRole('button', { name: /Show answer/ }).click();
    await page.getByRole('button', { name: /Again/ }).click();
    const third = await nextCardAfter(page, second);

    // Card 3: Enter reveals, "4" grades Easy.
    await page.keyboard.press('Enter');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press('4');
    const fourth = await nextCardAfter(page, third);
    expect(new Set([first, second, third, fourth]).size).toBe(4);
    expect(failedPosts).toEqual([]);
    expect(answered).toEqual([200, 200, 200]);

    await page.reload();
    expect(await currentCardId(page)).toBe(fourth);
    // The "Again" card stays in today's count: it comes back as a same-day re-drill.
    expect(await dueCount(page)).toBe(before - 2);

    // The answered card's topic page shows when it is due next. (The card on screen now is from
    // another topic: answered cards bury their siblings until tomorrow.)
    await page.goto(url(firstTopic));
    await page.getByTestId('concept-body').waitFor();
    expect(await page.getByText('next review').count()).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await signIn(page, email, PASSWORD);
    await page.getByTestId('due-count').waitFor();
    expect(await dueCount(page)).toBe(before - 2);
    await page.close();
  });

  it('rejects a wrong password, and answers a taken email as it would a new one', async () => {
    const page = await browser.newPage();
    const email = uniqueEmail('taken');
    await signUp(page, email, PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);

    await signIn(page, email, 'not the password');
    await page.getByText('Wrong email or password.').waitFor();

    await page.goto(url('/signup'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('another password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Could not sign you in with this password. If you already have an account, sign in with its password.').waitFor();
    await page.close();
  });

  it('sends a signed-out visitor to the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(url('/review'));
    await page.waitForURL(/\/signin/);
    expect(await page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
    await page.close();
  });

  it('browses the topic tree from a note down to a concept with its cards', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('reader'), PASSWORD);
    await page.goto(url('/topics'));
    await page.getByRole('heading', { name: /Consistent hashing/i }).waitFor();
    const withCards = page.locator('a[data-cards]:not([data-cards="0"])').first();
    const title = await withCards.textContent();
    await withCards.click();
    await page.getByTestId('concept-body').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(title);
    await page.getByTestId('concept-body').waitFor();
    expect(await page.getByTestId('concept-card').count()).toBeGreaterThan(0);
    await page.close();
  });
});
