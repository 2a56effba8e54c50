/**
 * Runs the workers of one synth and collects what they write: started by the app (`synth-stacks.ts`)
 * with a task file, it forks one worker process per share of the environments, shows the progress line,
 * and writes the result file the app reads. Loads no engine: it only waits.
 *
 *   node scripts/run.js src/app/workers/coordinator.ts <task file>
 */
import { ChildProcess, fork } from 'child_process';
import { writeFileSync } from 'fs';
import { entryCommand, readTask, resultFileOf, RUN_SCRIPT, shareOf, WorkerMessage, WorkerResult } from './task';
import { ProgressLine } from '../progress';

async function coordinate(taskFile: string): Promise<WorkerResult> {
  const task = readTask(taskFile);
  const progress = new ProgressLine(task.indices.length, { setting: task.progress, stdoutIsTerminal: task.stdoutIsTerminal });
  const worker = await workerFile();
  const runs = Array.from({ length: task.workers }, (_, i) => i)
    .filter((i) => shareOf(task, i).length > 0)
    .map((i) => runWorker(fork(worker, [taskFile, String(i)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }), progress));
  const results = await Promise.all(runs.map((run) => run.result.finally(() => run.failed && stopAll())));
  progress.finish();
  return {
    stacks: results.flatMap((r) => r.stacks),
    problems: results.flatMap((r) => r.problems),
    failure: results.find((r) => r.failure)?.failure,
  };

  /** A crashed worker ends the synth: the others are stopped rather than left to finish for nothing. */
  function stopAll(): void {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill();
  }
}

interface WorkerRun {
  readonly child: ChildProcess;
  readonly result: Promise<WorkerResult>;
  /** Set when the worker ended without a result or with a failure. */
  failed: boolean;
}

function runWorker(child: ChildProcess, progress: ProgressLine): WorkerRun {
  let reported: WorkerResult | undefined;
  child.on('message', (message: WorkerMessage) => {
    if ('written' in message) progress.add(message.written);
    else reported = message.result;
  });
  const run: WorkerRun = {
    child,
    failed: false,
    result: new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        const stopped = `a synth worker stopped (${signal ?? `exit code ${code}`})`;
        run.failed = !reported || code !== 0 || reported.failure !== undefined;
        resolve(reported && code === 0 ? reported : { stacks: [], problems: [], failure: reported?.failure ?? stopped });
      });
    }),
  };
  return run;
}

/** The worker's compiled file, compiled here once rather than by each worker at the same time. */
async function workerFile(): Promise<string> {
  const [file, source] = entryCommand('worker');
  if (file !== RUN_SCRIPT) return file;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compiledEntry } = require(RUN_SCRIPT) as { compiledEntry: (entry: string) => Promise<string> };
  return compiledEntry(source);
}

const [taskFile] = process.argv.slice(2);
coordinate(taskFile).then(
  (result) => writeFileSync(resultFileOf(taskFile), JSON.stringify(result)),
  (error: Error) => {
    writeFileSync(resultFileOf(taskFile), JSON.stringify({ stacks: [], problems: [], failure: error.stack ?? String(error) }));
  },
);
