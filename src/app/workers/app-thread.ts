import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';
import { entryFile, EntryName, RUN_SCRIPT } from './task';

/**
 * A thread of the app that runs one of this folder's entry points, seen from the app's synchronous code:
 * the app posts to it, and reads its messages without an event loop (`receiveMessageOnPort`), sleeping on
 * `Atomics.wait` until the thread posts. The synth coordinator and the HCL writer are such threads.
 */
export interface AppThread<M> {
  /** Sends the thread a message. */
  post(message: unknown): void;
  /** The next message, if one came. */
  receive(): M | undefined;
  /** The next message, waiting for it a while (sleeping). */
  next(): M | undefined;
}

/** What an entry point run by {@link startAppThread} receives as `workerData`, besides its own data. */
export interface AppThreadData {
  /** Where its messages go. */
  readonly port: MessagePort;
  /** Counts the messages posted, so that the app can sleep until the next one. */
  readonly posted: Int32Array;
}

/** Posts from an entry point's thread to the app, and wakes the app if it sleeps waiting. */
export function postToApp({ port, posted }: AppThreadData, message: unknown): void {
  port.postMessage(message);
  Atomics.add(posted, 0, 1);
  Atomics.notify(posted, 0);
}

/** How long a thread may take to say it runs: far more than it does (milliseconds). */
const THREAD_START_MS = 30_000;

/** The thread's own messages, before and instead of the entry point's. */
type ThreadNotice = { readonly threadStarted: true } | { readonly threadFailure: string };

/**
 * Starts an entry point in a thread. `failed` turns what went wrong (the thread did not start, failed to
 * load, or ended) into the message the app then reads, so that the app always hears of it; a failure
 * after the entry point's own last message is not read.
 */
export function startAppThread<M>(name: EntryName, data: object, failed: (what: string) => M): AppThread<M> {
  const { port1, port2 } = new MessageChannel();
  const posted = new Int32Array(new SharedArrayBuffer(4));
  const { file, compiled } = entryFile(name);
  // From TypeScript sources, the thread compiles its entry point with scripts/run.js first (asynchronous).
  const load = compiled
    ? `Promise.resolve(${JSON.stringify(file)})`
    : `require(${JSON.stringify(RUN_SCRIPT)}).compiledEntry(${JSON.stringify(file)})`;
  const code = `const { workerData } = require('worker_threads');
    const post = (message) => {
      workerData.port.postMessage(message);
      Atomics.add(workerData.posted, 0, 1);
      Atomics.notify(workerData.posted, 0);
    };
    const fail = (error) => post({ threadFailure: String((error && error.stack) || error) });
    process.on('exit', () => fail('the ${name} thread ended without a result'));
    post({ threadStarted: true });
    ${load}.then((compiled) => require(compiled)).catch(fail);`;
  const workerData: AppThreadData = { ...data, port: port2, posted };
  // The thread runs no preloaded module of NODE_OPTIONS (one that measures processes would count this
  // one twice); the worker processes a thread starts get the app's environment whole (CoordinatorData).
  new Worker(code, { eval: true, workerData, transferList: [port2], env: { ...process.env, NODE_OPTIONS: '' } }).unref();
  const started = Date.now();
  let heard = false;
  const receive = (): M | undefined => {
    const message = receiveMessageOnPort(port1)?.message as M | ThreadNotice | undefined;
    if (message === undefined) return undefined;
    heard = true;
    if (typeof message === 'object' && message !== null && 'threadStarted' in message) return receive();
    if (typeof message === 'object' && message !== null && 'threadFailure' in message) return failed(message.threadFailure);
    return message as M;
  };
  return {
    post: (message) => port1.postMessage(message),
    receive,
    next() {
      const seen = Atomics.load(posted, 0);
      const message = receive();
      if (message !== undefined) return message;
      if (!heard && Date.now() - started > THREAD_START_MS) return failed(`the ${name} thread did not start within ${THREAD_START_MS / 1000} s`);
      // The thread counts its messages up and wakes this one; a second is a bound, not a poll.
      Atomics.wait(posted, 0, seen, 1000);
      return receive();
    },
  };
}
