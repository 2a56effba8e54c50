/**
 * One synth worker process: builds, checks and writes its share of the environments in batches, with its
 * own engine App per batch, into the synth's staging folder, and reports to the coordinator. It may be
 * started before the app has read the configuration: it loads the engine, then waits for its task.
 *
 *   (forked by coordinator.ts) worker      then the message { taskFile, worker }
 */
import { join } from 'path';
import { readTask, shareOf, WorkerAssignment, WorkerMessage, WorkerResult } from './task';
import { ValidationError } from '../../core/problem';
import { resolveEnvironments } from '../environments';
import { synthesizeInBatches } from '../synth-stacks';

function work(taskFile: string, worker: number): WorkerResult {
  const task = readTask(taskFile);
  const share = new Set(shareOf(task, worker));
  const environments = resolveEnvironments(task.config).filter((env) => share.has(env.index));
  try {
    const stacks = synthesizeInBatches(task.staging, join(task.staging, `.worker-${worker}`), task.config, environments, {
      batchSize: task.batchSize,
      offline: task.offline,
      configDir: task.configDir,
      onWritten: (written) => send({ written }),
    });
    return { stacks, problems: [] };
  } catch (error) {
    if (error instanceof ValidationError) return { stacks: [], problems: error.problems };
    return { stacks: [], problems: [], failure: (error as Error).stack ?? String(error) };
  }
}

function send(message: WorkerMessage, then?: () => void): void {
  process.send!(message, undefined, {}, then);
}

process.once('message', ({ taskFile, worker }: WorkerAssignment) => {
  const result = work(taskFile, worker);
  send({ result }, () => process.disconnect());
});
// Started for a synth that then did not need it (or that failed): nothing to do.
process.once('disconnect', () => process.exit(0));
