import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { startAppThread } from './workers/app-thread';
import { renderHclText } from '../hcl/render-hcl';
import { offlineCopy } from '../terraform/offline';

/**
 * Writes a stack as HCL in `hcl/<stack>/main.tf` (after making the JSON offline, when asked), with a copy
 * of its assets, so the folder is a complete root module for plain `terraform`. It is a folder of its
 * own: beside `cdk.tf.json`, Terraform would load both and see every resource twice.
 */
export function writeHcl(staging: string, name: string, offline: boolean): void {
  const from = join(staging, 'stacks', name);
  const to = join(staging, 'hcl', name);
  mkdirSync(to, { recursive: true });
  const file = join(from, 'cdk.tf.json');
  let json = readFileSync(file, 'utf8');
  if (offline) {
    json = JSON.stringify(offlineCopy(JSON.parse(json)), null, 2);
    writeFileSync(file, json);
  }
  writeFileSync(join(to, 'main.tf'), renderHclText(json));
  if (existsSync(join(from, 'assets'))) cpSync(join(from, 'assets'), join(to, 'assets'), { recursive: true });
}

/** Writes the HCL of synthesized stacks ({@link writeHcl}): at once, or by a thread of its own. */
export interface HclWriter {
  /** Writes, or has written, the HCL of a stack already in `<staging>/stacks/<name>`. */
  write(name: string): void;
  /**
   * Returns once every stack given is written: nothing, or what failed (a thread stops writing at its
   * first failure). Once per writer; the staging folder may be removed after it.
   */
  finish(): string | undefined;
}

/** Writes each stack's HCL when given, in this thread (a failure is thrown by `write`). */
export function hclHere(staging: string, offline: boolean): HclWriter {
  return { write: (name) => writeHcl(staging, name, offline), finish: () => undefined };
}

/**
 * In a process that synthesizes alone, from this many environments on, the HCL is written by a thread of
 * its own while the engine synthesizes the next stacks (about a ninth of a synth's time on the
 * benchmark's environments, on a core that is otherwise idle). Below, the thread's start (about 30 ms of
 * the other core's time) is not worth it.
 */
export const HCL_THREAD_MIN_ENVIRONMENTS = 25;

/** What the app gives the HCL thread (`workerData`, with the port of app-thread.ts). */
export interface HclThreadData {
  readonly staging: string;
  readonly offline: boolean;
}

/** What the app tells the HCL thread: a stack to write, or that none will follow. */
export type HclThreadOrder = { readonly name: string } | typeof HCL_DONE;
export const HCL_DONE = 'done';

/** What the HCL thread says once, when told that no stack follows: what failed, if anything did. */
export interface HclThreadResult {
  readonly failure?: string;
}

/** Writes each stack's HCL in a thread of its own (`workers/hcl-thread.ts`). */
export function hclThread(staging: string, offline: boolean): HclWriter {
  const data: HclThreadData = { staging, offline };
  const thread = startAppThread<HclThreadResult>('hcl-thread', data, (failure) => ({ failure }));
  let result: HclThreadResult | undefined;
  return {
    write: (name) => thread.post({ name } satisfies HclThreadOrder),
    finish() {
      if (!result) {
        thread.post(HCL_DONE satisfies HclThreadOrder);
        while (!result) result = thread.next();
      }
      return result.failure && `writing HCL failed:\n${result.failure}`;
    },
  };
}
