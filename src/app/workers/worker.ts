/**
 * One synth worker process: builds, checks and writes its share of the environments in batches, with its
 * own engine App per batch, into the synth's staging folder, and reports to the coordinator.
 *
 *   (forked by coordinator.ts) worker <task file> <worker number>
 */
import { join } from 'path';
import { readTask, shareOf, WorkerMessage, WorkerResult } from './task';
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

const [taskFile, worker] = process.argv.slice(2);
const result = work(taskFile, Number(worker));
send({ result }, () => process.disconnect());
