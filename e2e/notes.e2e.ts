import { strToU8, zipSync } from 'fflate';
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

/**
 * A long generated note (about half a second of parsing each), so that the upload's progress
 * arrives in several steps the page can show.
 */
function longNote(title: string, sections: number): string {
  const lines = [`# ${title}`, ''];
  for (let i = 1; i <= sections; i++) {
    lines.push(
      `## ${title} part ${i}`, '',
      `A ${title.toLowerCase()} shard ${i} is a horizontal partition of the data held by one node.`, '',
      `- Replica ${i} copies the shard to another zone.`, `- Leader ${i} accepts writes for the shard.`, '',
      `What is the quorum of ${title.toLowerCase()} part ${i}? :: A majority of the ${i + 2} replicas.`, '',
    );
  }
  return lines.join('\n');
}

const CACHING = [
  '# Write-behind caching',
  '',
  'What is a write-behind cache? :: A cache that acknowledges writes and persists them later.',
  'What risks data loss in write-behind? :: A crash before the queued writes reach the store.',
].join('\n');

const file = (name: string, content: string | Uint8Array) => ({
  name,
  mimeType: name.endsWith('.zip') ? 'application/zip' : 'text/markdown',
  buffer: Buffer.from(typeof content === 'string' ? strToU8(content) : content),
});

/** A signed-up learner on a fresh page. */
async function learner(prefix: string): Promise<Page> {
  const page = await browser.newPage();
  await signUp(page, uniqueEmail(prefix), PASSWORD);
  return page;
}

/**
 * Records every state the upload progress bar shows ("phase done/total"), from before the submit,
 * so that the test sees the steps however quickly they pass.
 */
async function recordProgress(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    const note = () => {
      const bar = document.querySelector('[data-testid="upload-progress"]');
      if (!bar) return;
      const state = `${bar.getAttribute('data-phase')} ${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`;
      if (seen.at(-1) !== state) seen.push(state);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
}

async function addNotes(page: Page, files: ReturnType<typeof file>[]): Promise<void> {
  await page.goto(url('/notes/add'));
  await page.getByLabel('Note files or a .zip of a folder').setInputFiles(files);
  await page.getByRole('button', { name: 'Add notes' }).click();
}

/** The summary's rows: note, what happened, and the card counts. */
const summaryRows = (page: Page) =>
  page.$$eval('[data-testid="note-report"]', (rows) =>
    rows.map((row) => [
      row.getAttribute('data-file'),
      row.getAttribute('data-status'),
      ...['created', 'changed', 'unchanged', 'retired'].map((k) => Number(row.querySelector(`[data-count="${k}"]`)?.textContent)),
    ]),
  );

describe('adding notes in the browser', () => {
  it('uploads two files and a zip with a progress bar, shows the summary, and the topics are the uploader\'s alone', async () => {
    const page = await learner('uploader');
    await page.getByRole('link', { name: 'Add notes' }).first().click();
    await page.getByRole('heading', { name: 'Add notes' }).waitFor();

    const zip = zipSync({
      'design/': new Uint8Array(),
      'design/sharding.md': strToU8(longNote('Sharding', 150)),
      'design/queues.txt': strToU8('Queues\n\nWhat is back pressure? :: Slowing producers when consumers fall behind.\n'),
      'design/.DS_Store': strToU8('junk'),
    });
    await page.getByLabel('Note files or a .zip of a folder').setInputFiles([
      file('replication.md', longNote('Replication', 150)),
      file('write-behind.md', CACHING),
      file('design.zip', zip),
    ]);
    const progress = await recordProgress(page);
    await page.getByRole('button', { name: 'Add notes' }).click();
    await page.getByTestId('import-summary').waitFor({ timeout: 45_000 });

    // The bar went through the upload, then through reading and writing the notes step by step.
    const seen = await progress();
    const reading = seen.filter((s) => s.startsWith('reading '));
    expect(seen[0]).toMatch(/^uploading /);
    expect(reading.at(-1)).toBe('reading 8/8');
    expect(reading.length).toBeGreaterThan(2);
    expect(await page.getByTestId('upload-progress-label').textContent()).toBe('Done: 8 of 8 steps');

    expect(await summaryRows(page)).toEqual([
      ['replication.md', 'new', expect.any(Number), 0, 0, 0],
      ['write-behind.md', 'new', 2, 0, 0, 0],
      ['design/sharding.md', 'new', expect.any(Number), 0, 0, 0],
      ['design/queues.txt', 'new', 1, 0, 0, 0],
    ]);
    expect(await page.getByTestId('import-summary').getByRole('status').textContent()).toBe('4 new, 0 updated, 0 unchanged notes');
    // A passage the extractor could not ask is a warning naming file and line.
    const warnings = page.getByTestId('note-warnings');
    if ((await warnings.count()) > 0) {
      await warnings.first().locator('summary').click();
      expect(await warnings.first().locator('li').first().textContent()).toMatch(/^[\w/.-]+:\d+: /);
    }

    // The note's link opens its first topic.
    await page.getByRole('link', { name: 'write-behind.md' }).click();
    await page.getByRole('heading', { level: 1, name: 'Write-behind caching' }).waitFor();
    await page.goto(url('/topics'));
    await page.getByText('Write-behind caching', { exact: true }).first().waitFor();
    expect(await page.getByText('Replication part 1', { exact: true }).count()).toBe(1);
    const topicUrl = url((await page.locator('a[data-cards]', { hasText: 'Write-behind caching' }).first().getAttribute('href'))!);

    // Another learner sees none of it: not in topics, not in their notes, not by address.
    const other = await learner('bystander');
    await other.goto(url('/topics'));
    expect(await other.getByText('Write-behind caching').count()).toBe(0);
    expect(await other.getByText('Replication part 1', { exact: true }).count()).toBe(0);
    await other.goto(url('/notes'));
    expect(await other.getByTestId('my-note').count()).toBe(0);
    const response = await other.goto(topicUrl);
    expect(response?.status()).toBe(404);
    await other.close();
    await page.close();
  });

  it('refuses a bad upload with the file and entry named, writing nothing of it', async () => {
    const page = await learner('refused');
    const zip = zipSync({ 'notes/ok.md': strToU8('# Fine\n\nA :: B'), 'notes/../escape.md': strToU8('# Out') });
    await addNotes(page, [file('good.md', CACHING), file('bad.zip', zip), file('binary.md', 'line one\nline two\u0000\u0001')]);
    const errors = page.getByTestId('upload-errors');
    await errors.waitFor();
    expect(await errors.locator('li').allTextContents()).toEqual([
      'bad.zip: notes/../escape.md: leaves the folder ("..")',
      'binary.md:2: not a text note (it contains NUL bytes)',
    ]);

    // Too big for the page: refused before anything is sent.
    await addNotes(page, [file('huge.md', 'x'.repeat(5 * 1024 * 1024 + 1))]);
    expect(await page.getByTestId('upload-errors').locator('li').allTextContents()).toEqual(['huge.md: larger than the 5 MB a note may have']);

    await page.goto(url('/notes'));
    expect(await page.getByTestId('my-note').count()).toBe(0);
    await page.close();
  });

  it('re-uploading a note keeps a reviewed card\'s history; a note can be renamed and deleted', async () => {
    const page = await learner('reviser');
    await addNotes(page, [file('write-behind.md', CACHING)]);
    await page.getByTestId('import-summary').waitFor();
    const topicHref = (await page.getByRole('link', { name: 'write-behind.md' }).getAttribute('href'))!;

    // Review the note's first card: Good.
    await page.goto(url(`/review?concept=${topicHref.split('/').pop()}`));
    await page.getByTestId('review-card').waitFor();
    expect(await page.getByTestId('question').textContent()).toBe('What is a write-behind cache?');
    await page.keyboard.press('Space');
    await page.getByTestId('answer').waitFor();
    await page.keyboard.press('3');
    await page.waitForFunction(() => document.querySelector('[data-testid="question"]')?.textContent !== 'What is a write-behind cache?');

    // Edit that card's answer and upload the note again: the card changes, its schedule stays.
    const edited = CACHING.replace('persists them later.', 'persists them to the store later, in batches.');
    await addNotes(page, [file('write-behind.md', edited)]);
    await page.getByTestId('import-summary').waitFor();
    expect(await summaryRows(page)).toEqual([['write-behind.md', 'updated', 0, 1, 1, 0]]);
    await page.goto(url(topicHref));
    const reviewed = page.getByTestId('concept-card').filter({ hasText: 'What is a write-behind cache?' });
    expect(await reviewed.textContent()).toContain('persists them to the store later, in batches.');
    expect(await reviewed.textContent()).toMatch(/next review /);
    expect(await page.getByTestId('concept-card').filter({ hasText: 'What risks data loss' }).textContent()).toContain('not studied yet');

    // Rename it on My notes.
    await page.goto(url('/notes'));
    const row = page.getByTestId('my-note');
    expect(await row.getAttribute('data-path')).toBe('write-behind.md');
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for write-behind.md').fill('caching/write-behind.md');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.locator('[data-testid="my-note"][data-path="caching/write-behind.md"]').waitFor();

    // Delete it: gone from My notes and from the topics; its cards leave the reviews.
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByTestId('my-note').getByRole('button', { name: 'Delete' }).click();
    await page.getByText('You have not added notes yet.').waitFor();
    await page.goto(url('/topics'));
    expect(await page.getByText('Write-behind caching').count()).toBe(0);
    expect((await page.goto(url(topicHref)))?.status()).toBe(404);
    await page.close();
  });
});
