/**
 * HTTP load benchmark: `npm run bench:http [-- --users 100 --seconds 60 --think-ms 3000 --notes ../shared/notes --no-build]`.
 *
 * Builds the app into .next-bench (skipped by --no-build when a build is there), prepares its own
 * database in a temp folder (every migration, then content/ and the --notes folder ingested),
 * serves it with `next start` on a free loopback port and signs in --users accounts through
 * next-auth's credentials endpoint. Each user then reviews as the browser does: load /review, and
 * for every card think for --think-ms on average (default 3000; 0 = flat out, a saturation test),
 * post the answer as JSON to /api/review/answer, whose reply carries the next card as data (the
 * page is not rendered again), as the review screen does. Before that, one user's requests of each kind in sequence give the
 * server's CPU time per request: where the time goes.
 *
 * Two phases of --seconds each: quiet, then while `npm run ingest -- --force <notes>` re-ingests
 * the notes in a separate process, again and again until the phase ends. Per phase it prints
 * answers/s, p50/p95/p99 of page loads and of answers (each carrying the next card), and errors (any
 * non-2xx, transport failure, or answer that did not come back ok).
 * Goal: answer p95 <= 100 ms and 0 errors, in both phases.
 *
 * Traffic goes only to 127.0.0.1; every loop is bounded by the phase's end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { freePort } from '../scripts/free-port';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import bcrypt from 'bcryptjs';
import Database from 'better-sqlite3';

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '60' },
    notes: { type: 'string', default: '../shared/notes' },
    'no-build': { type: 'boolean', default: false },
    'quiet-only': { type: 'boolean', default: false },
    'think-ms': { type: 'string', default: '3000' },
  },
});
const USERS = Number(values.users);
const PHASE_MS = Number(values.seconds) * 1000;
const root = path.resolve(import.meta.dirname, '..');
const NOTES = path.resolve(root, values.notes);
const DIST_DIR = '.next-bench';
const PASSWORD = 'bench password 1';
/** Mean time a learner looks at a card before grading it (uniform from half to 1.5 times); 0 = flat out. */
const THINK_MS = Number(values['think-ms']);
/** New cards per day of every bench user: a keen learner, with enough cards for both phases. */
const NEW_PER_DAY = 60;

interface PhaseStats {
  pages: number[];
  answers: number[];
  errors: Map<string, number>;
}

function fail(stats: PhaseStats, what: string): void {
  stats.errors.set(what, (stats.errors.get(what) ?? 0) + 1);
}

/** CPU time (ms) used so far by every process in process group `pgid` (the server: npx, next, next-server). */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(label: string, samples: number[]): string {
  const s = [...samples].sort((a, b) => a - b);
  const f = (n: number) => (Number.isNaN(n) ? '-' : `${n.toFixed(0)} ms`);
  return `${label.padEnd(22)} n=${String(s.length).padStart(6)}  p50 ${f(percentile(s, 50)).padStart(8)}  p95 ${f(percentile(s, 95)).padStart(8)}  p99 ${f(percentile(s, 99)).padStart(8)}`;
}

/** Cookies of one browser: name -> value, updated from Set-Cookie. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function signIn(base: string, email: string): Promise<Jar> {
  const jar = new Jar();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: 'true' }),
    redirect: 'manual',
  });
  jar.take(response);
  if (![...jar.cookies.keys()].some((k) => k.endsWith('next-auth.session-token'))) {
    throw new Error(`sign-in of ${email} failed: HTTP ${response.status} ${await response.text()}`);
  }
  return jar;
}

/** The card the review page shows, from its flight data (HTML-embedded or an RSC payload). */
function cardOf(body: string): { cardId: string; version: number } | null {
  const text = body.replace(/\\"/g, '"');
  const id = /"cardId":"([^"]+)"/.exec(text);
  const version = /"queue":"\w+","version":(\d+)/.exec(text);
  return id && version ? { cardId: id[1]!, version: Number(version[1]) } : null;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** The answer, posted as the review screen posts it (components/review/post-move.ts). */
async function postAnswer(base: string, jar: Jar, card: { cardId: string; version: number }, grade: number) {
  const res = await fetch(`${base}/api/review/answer`, {
    method: 'POST',
    headers: { cookie: jar.header(), 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ cardId: card.cardId, grade, answerId: randomUUID(), version: card.version, timeTakenMs: 3000, study: { extra: 0, ahead: 0 } }),
  });
  return { status: res.status, text: await res.text() };
}

/**
 * Where the server's time goes, free of other processes' noise: one user's requests of each
 * kind in sequence, and the server's CPU time per request (its whole process group).
 */
async function profileRequests(base: string, jar: Jar, pgid: number): Promise<void> {
  const text = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${base}${path}`, { headers })).text();
  const session = () => ({ cookie: jar.header() });
  // Each kind: an untimed preparation, then the timed request (returns the response body).
  const kinds: [string, () => Promise<unknown>, (prepared: unknown) => Promise<string>][] = [
    ['GET /signin (no session, no data)', async () => null, () => text('/signin')],
    ['GET /api/auth/session', async () => null, () => text('/api/auth/session', session())],
    ['GET /review (HTML)', async () => null, () => text('/review', session())],
    ['GET /review (RSC refresh)', async () => null, () => text(rscPath, { ...session(), rsc: '1' })],
    ['POST /api/review/answer', async () => cardOf(await text(rscPath, { ...session(), rsc: '1' })),
      async (card) => (await postAnswer(base, jar, card as { cardId: string; version: number }, 4)).text],
  ];
  console.log('\n## server CPU per request (one user, in sequence; Next, React, auth and SQLite together)');
  for (const [label, prepare, request] of kinds) {
    const n = 15;
    let cpu = 0;
    let wall = 0;
    let bytes = 0;
    for (let i = -2; i < n; i++) {
      const prepared = await prepare();
      const before = groupCpuMs(pgid);
      const t0 = performance.now();
      const body = await request(prepared);
      if (i < 0) continue; // warm-up
      wall += performance.now() - t0;
      cpu += groupCpuMs(pgid) - before;
      bytes += body.length;
    }
    console.log(`${label.padEnd(36)} CPU ${(cpu / n).toFixed(1).padStart(6)} ms   wall ${(wall / n).toFixed(0).padStart(5)} ms   ${Math.round(bytes / n)} bytes`);
  }
}

/** One learner reviewing until `end`: answers mostly Good, a few Again and Easy. */
/** What the client router requests for a refresh of /review (Next redirects a bare RSC request to it). */
let rscPath = '/review';
async function learnRscPath(base: string, jar: Jar): Promise<void> {
  const r = await fetch(`${base}/review`, { headers: { cookie: jar.header(), rsc: '1' }, redirect: 'manual' });
  await r.text();
  if (r.status === 307 && r.headers.get('location')) rscPath = r.headers.get('location')!;
}

async function reviewer(base: string, jar: Jar, end: number, stats: PhaseStats, seed: number): Promise<void> {
  let rng = seed;
  const random = () => ((rng = (rng * 1103515245 + 12345) % 2147483648) / 2147483648);
  const load = async () => {
    const { ms, value } = await timed(async () => {
      const r = await fetch(`${base}/review`, { headers: { cookie: jar.header() }, redirect: 'manual' });
      return { status: r.status, body: await r.text() };
    });
    if (value.status !== 200) {
      fail(stats, `page HTTP ${value.status}`);
      return null;
    }
    stats.pages.push(ms);
    return cardOf(value.body);
  };

  let card = await load();
  let answered = 0;
  while (Date.now() < end) {
    if (!card) {
      // The answer's page held no card (the day is done, or the answer failed): load the page.
      fail(stats, 'no card shown');
      await new Promise((r) => setTimeout(r, 200));
      card = await load();
      continue;
    }
    if (THINK_MS > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(THINK_MS * (0.5 + random()), end - Date.now())));
    if (Date.now() >= end) break;
    const r = random();
    const grade = r < 0.1 ? 1 : r < 0.9 ? 4 : 5;
    let next: { cardId: string; version: number } | null = null;
    try {
      const { ms, value } = await timed(() => postAnswer(base, jar, card!, grade));
      if (value.status !== 200) fail(stats, `answer HTTP ${value.status}`);
      else if (!/"ok":true/.test(value.text)) fail(stats, `answer not ok: ${/"error":"([^"]*)"/.exec(value.text)?.[1] ?? value.text.slice(0, 80)}`);
      else {
        stats.answers.push(ms);
        next = cardOf(value.text);
      }
    } catch (error) {
      fail(stats, `answer ${(error as Error).message}`);
    }
    answered += 1;
    // The answer's own response brings the next card; every 20th card is a full page load instead.
    card = next && answered % 20 !== 0 ? next : await load().catch((error) => {
      fail(stats, `page ${(error as Error).message}`);
      return null;
    });
  }
}

let serverGroup = 0;

async function phase(name: string, base: string, jars: Jar[], background?: () => ChildProcess): Promise<void> {
  const stats: PhaseStats = { pages: [], answers: [], errors: new Map() };
  const started = Date.now();
  const end = started + PHASE_MS;
  let ingests = 0;
  const ingestTimes: number[] = [];
  let child: ChildProcess | null = null;
  let stopped = false;
  const startIngest = () => {
    if (!background || stopped || Date.now() >= end) return;
    const t0 = Date.now();
    child = background();
    child.on('exit', (code) => {
      if (stopped) return;
      ingests += 1;
      ingestTimes.push(Date.now() - t0);
      if (code !== 0) fail(stats, `ingest exited with ${code}`);
      startIngest();
    });
  };
  startIngest();
  const cpuBefore = groupCpuMs(serverGroup);
  const loadBefore = loadavg()[0]!;
  await Promise.all(jars.map((jar, i) => reviewer(base, jar, end, stats, i + 1)));
  stopped = true;
  const running = child as ChildProcess | null;
  if (running && running.exitCode === null && running.pid) process.kill(-running.pid, 'SIGTERM');
  const seconds = (Date.now() - started) / 1000;
  const serverCpu = groupCpuMs(serverGroup) - cpuBefore;

  console.log(`\n## ${name}`);
  console.log(`answers/s              ${(stats.answers.length / seconds).toFixed(1)}  (${stats.answers.length} answers by ${jars.length} users in ${seconds.toFixed(0)} s)`);
  console.log(summary('answer', stats.answers));
  console.log(`server CPU             ${(serverCpu / 1000 / seconds * 100).toFixed(0)}% of one core, ${(serverCpu / Math.max(1, stats.answers.length)).toFixed(1)} ms per answer with the next card; load average ${loadBefore.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
  console.log(summary('page load', stats.pages));
  const errors = [...stats.errors.values()].reduce((a, b) => a + b, 0);
  console.log(`errors                 ${errors}${errors ? `: ${[...stats.errors].map(([k, v]) => `${v}× ${k}`).join('; ')}` : ''}`);
  if (background) console.log(`ingests                ${ingests} finished (${ingestTimes.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ') || 'none'}), one still running at the end: ${running !== null && running.exitCode === null}`);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-bench-http-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: 'bench-secret-not-for-production',
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // Output (the ingest's per-card warnings, the build log) is shown only when a step fails.
  const run = (cmd: string, args: string[]) => {
    try {
      execFileSync(cmd, args, { cwd: root, env, stdio: 'pipe', maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
      console.error(`${cmd} ${args.join(' ')} failed:\n${stdout?.toString().slice(-4000)}\n${stderr?.toString().slice(-4000)}`);
      throw error;
    }
  };
  let server: ChildProcess | null = null;
  try {
    console.log(`database ${env.DATABASE_URL}; notes ${NOTES}`);
    run('npx', ['prisma', 'migrate', 'deploy']);
    const notes = existsSync(NOTES) ? [NOTES] : [];
    if (notes.length === 0) console.log(`(${NOTES} does not exist: only content/ is ingested, and the ingest phase re-ingests content/)`);
    run('npx', ['tsx', 'scripts/ingest.ts', 'content', ...notes]);
    if (!values['no-build'] || !existsSync(path.join(root, DIST_DIR, 'BUILD_ID'))) {
      console.log('building into .next-bench ...');
      run('npx', ['next', 'build']);
    }

    const db = new Database(path.join(dir, 'bench.db'));
    const hash = bcrypt.hashSync(PASSWORD, 11);
    const insert = db.prepare(`INSERT INTO "User" ("id", "email", "passwordHash", "newPerDay", "reviewsPerDay") VALUES (?, ?, ?, ${NEW_PER_DAY}, 10000)`);
    for (let i = 0; i < USERS; i++) insert.run(`bench-user-${i}`, `bench${i}@example.com`, hash);
    const cards = (db.prepare(`SELECT COUNT(*) AS n FROM "Card" WHERE "status" = 'active'`).get() as { n: number }).n;
    db.close();

    server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
      if (await fetch(`${base}/signin`).then((r) => r.ok, () => false)) break;
      if (i > 240) throw new Error('the server did not start within 60 s');
      await new Promise((r) => setTimeout(r, 250));
    }
    serverGroup = server.pid!;
    const signInStarted = Date.now();
    const jars: Jar[] = [];
    for (let i = 0; i < USERS; i += 10) {
      jars.push(...(await Promise.all(Array.from({ length: Math.min(10, USERS - i) }, (_, k) => signIn(base, `bench${i + k}@example.com`)))));
    }
    await learnRscPath(base, jars[0]!);
    await profileRequests(base, jars[0]!, serverGroup);
    console.log(`\n${cards} active cards; ${USERS} users signed in in ${((Date.now() - signInStarted) / 1000).toFixed(1)} s; ${PHASE_MS / 1000} s per phase; each user thinks ${THINK_MS ? `${THINK_MS / 2}-${THINK_MS * 1.5} ms` : 'not at all'} before grading`);

    await phase('quiet', base, jars);
    if (!values['quiet-only']) {
      const ingestArgs = ['tsx', 'scripts/ingest.ts', '--force', notes[0] ?? 'content'];
      await phase(`while re-ingesting ${notes[0] ? path.relative(root, notes[0]) : 'content'} (--force)`, base, jars,
        () => spawn('npx', ingestArgs, { cwd: root, env, stdio: 'ignore', detached: true }));
    }
  } finally {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
