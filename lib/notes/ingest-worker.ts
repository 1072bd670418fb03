import { parentPort } from 'node:worker_threads';
import { runIngest, type PoolTask } from './run-ingest';

/** Worker side of lib/notes/ingest-pool: ingests the notes it is sent, one message each. */
parentPort?.on('message', (task: PoolTask) => {
  parentPort!.postMessage(runIngest(task));
});
