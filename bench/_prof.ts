import { readFileSync, readdirSync } from 'node:fs';
import { ingestNote } from '/work/main/lib/ingest/ingest-note';
const dir = '/work/shared/notes';
const files = readdirSync(dir).filter((f) => /\.(md|txt)$/.test(f)).map((f) => ({ path: f, text: readFileSync(`${dir}/${f}`, 'utf8') }));
for (let round = 0; round < 1; round++) {
  const c0 = process.cpuUsage();
  for (const f of files) ingestNote(f as any);
  const c = process.cpuUsage(c0);
  console.log(`round ${round}: cpu ${(c.user + c.system) / 1000 | 0} ms`);
}
