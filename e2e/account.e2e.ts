import type { Browser } from 'playwright-core';
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

describe('account basics', () => {
  it('signing out ends the session: a copy of its cookie no longer signs anyone in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const email = uniqueEmail('copied');
    await signUp(page, email, PASSWORD);
    const cookies = await context.cookies();
    expect(cookies.some((c) => c.name.endsWith('next-auth.session-token'))).toBe(true);

    // The copied cookie works while the session lasts...
    const thief = await browser.newContext();
    await thief.addCookies(cookies);
    const stolen = await thief.newPage();
    await stolen.goto(url('/review'));
    await stolen.getByTestId('signed-in-as').waitFor();
    expect(await stolen.getByTestId('signed-in-as').textContent()).toBe(email);

    // ...and stops working once its owner signs out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await stolen.goto(url('/review'));
    await stolen.waitForURL(/\/signin/);
    expect(await stolen.getByTestId('signed-in-as').count()).toBe(0);
    await context.close();
    await thief.close();
  });

  it('after 5 wrong passwords an account is refused for a while, with how long to wait', async () => {
    const page = await browser.newPage();
    const email = uniqueEmail('guessed');
    await signUp(page, email, PASSWORD);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);

    for (let i = 0; i < 5; i++) {
      await signIn(page, email, `wrong guess ${i}`);
      await page.getByText('Wrong email or password.').waitFor();
    }
    // Even the right password is refused now.
    await signIn(page, email, PASSWORD);
    const refusal = page.getByText(/Too many sign-in attempts\. Try again in \d+ s\./);
    await refusal.waitFor();
    const seconds = Number(/in (\d+) s/.exec((await refusal.textContent()) ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    await page.close();
  });
});
