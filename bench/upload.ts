/**
 * Upload benchmark: `npm run bench:upload [-- --notes DIR]` (default ../shared/notes).
 *
 * Zips the folder in memory the way a browser upload of a .zip arrives, then runs the web path
 * into a fresh temporary SQLite database for a fresh user: unpack and check (lib/notes/
 * unpack-upload), then import (lib/notes/import-notes: parse in a worker thread, write), twice
 * (the second upload is unchanged). Prints the wall time of each stage (unpacking runs on the
 * event loop); the longest the event loop was held during the import (what another request to the
 * server would have waited: the longest gap between ticks of a 5 ms interval, less 5 ms); and the
 * longest gap between two progress events (the largest note's parse: the bar moves per note).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { zipSync } from 'fflate';
import { applyMigrations } from '../prisma/apply-migrations';

const root = path.resolve(import.meta.dirname, '..');
const ms = (n: number) => `${n.toFixed(0)} ms`;
const TICK_MS = 5;

async function main() {
  const { values } = parseArgs({ options: { notes: { type: 'string' } } });
  const notesDir = path.resolve(root, values.notes ?? '../shared/notes');
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-upload-'));
  const file = path.join(dir, 'bench.db');
  const db = new Database(file);
  applyMigrations(db);
  db.close();
  // Before lib/db is imported, so that nothing can touch the developer's database.
  process.env.DATABASE_URL = `file:${file}`;
  try {
    await benchmark(notesDir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchmark(notesDir: string) {
  const { prisma } = await import('../lib/db/client');
  const { collectNotes } = await import('../lib/notes/read-notes');
  const { unpackUpload } = await import('../lib/notes/unpack-upload');
  const { importNotes } = await import('../lib/notes/import-notes');
  const { formatBytes } = await import('../lib/notes/upload-limits');

  const notes = await collectNotes([notesDir]);
  const entries = Object.fromEntries(await Promise.all(notes.map(async (n) => [n.storedPath, new Uint8Array(await readFile(n.file))] as const)));
  const unpacked = Object.values(entries).reduce((sum, bytes) => sum + bytes.length, 0);
  const zip = zipSync(entries);
  console.log(`notes: ${notes.length} files, ${formatBytes(unpacked)} (${notesDir}); zip ${formatBytes(zip.length)}\n`);
  const user = await prisma.user.create({ data: { email: 'bench@example.com', passwordHash: 'x' } });

  for (const label of ['first upload', 'same upload again']) {
    const start = performance.now();
    const result = unpackUpload([{ name: 'notes.zip', bytes: zip }]);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const unpackMs = performance.now() - start;
    let tick = performance.now();
    let held = 0;
    const ticker = setInterval(() => {
      held = Math.max(held, performance.now() - tick - TICK_MS);
      tick = performance.now();
    }, TICK_MS);
    let last = performance.now();
    let longestGap = 0;
    let outcome = '';
    await importNotes(user.id, result.notes, result.folders, new Date(), (event) => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      if (event.type === 'failed') throw new Error(event.errors.join('\n'));
      if (event.type === 'done') {
        const count = (status: string) => event.notes.filter((n) => n.status === status).length;
        const cards = event.notes.reduce((sum, n) => sum + n.created + n.changed + n.unchanged, 0);
        outcome = `${count('new')} new, ${count('updated')} updated, ${count('unchanged')} unchanged notes; ${cards} cards`;
      }
    });
    clearInterval(ticker);
    console.log(`${label}: ${ms(performance.now() - start)} wall (unpack+check ${ms(unpackMs)})`);
    console.log(`  event loop held at most ${ms(held)} while importing; longest gap between progress events ${ms(longestGap)}`);
    console.log(`  ${outcome}`);
  }
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
