/**
 * Runs the worker processes of one synth, in a thread of the app (started by `synth-stacks.ts`): starts
 * them at once (each loads the engine, while the app reads the configuration), hands them the task when the
 * app sends it, relays their progress, and hands their result to the app through the port it was given,
 * while the app synthesizes a share of its own. Loads no engine.
 */
import { ChildProcess, fork } from 'child_process';
import { workerData } from 'worker_threads';
import { AppThreadData, postToApp } from './app-thread';
import { CoordinatorData, CoordinatorOrder, entryFile, RUN_SCRIPT, STOP, WorkerAssignment, WorkerMessage, WorkerResult } from './task';

const data = workerData as CoordinatorData & AppThreadData;
const { workers, port, env } = data;

/** Posts to the app, and wakes it if it sleeps waiting (synth-stacks.ts). */
const post = (message: WorkerMessage): void => postToApp(data, message);

async function coordinate(): Promise<WorkerResult> {
  const command = await workerCommand();
  const runs = Array.from({ length: workers }, () =>
    runWorker(fork(command[0], command.slice(1), { env, execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })),
  );
  // The task, once the app has read the configuration; or stop, when it does not need the workers (or failed).
  port.on('message', (order: CoordinatorOrder) => {
    if (order === STOP) return stopAll();
    // A worker that is gone already is reported by its exit.
    const assign = (run: WorkerRun, worker: number) =>
      run.child.send({ taskFile: order.taskFile, worker } satisfies WorkerAssignment, () => undefined);
    runs.forEach((run, worker) => run.child.connected && assign(run, worker));
  });
  const results = await Promise.all(runs.map((run) => run.result.finally(() => run.failed && stopAll())));
  return {
    stacks: results.flatMap((r) => r.stacks),
    problems: results.flatMap((r) => r.problems),
    failure: results.find((r) => r.failure)?.failure,
  };

  /** A crashed worker ends the synth: the others are stopped rather than left to finish for nothing. */
  function stopAll(): void {
    for (const run of runs) if (run.child.exitCode === null && run.child.signalCode === null) run.child.kill();
  }
}

interface WorkerRun {
  readonly child: ChildProcess;
  readonly result: Promise<WorkerResult>;
  /** Set when the worker ended without a result or with a failure. */
  failed: boolean;
}

function runWorker(child: ChildProcess): WorkerRun {
  let reported: WorkerResult | undefined;
  child.on('message', (message: WorkerMessage) => {
    if ('written' in message) post(message);
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

/**
 * How to start a worker: its compiled file (compiled here once rather than by each worker at the same
 * time), run by `scripts/run.js` with V8's code cache, as the app itself is.
 */
async function workerCommand(): Promise<string[]> {
  const { file, compiled } = entryFile('worker');
  if (compiled) return [file];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compiledEntry } = require(RUN_SCRIPT) as { compiledEntry: (entry: string) => Promise<string> };
  return [RUN_SCRIPT, await compiledEntry(file)];
}

coordinate()
  .catch((error: Error): WorkerResult => ({ stacks: [], problems: [], failure: error.stack ?? String(error) }))
  .then((result) => {
    post({ result });
    port.close();
  });
