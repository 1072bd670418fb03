import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { freePort } from '../scripts/free-port';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
const distDir = '.next-e2e';

async function waitForServer(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Builds the app into its own folder, prepares a fresh database with the starter deck and the
 * e2e fixtures (a note full of attacks), and serves it on a free port for the browser tests.
 * Everything is torn down afterwards.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), 'recall-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: `file:${path.join(dir, 'e2e.db')}`,
    NEXTAUTH_URL: baseURL,
    NEXTAUTH_SECRET: 'e2e-secret-not-for-production',
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  run('npx', ['prisma', 'migrate', 'deploy']);
  run('npx', ['tsx', 'scripts/ingest.ts', 'content', 'e2e/fixtures']);
  if (!process.env.E2E_SKIP_BUILD) run('npx', ['next', 'build']);

  const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  await waitForServer(`${baseURL}/signin`, server, 60_000);
  project.provide('baseURL', baseURL);
  project.provide('databaseUrl', env.DATABASE_URL);

  return () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
}
