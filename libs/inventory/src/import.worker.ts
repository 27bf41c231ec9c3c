import { parentPort, workerData } from 'node:worker_threads';
import { generateNumbers } from './generate-numbers';
import type {
  WorkerControlMessage,
  WorkerImportJob,
  WorkerImportMessage,
  WorkerImportSource,
} from './import-in-worker';
import { importNumbers, type ImportSource } from './import-numbers';
import { readNumberLines } from './number-lines';

// Entry of the thread started by importNumbersInWorker: runs one import and reports back.

function sourceOf(source: WorkerImportSource): ImportSource {
  return source.kind === 'file' ? readNumberLines(source.path) : generateNumbers(source.options);
}

function post(message: WorkerImportMessage): void {
  parentPort?.postMessage(message);
}

async function run(job: WorkerImportJob): Promise<void> {
  const controller = new AbortController();
  const onControl = (message: WorkerControlMessage): void => {
    if (message.type === 'abort') controller.abort(new Error(message.reason));
  };
  parentPort?.on('message', onControl);
  try {
    const summary = await importNumbers(job.databaseUrl, sourceOf(job.source), {
      ...job.options,
      signal: controller.signal,
      onProgress: (progress) => post({ type: 'progress', progress }),
      onLockWait: () => post({ type: 'lock-wait' }),
    });
    post({ type: 'done', summary });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    // A listening port keeps the thread alive; the worker ends with its import.
    parentPort?.off('message', onControl);
  }
}

void run(workerData as WorkerImportJob);
