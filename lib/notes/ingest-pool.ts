import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { NoteInput } from '../ingest/types';
import { crashed, runIngest, type NoteOutcome, type PoolReply, type PoolTask } from './run-ingest';

export type { NoteOutcome };

export interface PoolOptions {
  /**
   * Threads at most, the main thread included when it takes part; default: the machine's
   * available parallelism.
   */
  workers?: number;
  /**
   * Time limit per note. A worker that runs past it is terminated and the note fails with
   * `crashed: 'timeout'`. Enforcing it needs a worker, so with a limit even one note runs in one.
   */
  timeoutMs?: number;
  /**
   * Whether the main thread ingests notes too (default true). Ignored with a time limit. When
   * false, `workers` threads pull from one queue and the main thread only waits.
   */
  mainThread?: boolean;
  /** Called as each note finishes, in completion order. */
  onNoteDone?: (input: NoteInput, outcome: NoteOutcome, elapsedMs: number) => void;
}

/**
 * The worker is TypeScript. Node 20 does not apply loader hooks given as `--import` in a worker's
 * execArgv to the worker's own entry, so the worker starts as a small eval'd script that registers
 * tsx's ESM hooks (tsx/esm/api `register`) and then imports the .ts entry. The API is located via
 * tsx's package.json "exports" (its "import" condition), so this works under `tsx`, under vitest,
 * in the Next server (the web upload) and from any working directory. Computed on first use: runs
 * that never start a worker do not need it.
 */
let workerBoot: string | undefined;
function bootScript(): string {
  if (workerBoot) return workerBoot;
  // Under tsx and vitest this module is its own file. Bundled into the Next server it may not be;
  // the sources are then found from the project root, where `next start` runs. (turbopackIgnore:
  // these paths are read at run time, not files for Next to trace into its build.)
  const here = fileURLToPath(import.meta.url);
  const dir = path.basename(here) === 'ingest-pool.ts' ? path.dirname(here) : path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib', 'notes');
  const worker = pathToFileURL(path.join(/*turbopackIgnore: true*/ dir, 'ingest-worker.ts')).href;
  const require = createRequire(path.join(/*turbopackIgnore: true*/ dir, 'ingest-pool.ts'));
  const manifest = require.resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const entry = pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  const api = pathToFileURL(path.join(/*turbopackIgnore: true*/ path.dirname(manifest), entry)).href;
  workerBoot = `import(${JSON.stringify(api)})
  .then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`;
  return workerBoot;
}

/**
 * What a worker costs, expressed in characters of note the main thread ingests in the same time
 * (~0.75 µs per character). Measured on the 2-core machine (bench/ingest.ts): start-up (tsx and
 * the extractor loaded in a fresh isolate, cold JIT) plus the slowdown of two allocation-heavy
 * threads sharing memory bandwidth and GC helpers (two ingest processes each ran 1.7× slower
 * than one alone) came to about a second, so a corpus under ~1.5 MB runs faster in-process.
 */
const WORKER_START_CHARS = 1_500_000;

/**
 * Ingests notes in parallel (markdown parsing is CPU-bound and per file); outcomes come back in
 * input order.
 *
 * Without a time limit the main thread takes part: notes are assigned up front, largest first, to
 * whichever of the main thread and `workers - 1` worker threads has the least work (a worker
 * starts with WORKER_START_CHARS of handicap). On two cores this beat two workers in
 * bench/ingest.ts (the largest file starts at once instead of after a worker's start-up, and one
 * isolate fewer competes for memory bandwidth). With one note, one thread or a small corpus
 * everything runs in-process.
 *
 * With a time limit only workers run notes (a worker can be terminated, the main thread cannot),
 * pulling from one queue, largest first.
 */
export async function ingestNotes(inputs: NoteInput[], options: PoolOptions = {}): Promise<NoteOutcome[]> {
  if (inputs.length === 0) return [];
  const size = Math.max(1, Math.min(options.workers ?? availableParallelism(), inputs.length));
  const bySize = inputs.map((_, i) => i).sort((a, b) => inputs[b].text.length - inputs[a].text.length || a - b);
  if (options.timeoutMs !== undefined || (options.mainThread === false && inputs.length > 1)) {
    return new Pool(inputs, options, Array(size).fill(bySize)).run([]);
  }
  if (size === 1) return new Pool(inputs, options, []).run(bySize);

  const loads = [0, ...Array<number>(size - 1).fill(WORKER_START_CHARS)];
  const bins: number[][] = loads.map(() => []);
  for (const i of bySize) {
    const least = loads.indexOf(Math.min(...loads));
    bins[least].push(i);
    loads[least] += inputs[i].text.length;
  }
  const [own, ...queues] = bins;
  return new Pool(inputs, options, queues.filter((q) => q.length > 0)).run(own);
}

/**
 * Worker threads, one per queue. Queues may be shared (one array for all: dynamic balancing) or
 * per worker (static assignment). A worker that dies or runs past the time limit fails its
 * current note, and a fresh worker takes over its queue.
 */
class Pool {
  private readonly outcomes: NoteOutcome[];
  private remaining: number;
  private readonly workers = new Set<Worker>();
  private resolve!: (outcomes: NoteOutcome[]) => void;

  constructor(
    private readonly inputs: NoteInput[],
    private readonly options: PoolOptions,
    private readonly queues: number[][],
  ) {
    this.outcomes = new Array<NoteOutcome>(inputs.length);
    this.remaining = inputs.length;
    // A shared queue is consumed by every worker: copy it once, keep the sharing.
    const copies = new Map<number[], number[]>();
    this.queues = queues.map((q) => copies.get(q) ?? copies.set(q, [...q]).get(q)!);
  }

  /** Starts the workers, then ingests `own` on the main thread, yielding between notes. */
  async run(own: number[]): Promise<NoteOutcome[]> {
    const done = new Promise<NoteOutcome[]>((resolve) => (this.resolve = resolve));
    for (const queue of this.queues) this.startWorker(queue);
    for (const id of own) {
      const reply = runIngest({ id, input: this.inputs[id] });
      this.finish(id, reply.outcome, reply.elapsedMs);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return done;
  }

  /**
   * Without a time limit a worker gets its whole queue at once, so it never waits for the main
   * thread (busy with its own notes) to hand it the next one. With a limit it gets one note at a
   * time, timed.
   */
  private startWorker(queue: number[]): void {
    if (queue.length === 0) return;
    const worker = new Worker(bootScript(), { eval: true });
    this.workers.add(worker);
    const timed = this.options.timeoutMs !== undefined;
    const inFlight = new Map<number, { started: number; timer?: NodeJS.Timeout }>();

    const send = () => {
      while (queue.length > 0 && (!timed || inFlight.size === 0)) {
        const id = queue.shift()!;
        const task: { started: number; timer?: NodeJS.Timeout } = { started: performance.now() };
        if (timed) task.timer = setTimeout(() => fail('timeout', `gave up after ${this.options.timeoutMs} ms`), this.options.timeoutMs);
        inFlight.set(id, task);
        worker.postMessage({ id, input: this.inputs[id] } satisfies PoolTask);
      }
      if (inFlight.size === 0) this.retire(worker);
    };
    // The worker died or hung: its notes in flight fail, and a fresh worker takes over the queue.
    const fail = (how: 'threw' | 'timeout', message: string) => {
      worker.removeAllListeners();
      this.retire(worker);
      for (const [id, task] of inFlight) {
        clearTimeout(task.timer);
        this.finish(id, crashed(this.inputs[id], how, message), performance.now() - task.started);
      }
      inFlight.clear();
      this.startWorker(queue);
    };

    worker.on('message', (reply: PoolReply) => {
      const task = inFlight.get(reply.id);
      if (!task) return;
      clearTimeout(task.timer);
      inFlight.delete(reply.id);
      this.finish(reply.id, reply.outcome, reply.elapsedMs);
      send();
    });
    worker.on('error', (error) => fail('threw', `worker failed: ${error.message}`));
    worker.on('exit', (code) => {
      if (inFlight.size > 0) fail('threw', `worker exited with code ${code}`);
    });
    send();
  }

  private finish(id: number, outcome: NoteOutcome, elapsedMs: number): void {
    this.outcomes[id] = outcome;
    this.options.onNoteDone?.(this.inputs[id], outcome, elapsedMs);
    if (--this.remaining === 0) {
      for (const worker of this.workers) this.retire(worker);
      this.resolve(this.outcomes);
    }
  }

  private retire(worker: Worker): void {
    if (!this.workers.delete(worker)) return;
    void worker.terminate();
  }
}
