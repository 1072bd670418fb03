import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
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

/** A signed-in page in a fresh context; `errors` collects page errors and CSP violations. */
async function reader(options: BrowserContextOptions = {}): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
  });
  await signUp(page, uniqueEmail('reader'), PASSWORD);
  return { page, context, errors };
}

/** Lines of the note passages lit on the page. */
const litPassages = (page: Page) =>
  page.$$eval('[data-highlighted]', (els) => els.map((el) => [Number(el.getAttribute('data-line-start')), Number(el.getAttribute('data-line-end'))]));

/** The page body scrolls sideways when its content is wider than the viewport. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** Opens the concept titled `title` from /topics. */
async function openTopic(page: Page, title: string): Promise<void> {
  await page.goto(url('/topics'));
  await page.locator('a[data-cards]', { hasText: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('reading the notes', () => {
  it('browses from the topic tree to a concept, opens a card and sees its passage highlighted', async () => {
    const { page, context, errors } = await reader();
    await page.goto(url('/topics'));
    expect(await page.locator('[data-mastery="new"]').count()).toBeGreaterThan(0);
    // Sections that produced no card are marked in the tree.
    expect(await page.locator('[data-mastery="untested"]').count()).toBeGreaterThan(0);

    const topic = page.locator('a[data-cards]:not([data-cards="0"])').nth(1);
    const title = (await topic.textContent())!;
    await topic.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).textContent()).toMatch(/^Topics › /);
    const review = page.getByRole('link', { name: 'Review this topic' });
    expect(await review.getAttribute('href')).toMatch(/^\/review\?concept=/);
    expect(await page.locator('a[rel="prev"], a[rel="next"]').count()).toBeGreaterThan(0);

    const card = page.getByTestId('concept-card').first();
    const line = Number(await card.getAttribute('data-source-line'));
    await card.locator('summary').hover();
    await page.waitForSelector('[data-highlighted]');
    const lit = await litPassages(page);
    expect(lit.length).toBeGreaterThan(0);
    expect(lit.some(([start, end]) => start <= line && line <= end) || lit.every(([start]) => start > line)).toBe(true);

    // A click opens the answer and pins the highlight after the pointer leaves.
    expect(await card.locator('.note-prose').isVisible()).toBe(false);
    await card.locator('summary').click();
    expect(await card.locator('.note-prose').isVisible()).toBe(true);
    await page.getByRole('heading', { level: 1 }).hover();
    expect(await litPassages(page)).toEqual(lit);

    // Next in note order, then a #line-<n> link (the review screen's "show in notes").
    const next = page.locator('a[rel="next"]');
    const nextHref = (await next.getAttribute('href'))!;
    await page.mouse.move(0, 0);
    await next.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(url(nextHref));
    await page.getByTestId('concept-body').waitFor();
    // Moving on clears the passage pinned on the previous concept.
    expect(await litPassages(page)).toEqual([]);
    const lastLine = Number(await page.getByTestId('concept-body').locator('[data-line-start]').last().getAttribute('data-line-end'));
    await page.goto(url(`${nextHref}#line-${lastLine}`));
    await page.waitForSelector('[data-highlighted]');
    expect((await litPassages(page)).some(([start, end]) => start <= lastLine && lastLine <= end)).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks a section without cards on its page', async () => {
    const { page, context } = await reader();
    await openTopic(page, 'Frames and objects');
    await page.getByTestId('no-cards').waitFor();
    expect(await page.getByTestId('concept-card').count()).toBe(0);
    await context.close();
  });
});

describe('search', () => {
  it('shows ranked, highlighted results as you type and follows one to its concept', async () => {
    const { page, context, errors } = await reader();
    await page.goto(url('/search'));
    await page.getByLabel('Search notes and cards').pressSequentially('consist', { delay: 30 });
    await page.getByTestId('search-result').first().waitFor();
    expect(page.url()).toMatch(/\/search\?q=consist$/);
    expect((await page.locator('[data-testid="search-result"] mark').first().textContent())?.toLowerCase()).toMatch(/^consist/);

    const first = page.getByTestId('search-result').first().locator('a');
    const href = (await first.getAttribute('href'))!;
    await first.click();
    await page.waitForURL((u) => href.startsWith(u.pathname));
    await page.getByTestId('concept-body').waitFor();

    // Punctuation and FTS5 syntax are only text: nothing matches, nothing fails.
    await page.goto(url('/search'));
    await page.getByLabel('Search notes and cards').fill('"*( -- zqxjv:');
    await page.getByTestId('no-results').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('works without JavaScript, and the JSON API answers only signed-in users', async () => {
    const signedIn = await reader();
    const context = await browser.newContext({ storageState: await signedIn.context.storageState(), javaScriptEnabled: false });
    await signedIn.context.close();
    const page = await context.newPage();
    await page.goto(url('/search?q=Hashing'));
    expect(await page.getByTestId('search-result').count()).toBeGreaterThan(0);
    await page.getByLabel('Search notes and cards').fill('replica');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=replica$/);
    expect(await page.getByTestId('search-result').count()).toBeGreaterThan(0);
    const api = await context.request.get(url('/api/search?q=hash'));
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { hits: { href: string }[] };
    expect(body.hits.length).toBeGreaterThan(0);
    expect(body.hits[0].href).toMatch(/^\/topics\//);
    await context.close();

    const anonymous = await browser.newContext();
    expect((await anonymous.request.get(url('/api/search?q=hash'))).status()).toBe(401);
    await anonymous.close();
  });
});

describe('safety', () => {
  it('sends a nonce-based CSP that blocks inline script', async () => {
    const { page, context } = await reader();
    const response = await page.goto(url('/topics'));
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    // Even markup that got past the sanitiser could not run: inline handlers are refused.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', `<img src="data:," onerror="window.__pwned = 'csp'">`);
    });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    await context.close();
  });

  it('renders a note full of attacks as readable text without running any of them', async () => {
    const { page, context, errors } = await reader();
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(url('/topics'));
    const section = page.locator('div', { has: page.getByRole('heading', { name: /Hostile note/ }) }).last();
    const hrefs = await section.locator('a[data-cards]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThanOrEqual(8);

    for (const href of hrefs) {
      await page.goto(url(href));
      const body = page.getByTestId('concept-body');
      await body.waitFor();
      for (const card of await page.getByTestId('concept-card').all()) {
        await card.locator('summary').click();
        await card.hover();
      }
      for (const link of await body.locator('a').all()) await link.click({ force: true, noWaitAfter: true });
      await page.mouse.move(5, 5);
      expect(await body.locator('script, iframe, object, embed, svg, style, base, form, [onerror], [onload], [style]').count()).toBe(0);
    }
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({ pwned: (window as { __pwned?: string }).__pwned, title: document.title }));
    expect(state.pwned).toBeUndefined();
    expect(state.title).toMatch(/Recall/);
    expect(dialogs).toEqual([]);

    // The text around the payloads is still there and visible.
    await openTopic(page, 'Event handlers');
    expect(await page.getByTestId('concept-body').getByText('Hover over this div text.').isVisible()).toBe(true);
    await openTopic(page, 'Code stays text');
    expect(await page.getByText(`<script>window.__pwned = 'fenced'</script>`).isVisible()).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');

    // Search shows attack text from the note as text, with only <mark> added.
    await page.goto(url('/search?q=inline+code'));
    const result = page.getByTestId('search-result').first();
    expect(await result.textContent()).toContain('<img src=x onerror=');
    expect(await result.locator('img').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * For the first five matches: the WCAG contrast ratio between the element's text colour and the
 * first opaque background behind it, and that background's luminance. Colours are resolved
 * through a canvas, so oklch() works too.
 */
async function contrasts(page: Page, selector: string): Promise<{ ratio: number; background: number }[]> {
  return page.$$eval(selector, (els) => {
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (color: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = color;
      ctx.fillRect(0, 0, 1, 1);
      return Array.from(ctx.getImageData(0, 0, 1, 1).data);
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    return els.slice(0, 5).map((el) => {
      let at: Element | null = el;
      let background = [0, 0, 0, 0];
      while (at && background[3] < 255) {
        background = rgba(getComputedStyle(at).backgroundColor);
        at = at.parentElement;
      }
      const [text, behind] = [luminance(rgba(getComputedStyle(el).color)), luminance(background)];
      return { ratio: (Math.max(text, behind) + 0.05) / (Math.min(text, behind) + 0.05), background: behind };
    });
  });
}

async function expectReadable(page: Page, selectors: string[]): Promise<void> {
  for (const selector of selectors) {
    const found = await contrasts(page, selector);
    expect(found.length, selector).toBeGreaterThan(0);
    for (const { ratio } of found) expect(ratio, selector).toBeGreaterThanOrEqual(3);
  }
}

describe('phone width and dark mode', () => {
  it('fits a 390 px wide screen without sideways scrolling', async () => {
    const { page, context } = await reader({ viewport: PHONE });
    await page.goto(url('/topics'));
    expect(await overflowsSideways(page)).toBe(false);
    for (const title of ['Event handlers', 'Links']) {
      await openTopic(page, title);
      expect(await overflowsSideways(page)).toBe(false);
    }
    await page.goto(url('/topics'));
    await page.locator('a[data-cards]:not([data-cards="0"])').first().click();
    await page.getByTestId('concept-body').waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await page.goto(url('/search?q=cache'));
    await page.getByTestId('search-result').first().waitFor();
    expect(await overflowsSideways(page)).toBe(false);
    await context.close();
  });

  it('keeps text readable in dark mode', async () => {
    const { page, context } = await reader({ colorScheme: 'dark' });
    await page.goto(url('/topics'));
    expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    const [body] = await contrasts(page, 'body');
    expect(body.background).toBeLessThan(0.05);
    await expectReadable(page, ['h1', 'a[data-cards]', 'li[data-mastery] span.text-xs']);

    await page.locator('a[data-cards]:not([data-cards="0"])').first().click();
    await page.getByTestId('concept-body').waitFor();
    await page.getByTestId('concept-card').first().locator('summary').click();
    await expectReadable(page, ['h1', '[data-testid="concept-body"] p', '[data-testid="concept-card"] summary', '[data-testid="concept-card"] .note-prose p']);
    await page.getByTestId('concept-card').first().hover();
    await expectReadable(page, ['[data-highlighted]']);

    await page.goto(url('/search?q=cache'));
    await page.getByTestId('search-result').first().waitFor();
    await expectReadable(page, ['[data-testid="search-result"] a > span', '[data-testid="search-result"] mark']);
    await context.close();
  });
});
