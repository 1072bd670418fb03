import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium (apt-get install chromium); a browser download is impossible offline. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export function url(pathname: string): string {
  return new URL(pathname, inject('baseURL')).toString();
}

let counter = 0;
/** A fresh email per call, so tests never collide on the unique constraint. */
export function uniqueEmail(prefix = 'learner'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}@example.com`;
}

export async function signUp(page: Page, email: string, password: string): Promise<void> {
  await page.goto(url('/signup'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('due-count').waitFor();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(url('/signin'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
