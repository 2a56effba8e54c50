import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { deserialize, serialize } from 'v8';
import type { ProgressSetting } from '../progress';
import type { AppConfig } from '../config-schema';
import type { StackReport } from '../synth-stacks';

/**
 * What the synth's worker processes share: the task the app hands them, and what they hand back.
 * Imports nothing but Node and types: the coordinator loads it without the engine.
 */

/** The work of one synth, written by the app for the coordinator and each worker. */
export interface WorkerTask {
  /**
   * The configuration as loaded and checked by the app, passed as a structured clone (what it holds
   * is plain data): workers do not read or parse the file again.
   */
  readonly config: AppConfig;
  /** The environments to synthesize, by their index in the configuration, in order. */
  readonly indices: readonly number[];
  /** The folder the stacks go to (`stacks/<name>`, `hcl/<name>`). */
  readonly staging: string;
  readonly workers: number;
  readonly batchSize: number;
  /** Stacks that plan without AWS (synth-stacks.ts, BatchOptions). */
  readonly offline: boolean;
  /** The folder trigger handler paths are relative to. */
  readonly configDir: string | undefined;
  readonly progress: ProgressSetting;
  /** Whether the app's standard output is a terminal (the coordinator's progress line needs it). */
  readonly stdoutIsTerminal: boolean;
}

/** What the coordinator hands back: every stack written, or every problem found, or a failure. */
export interface WorkerResult {
  readonly stacks: readonly StackReport[];
  readonly problems: readonly string[];
  /** A worker that crashed: what it said. */
  readonly failure?: string;
}

/** A worker's messages to the coordinator. */
export type WorkerMessage = { readonly written: number } | { readonly result: WorkerResult };

export const writeTask = (file: string, task: WorkerTask): void => writeFileSync(file, serialize(task), { mode: 0o600 });
export const readTask = (file: string): WorkerTask => deserialize(readFileSync(file)) as WorkerTask;
export const resultFileOf = (taskFile: string): string => `${taskFile}.result.json`;

/** Worker `worker`'s share: a contiguous run, so that problems come back in the file's order. */
export function shareOf(task: Pick<WorkerTask, 'indices' | 'workers'>, worker: number): readonly number[] {
  const size = Math.ceil(task.indices.length / task.workers);
  return task.indices.slice(worker * size, (worker + 1) * size);
}

/**
 * The command running one of this folder's entry points: the compiled file where there is one (a
 * built package), else the TypeScript source through `scripts/run.js`, which compiles it once.
 */
export function entryCommand(name: 'coordinator' | 'worker'): string[] {
  const compiled = join(__dirname, `${name}.js`);
  return existsSync(compiled) ? [compiled] : [RUN_SCRIPT, join(__dirname, `${name}.ts`)];
}

export const RUN_SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'run.js');
