import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { buildStacks, validateStacks } from './build-app';
import { resolveEnvironments, selectEnvironments } from './environments';
import { loadConfig } from './load-config';
import { CommitOptions, openOutput, OutputOptions } from './output-dir';
import { formatProblem, UsageError } from '../core/problem';
import { AnnotationMetadataEntryType, App } from '../engine';
import { renderHcl } from '../hcl/render-hcl';
import { offlineCopy, writeCliConfig } from '../terraform/offline';

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

/** What to synthesize. */
export interface SynthOptions {
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
  /**
   * Stacks that plan without AWS, for trying things out (`cdktf diff` included): each stack as
   * `offlineCopy` makes it (fake credentials, no backend, the provider version the local mirror holds),
   * plus `offline.tfrc`, the Terraform CLI configuration that installs the provider from the mirror
   * (`TF_CLI_CONFIG_FILE`). Such stacks cannot be applied. @default false
   */
  readonly offline?: boolean;
  /** Receives notices about the output folder (a removed stack's folder kept for the files it still holds). */
  readonly onNotice?: (message: string) => void;
}

/** Loads, checks and synthesizes a configuration: one stack per environment. */
export function synthesizeConfig(options: SynthOptions): SynthesizedStack[] {
  // The output folder is checked (and an interrupted run finished) before the configuration is read.
  const output = { label: options.outdirLabel, protect: [options.configFile] };
  checkConfigFile(options.configFile);
  return synthesizeAtomically(
    options.outdir,
    (app) => {
      const config = loadConfig(options.configFile);
      const environments = selectEnvironments(resolveEnvironments(config), options.environments ?? []);
      validateStacks(buildStacks(app, config, environments, dirname(resolve(options.configFile))));
    },
    (staging, stacks) => {
      if (options.offline) makeOffline(staging, stacks);
      writeHcl(staging, stacks);
    },
    { output, commit: { orphans: options.orphans }, onNotice: options.onNotice },
  );
}

/** A FIFO, a device or a folder would block or fail deep inside the reader: say so at the option instead. */
function checkConfigFile(file: string): void {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats && !stats.isFile()) {
    const kind = stats.isDirectory() ? 'a folder' : stats.isFIFO() ? 'a named pipe (FIFO)' : stats.isSocket() ? 'a socket' : 'a device or special file';
    throw new UsageError([formatProblem({ path: '--config', rule: `must be a regular file; this is ${kind}`, received: file, fix: 'pass the YAML or JSON configuration file itself' })]);
  }
}

/** Rewrites each stack to plan offline, and writes the Terraform CLI configuration for the local mirror. */
function makeOffline(staging: string, stacks: readonly SynthesizedStack[]): void {
  for (const stack of stacks) {
    const file = join(staging, 'stacks', stack.name, 'cdk.tf.json');
    writeFileSync(file, JSON.stringify(offlineCopy(JSON.parse(readFileSync(file, 'utf8'))), null, 2));
  }
  writeCliConfig(staging);
}

/**
 * Writes each stack as HCL in `hcl/<stack>/main.tf`, with a copy of its assets, so the folder is a
 * complete root module for plain `terraform`. It is a folder of its own: beside `cdk.tf.json`, Terraform
 * would load both and see every resource twice.
 */
function writeHcl(staging: string, stacks: readonly SynthesizedStack[]): void {
  for (const stack of stacks) {
    const from = join(staging, 'stacks', stack.name);
    const to = join(staging, 'hcl', stack.name);
    mkdirSync(to, { recursive: true });
    writeFileSync(join(to, 'main.tf'), renderHcl(JSON.parse(readFileSync(join(from, 'cdk.tf.json'), 'utf8'))));
    if (existsSync(join(from, 'assets'))) cpSync(join(from, 'assets'), join(to, 'assets'), { recursive: true });
  }
}

/** Options of {@link synthesizeAtomically}. */
export interface AtomicSynthOptions {
  readonly output?: OutputOptions;
  readonly commit?: CommitOptions;
  readonly onNotice?: (message: string) => void;
}

/**
 * Builds the app into a staging folder and, only when every stack synthesized, replaces the previous
 * output with it (`output-dir.ts`: only entries synth wrote are replaced). A failed run throws and leaves
 * the previous output exactly as it was.
 */
export function synthesizeAtomically(
  outdir: string,
  build: (app: App) => void,
  /** Called with the staging folder after the engine wrote it, before it replaces the output. */
  postProcess?: (stagingDir: string, stacks: readonly SynthesizedStack[]) => void,
  options: AtomicSynthOptions = {},
): SynthesizedStack[] {
  const output = openOutput(outdir, options.output);
  try {
    const staging = output.stage();
    // Validation already ran, with configuration paths in its messages (validateStacks); not twice.
    // hclOutput off: `cdktf synth --hcl` would otherwise replace cdk.tf.json, which the HCL writer reads.
    const app = new App({ outdir: staging, skipValidation: true, hclOutput: false });
    build(app);
    app.synth();
    const stacks = listStacks(staging, outdir);
    postProcess?.(staging, stacks);
    for (const notice of output.commit(options.commit)) options.onNotice?.(notice);
    return stacks;
  } catch (error) {
    output.discard();
    throw error;
  }
}

function listStacks(staging: string, outdir: string): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as { stacks: Record<string, { annotations: { level: string; constructPath: string; message: string }[] }> };
  return readdirSync(join(staging, 'stacks'))
    .sort()
    .map((name) => ({
      name,
      dir: join(outdir, 'stacks', name),
      hclDir: join(outdir, 'hcl', name),
      warnings: (manifest.stacks[name]?.annotations ?? []).filter((a) => a.level === AnnotationMetadataEntryType.WARN).map((a) => `[${a.constructPath}] ${a.message}`),
    }));
}
