import type { Browser, Page } from 'playwright-core';
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

/** Starts a whole-deck quiz of `n` questions from the builder and returns its URL. */
async function startQuiz(page: Page, mode: string, n: number): Promise<string> {
  await page.goto(url('/quiz'));
  await page.locator(`input[name="mode"][value="${mode}"]`).check();
  await page.locator('input[name="n"]').fill(String(n));
  await page.getByRole('button', { name: 'Start quiz' }).click();
  await page.waitForURL(/\/quiz\/play\?.*seed=/);
  await page.getByTestId('quiz-question').waitFor();
  return page.url();
}

async function waitForQuestion(page: Page, index: number): Promise<void> {
  await page.locator(`[data-testid="quiz-question"][data-index="${index}"]`).waitFor();
}

async function score(page: Page): Promise<string> {
  await page.getByTestId('quiz-results').waitFor();
  return (await page.getByTestId('quiz-score').textContent()) ?? '';
}

describe('quizzes', () => {
  it('multiple choice: ten questions, results, a shareable retake, and a missed card due again', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('quiz-mc'), PASSWORD);
    const href = await startQuiz(page, 'mc', 10);
    expect(href).toMatch(/topics=&n=10&mode=mc&seed=[\w-]+/);
    const firstPrompt = await page.getByTestId('quiz-prompt').textContent();
    let wrong = 0;
    for (let i = 0; i < 10; i++) {
      await waitForQuestion(page, i);
      await expect(page.getByTestId('quiz-option').count()).resolves.toBe(4);
      // Always the first option: with four shuffled options, ten right answers in a row are all but impossible.
      await page.getByTestId('quiz-option').first().click();
      if ((await page.getByTestId('quiz-option').first().getAttribute('data-correct')) === 'false') wrong++;
      await page.getByTestId('quiz-next').click();
    }
    expect(wrong).toBeGreaterThan(0);
    expect(await score(page)).toBe(`${10 - wrong}/10`);
    expect(await page.getByTestId('quiz-missed').count()).toBe(wrong);
    expect(await page.getByTestId('quiz-group').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('quiz-recorded').textContent()).resolves.toContain(String(wrong));

    // The missed card's passage: its card is now scheduled (it was never studied before).
    const passage = (await page.getByTestId('missed-passage').first().getAttribute('href')) ?? '';
    const line = /#line-(\d+)$/.exec(passage)?.[1];
    expect(line).toBeTruthy();

    // The same URL is the same quiz.
    await page.goto(href);
    await page.getByTestId('quiz-question').waitFor();
    expect(await page.getByTestId('quiz-prompt').textContent()).toBe(firstPrompt);

    await page.goto(url(passage));
    await page.getByTestId('concept-body').waitFor();
    const missedCard = page.locator(`[data-testid="concept-card"][data-source-line="${line}"]`).filter({ hasText: 'next review' });
    expect(await missedCard.count()).toBeGreaterThan(0);
    await page.close();
  });

  it('typed answers: graded with a word diff, and "I was right" overrides a miss', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('quiz-typed'), PASSWORD);
    await startQuiz(page, 'typed', 10);
    for (let i = 0; i < 10; i++) {
      await waitForQuestion(page, i);
      await page.getByTestId('quiz-input').fill('zzqx wibble');
      await page.getByRole('button', { name: 'Check' }).click();
      const feedback = page.getByTestId('quiz-feedback');
      await feedback.waitFor();
      expect(await feedback.getAttribute('data-correct')).toBe('false');
      // Both typed words are marked as extra against the expected answer.
      expect(await page.getByTestId('word-diff').locator('span[title="extra"]').allTextContents()).toEqual(['zzqx ', 'wibble ']);
      if (i === 0) {
        await page.getByRole('button', { name: 'I was right' }).click();
        await page.locator('[data-testid="quiz-feedback"][data-correct="true"]').waitFor();
      }
      await page.getByTestId('quiz-next').click();
    }
    expect(await score(page)).toBe('1/10');
    expect(await page.getByTestId('quiz-missed').count()).toBe(9);
    await page.close();
  });

  it('cloze: ten blanks, one answered right from the shown answer of a retake', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('quiz-cloze'), PASSWORD);
    const href = await startQuiz(page, 'cloze', 10);
    const expected: string[] = [];
    for (let i = 0; i < 10; i++) {
      await waitForQuestion(page, i);
      expect(await page.getByTestId('quiz-prompt').textContent()).toContain('____');
      await page.getByTestId('quiz-input').fill('zzz');
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByTestId('quiz-feedback').waitFor();
      expected.push((await page.getByTestId('quiz-expected').textContent()) ?? '');
      await page.getByTestId('quiz-next').click();
    }
    expect(await score(page)).toBe('0/10');

    // A retake asks the same blanks in the same order; answering them right scores 10/10.
    await page.goto(href);
    for (let i = 0; i < 10; i++) {
      await waitForQuestion(page, i);
      await page.getByTestId('quiz-input').fill(expected[i].toLowerCase());
      await page.getByRole('button', { name: 'Check' }).click();
      await page.getByTestId('quiz-feedback').waitFor();
      await page.getByTestId('quiz-next').click();
    }
    expect(await score(page)).toBe('10/10');
    await page.close();
  });

  it('starts a quiz on one topic from its topic page', async () => {
    const page = await browser.newPage();
    await signUp(page, uniqueEmail('quiz-topic'), PASSWORD);
    await page.goto(url('/topics'));
    await page.locator('a[data-cards]:not([data-cards="0"])').first().click();
    await page.getByTestId('concept-body').waitFor();
    const conceptId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('link', { name: 'Quiz this topic' }).click();
    await page.waitForURL(/\/quiz\?concept=/);
    expect(await page.locator(`input[name="topics"][value="${conceptId}"]`).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.waitForURL(new RegExp(`topics=${conceptId}&`));
    await page.getByTestId('quiz-question').or(page.getByTestId('quiz-empty')).first().waitFor();
    await page.close();
  });
});
