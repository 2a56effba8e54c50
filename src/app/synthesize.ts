import { statSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { resolveEnvironments, selectEnvironments } from './environments';
import { loadConfig } from './load-config';
import { CommitOptions, openOutput, OutputOptions } from './output-dir';
import { startWorkersEarly, SynthesisOptions, synthesizeEnvironments } from './synth-stacks';
import { formatProblem, UsageError } from '../core/problem';
import { writeCliConfig } from '../terraform/offline';

/** Where one stack went. */
export interface SynthesizedStack {
  readonly name: string;
  /** The folder holding the stack's Terraform JSON (`cdk.tf.json`), relative to the working directory. */
  readonly dir: string;
  /** The folder holding the same configuration as HCL (`main.tf`), a root module of its own. */
  readonly hclDir: string;
  /** Warnings the constructs raised (a discouraged flow, a guard turned off), with their construct paths. */
  readonly warnings: readonly string[];
}

/** What to synthesize, and how (batches, worker processes, offline stacks, progress line: synth-stacks.ts). */
export interface SynthOptions extends Omit<SynthesisOptions, 'configDir'> {
  /** The configuration file (JSON or YAML). */
  readonly configFile: string;
  /** Only these environments. @default - all */
  readonly environments?: readonly string[];
  /**
   * The output folder: new, empty, or written by an earlier synth (it holds `.cdktf-cognito-output.json`).
   * Any other existing path is refused; see `output-dir.ts`.
   */
  readonly outdir: string;
  /** How the output folder was given, for messages. @default '--out' */
  readonly outdirLabel?: string;
  /** What to do with the previous output's stacks this run did not synthesize. @default 'remove' */
  readonly orphans?: CommitOptions['orphans'];
  /** Receives notices about the output folder (a removed stack's folder kept for the files it still holds). */
  readonly onNotice?: (message: string) => void;
}

/**
 * Loads, checks and synthesizes a configuration: one stack per environment, as Terraform JSON
 * (`stacks/<name>/cdk.tf.json`) and HCL (`hcl/<name>/main.tf`), in batches and, for large
 * configurations, in worker processes (synth-stacks.ts).
 */
export function synthesizeConfig(options: SynthOptions): SynthesizedStack[] {
  // The output folder is checked (and an interrupted run finished) before the configuration is read.
  const output = { label: options.outdirLabel, protect: [options.configFile] };
  checkConfigFile(options.configFile);
  return synthesizeAtomically(
    options.outdir,
    (staging) => {
      // A large configuration's workers load the engine while the file is read (synth-stacks.ts).
      const startedWorkers = startWorkersEarly(options.configFile, options);
      try {
        const config = loadConfig(options.configFile);
        const environments = selectEnvironments(resolveEnvironments(config), options.environments ?? []);
        const configDir = dirname(resolve(options.configFile));
        const stacks = synthesizeEnvironments(staging, config, environments, { ...options, configDir, startedWorkers });
        if (options.offline) writeCliConfig(staging);
        return stacks.map(({ name, warnings }) => ({
          name,
          dir: join(options.outdir, 'stacks', name),
          hclDir: join(options.outdir, 'hcl', name),
          warnings,
        }));
      } finally {
        startedWorkers?.stop();
      }
    },
    { output, commit: { orphans: options.orphans }, onNotice: options.onNotice },
  );
}

/** A FIFO, a device or a folder would block or fail deep inside the reader: say so at the option instead. */
function checkConfigFile(file: string): void {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats && !stats.isFile()) {
    const kind = stats.isDirectory()
      ? 'a folder'
      : stats.isFIFO()
        ? 'a named pipe (FIFO)'
        : stats.isSocket()
          ? 'a socket'
          : 'a device or special file';
    throw new UsageError([
      formatProblem({
        path: '--config',
        rule: `must be a regular file; this is ${kind}`,
        received: file,
        fix: 'pass the YAML or JSON configuration file itself',
      }),
    ]);
  }
}

/** Options of {@link synthesizeAtomically}. */
export interface AtomicSynthOptions {
  readonly output?: OutputOptions;
  readonly commit?: CommitOptions;
  readonly onNotice?: (message: string) => void;
}

/**
 * Fills a staging folder and, only when `fill` returns, replaces the previous output with it
 * (`output-dir.ts`: only entries synth wrote are replaced). A failed run throws and leaves the previous
 * output exactly as it was.
 */
export function synthesizeAtomically<T>(outdir: string, fill: (stagingDir: string) => T, options: AtomicSynthOptions = {}): T {
  const output = openOutput(outdir, options.output);
  try {
    const result = fill(output.stage());
    for (const notice of output.commit(options.commit)) options.onNotice?.(notice);
    return result;
  } catch (error) {
    output.discard();
    throw error;
  }
}
