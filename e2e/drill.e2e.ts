import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signUp, uniqueEmail, url } from './browser';

const PASSWORD = 'correct horse battery';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('interview drill', () => {
  it('starts a drill, keeps the typed outline across a reload, and submits the checklist', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('drill'), PASSWORD);
    await page.goto(url('/drill'));
    await page.getByText('URL Shortener Design').waitFor();
    await page.getByRole('button', { name: 'Start drill' }).first().click();
    await page.waitForURL(/\/drill\/[\w-]+$/);
    await page.getByTestId('drill-timer').waitFor();
    expect(await page.getByTestId('drill-timer').textContent()).toMatch(/4\d:\d\d left · now: Requirements/);

    const outline = 'Shorten a URL, redirect, custom aliases, expiry.';
    await page.getByLabel('Requirements').fill(outline);
    await page.getByLabel('Estimation').fill('100M new links a day.');
    await page.locator('[data-testid="drill-save-status"][data-status="saved"]').waitFor();
    await page.reload();
    expect(await page.getByLabel('Requirements').inputValue()).toBe(outline);
    expect(await page.getByLabel('Estimation').inputValue()).toBe('100M new links a day.');

    await page.getByRole('button', { name: /show the checklist/ }).click();
    const points = page.getByTestId('drill-point');
    const total = await points.count();
    expect(total).toBeGreaterThan(3);
    await points.nth(0).check();
    await points.nth(1).check();
    await page.getByRole('button', { name: 'Submit checklist' }).click();
    await page.getByTestId('drill-score').waitFor();
    expect(await page.getByTestId('drill-score').textContent()).toContain(`2/${total}`);

    // An unticked section's cards are scheduled now (this learner had studied none of them).
    const missed = page.locator('[data-testid="drill-result"][data-covered="false"]:not([data-cards="0"]) a').first();
    await missed.click();
    await page.getByTestId('concept-body').waitFor();
    expect(await page.getByTestId('concept-card').filter({ hasText: 'next review' }).count()).toBeGreaterThan(0);

    await page.goto(url('/drill'));
    expect(await page.getByTestId('past-drill-score').first().textContent()).toBe(`2/${total} points covered`);
    await page.close();
  });
});
