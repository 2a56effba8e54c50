import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { deserialize, serialize } from 'v8';
import type { AppConfig } from '../config-schema';
import type { StackReport } from '../synth-stacks';

/**
 * What the synth's worker processes share: the task the app hands them, and what they hand back.
 * Imports nothing but Node and types: the coordinator thread loads it without the engine.
 */

/** The workers' part of one synth, written by the app for the coordinator and each worker. */
export interface WorkerTask {
  /**
   * The configuration as loaded and checked by the app, passed as a structured clone (what it holds
   * is plain data): workers do not read or parse the file again.
   */
  readonly config: AppConfig;
  /** The environments the worker processes synthesize, by their index in the configuration, in order. */
  readonly indices: readonly number[];
  /** The folder the stacks go to (`stacks/<name>`, `hcl/<name>`). */
  readonly staging: string;
  /** Worker processes (besides the app, which synthesizes a share of its own). */
  readonly workers: number;
  readonly batchSize: number;
  /** Stacks that plan without AWS (synth-stacks.ts, BatchOptions). */
  readonly offline: boolean;
  /** The folder trigger handler paths are relative to. */
  readonly configDir: string | undefined;
}

/** What the workers hand back: every stack written, or every problem found, or a failure. */
export interface WorkerResult {
  readonly stacks: readonly StackReport[];
  readonly problems: readonly string[];
  /** A worker that crashed: what it said. */
  readonly failure?: string;
}

/** A worker's messages to the coordinator, and the coordinator's to the app. */
export type WorkerMessage = { readonly written: number } | { readonly result: WorkerResult };

/** What the app tells the coordinator thread: the task, once the configuration is read, or to stop the workers. */
export type CoordinatorOrder = { readonly taskFile: string } | typeof STOP;
export const STOP = 'stop';

/** What the coordinator tells a worker process that waits for its task. */
export interface WorkerAssignment {
  readonly taskFile: string;
  readonly worker: number;
}

/** What the app gives the coordinator thread (`workerData`, with the port of app-thread.ts). */
export interface CoordinatorData {
  /** Worker processes to start at once; they wait for the task. */
  readonly workers: number;
  /** The workers' environment: the app's. */
  readonly env: NodeJS.ProcessEnv;
}

export const writeTask = (file: string, task: WorkerTask): void => writeFileSync(file, serialize(task), { mode: 0o600 });
export const readTask = (file: string): WorkerTask => deserialize(readFileSync(file)) as WorkerTask;

/** Worker `worker`'s share: a contiguous run, so that problems come back in the file's order. */
export function shareOf(task: Pick<WorkerTask, 'indices' | 'workers'>, worker: number): readonly number[] {
  const size = Math.ceil(task.indices.length / task.workers);
  return task.indices.slice(worker * size, (worker + 1) * size);
}

/** This folder's entry points: threads of the app (app-thread.ts) and the worker processes. */
export type EntryName = 'coordinator' | 'hcl-thread' | 'worker';

/**
 * The file of one of this folder's entry points: the compiled file where there is one (a built
 * package), else the TypeScript source, which `scripts/run.js` compiles once.
 */
export function entryFile(name: EntryName): { readonly file: string; readonly compiled: boolean } {
  const compiled = join(__dirname, `${name}.js`);
  return existsSync(compiled) ? { file: compiled, compiled: true } : { file: join(__dirname, `${name}.ts`), compiled: false };
}

export const RUN_SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'run.js');
