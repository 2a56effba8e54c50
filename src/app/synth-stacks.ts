import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { availableParallelism, tmpdir } from 'os';
import { join } from 'path';
import { buildStacks, validateStacks } from './build-app';
import { buildBootstrapStacks } from '../bootstrap/bootstrap-config';
import { AppConfig } from './config-schema';
import { ResolvedEnvironment } from './environments';
import { ProgressLine, ProgressSetting } from './progress';
import { entryCommand, resultFileOf, WorkerResult, writeTask } from './workers/task';
import { ValidationError } from '../core/problem';
import { forgetTokensSince, tokenMark } from '../core/token-registry';
import { withoutTokenStackTraces } from '../core/token-stack-traces';
import { AnnotationMetadataEntryType, App, Manifest } from '../engine';
import { renderHclText } from '../hcl/render-hcl';
import { offlineCopy } from '../terraform/offline';

/**
 * Synthesis in batches: `batchSize` environments per engine App, each App dropped before the next is
 * built, so memory stays bounded however many environments a configuration has. From
 * PARALLEL_MIN_ENVIRONMENTS on, worker processes (`workers/`) run the batches, one process a core.
 */

/** How to synthesize. */
export interface SynthesisOptions extends Pick<BatchOptions, 'batchSize' | 'offline' | 'configDir'> {
  /**
   * Worker processes: 1 synthesizes in this process; more are used as given (at most one per
   * environment). CDKTF_COGNITO_WORKERS overrides it.
   * @default - one per available core, from PARALLEL_MIN_ENVIRONMENTS environments on
   */
  readonly workers?: number;
  /** The progress line (progress.ts). @default 'auto' */
  readonly progress?: ProgressSetting;
}

/**
 * From this many environments on, worker processes synthesize them by default: below, starting the
 * processes (about 0.3 s of loading each) costs more than the parallel work saves.
 */
export const PARALLEL_MIN_ENVIRONMENTS = 150;
/** By default, fewer environments than this per worker are not worth another process. */
const MIN_ENVIRONMENTS_PER_WORKER = 75;

/**
 * Synthesizes the environments into `staging`: `stacks/<name>/` as the engine writes them,
 * `hcl/<name>/main.tf` beside, and one `manifest.json` listing them all. Returns the stacks by name.
 * @throws ValidationError with every problem of every environment, in the file's order.
 */
export function synthesizeEnvironments(
  staging: string,
  config: AppConfig,
  environments: readonly ResolvedEnvironment[],
  options: SynthesisOptions = {},
): StackReport[] {
  const workers = workerCount(environments.length, Number(process.env.CDKTF_COGNITO_WORKERS) || options.workers);
  const stacks =
    workers > 1
      ? synthesizeInWorkers(staging, config, environments, { ...options, workers })
      : synthesizeHere(staging, config, environments, options);
  stacks.push(...synthesizeBootstrap(staging, join(staging, '.bootstrap'), config, environments, options.offline ?? false));
  writeManifest(staging, stacks);
  return stacks.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function workerCount(environments: number, asked: number | undefined): number {
  if (asked !== undefined) return Math.max(1, Math.min(Math.floor(asked), environments));
  if (environments < PARALLEL_MIN_ENVIRONMENTS) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(environments / MIN_ENVIRONMENTS_PER_WORKER)));
}

function synthesizeHere(staging: string, config: AppConfig, environments: readonly ResolvedEnvironment[], options: SynthesisOptions): StackReport[] {
  const progress = new ProgressLine(environments.length, { setting: options.progress });
  try {
    return synthesizeInBatches(staging, join(staging, '.batch'), config, environments, { ...options, onWritten: (count) => progress.add(count) });
  } finally {
    progress.finish();
  }
}

/**
 * Runs the coordinator (`workers/coordinator.ts`), which forks the workers, and waits for it: the app
 * stays synchronous. The task (the loaded configuration) goes through a private temporary folder.
 */
function synthesizeInWorkers(
  staging: string,
  config: AppConfig,
  environments: readonly ResolvedEnvironment[],
  options: SynthesisOptions & { readonly workers: number },
): StackReport[] {
  const taskDir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-synth-'));
  try {
    const taskFile = join(taskDir, 'task');
    writeTask(taskFile, {
      config,
      indices: environments.map((env) => env.index),
      staging,
      workers: options.workers,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      offline: options.offline ?? false,
      configDir: options.configDir,
      progress: options.progress ?? 'auto',
      stdoutIsTerminal: Boolean(process.stdout.isTTY),
    });
    const run = spawnSync(process.execPath, [...entryCommand('coordinator'), taskFile], { stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.error) throw run.error;
    const resultFile = resultFileOf(taskFile);
    if (!existsSync(resultFile))
      throw new Error(`the synth's worker coordinator stopped (${run.signal ?? `exit code ${run.status}`}) without a result`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as WorkerResult;
    if (result.failure) throw new Error(`a synth worker failed:\n${result.failure}`);
    if (result.problems.length > 0) throw new ValidationError([...new Set(result.problems)], 'Invalid configuration');
    return [...result.stacks];
  } finally {
    rmSync(taskDir, { recursive: true, force: true });
  }
}

/** One stack as written: its manifest entry (the engine's) and the warnings its constructs raised. */
export interface StackReport {
  readonly name: string;
  readonly manifest: StackManifestEntry;
  readonly warnings: readonly string[];
  /** The engine version its manifest was written by. */
  readonly engineVersion: string;
}

/** The engine's manifest entry of one stack (`manifest.json`'s `stacks.<name>`). */
export type StackManifestEntry = Manifest['stacks'][string];

/** Environments per engine App: enough that the per-App cost vanishes, few enough to bound memory. */
export const DEFAULT_BATCH_SIZE = 25;

export interface BatchOptions {
  /** Environments per App. @default DEFAULT_BATCH_SIZE */
  readonly batchSize?: number;
  /** The folder trigger handler paths are relative to (the configuration's). @default - the working folder */
  readonly configDir?: string;
  /**
   * Stacks that plan without AWS, for trying things out (`cdktf diff` included): each stack as
   * `offlineCopy` makes it (fake credentials, no backend, the provider version the local mirror holds),
   * plus (written by synthesize.ts) `offline.tfrc`, the Terraform CLI configuration that installs the provider from the mirror
   * (`TF_CLI_CONFIG_FILE`). Such stacks cannot be applied. @default false
   */
  readonly offline?: boolean;

  /** Called after each batch with the number of environments it wrote. */
  readonly onWritten?: (count: number) => void;
}

/**
 * Builds, checks and synthesizes the environments into `staging` (`stacks/<name>/` as the engine writes
 * them, `hcl/<name>/main.tf` beside). Every batch is checked even after one had problems, so that all
 * problems are reported at once (a ValidationError, in environment order); nothing more is synthesized
 * after the first problem. `scratch` is the engine's own output folder, removed afterwards.
 */
export function synthesizeInBatches(
  staging: string,
  scratch: string,
  config: AppConfig,
  environments: readonly ResolvedEnvironment[],
  options: BatchOptions = {},
): StackReport[] {
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const reports: StackReport[] = [];
  const problems: string[] = [];
  mkdirSync(join(staging, 'stacks'), { recursive: true });
  try {
    for (let start = 0; start < environments.length; start += size) {
      const batch = environments.slice(start, start + size);
      const write = problems.length === 0;
      const written = withoutTokenStackTraces(() => synthesizeBatch(staging, scratch, config, batch, write, options));
      if (written instanceof ValidationError) problems.push(...written.problems);
      else reports.push(...written);
      options.onWritten?.(batch.length);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  // A mistake in `defaults` is reported once, at `defaults...` (build-app.ts), however many batches hit it.
  if (problems.length > 0) throw new ValidationError([...new Set(problems)], 'Invalid configuration');
  return reports;
}

function synthesizeBatch(
  staging: string,
  scratch: string,
  config: AppConfig,
  environments: readonly ResolvedEnvironment[],
  write: boolean,
  options: Pick<BatchOptions, 'offline' | 'configDir'>,
): StackReport[] | ValidationError {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  // Validation runs once, by the app with configuration paths in its messages (validateStacks), not
  // again by the engine; construct stack traces are not recorded (see token-stack-traces.ts).
  // hclOutput off: `cdktf synth --hcl` would otherwise replace cdk.tf.json, which the HCL writer reads.
  const app = new App({ outdir: scratch, skipValidation: true, hclOutput: false, stackTraces: false });
  const mark = tokenMark();
  try {
    validateStacks(buildStacks(app, config, environments, options.configDir));
    if (!write) return [];
    app.synth();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  } finally {
    // The engine's token registry would keep this batch's construct tree alive (token-registry.ts).
    forgetTokensSince(mark);
  }
  return collectStacks(
    staging,
    scratch,
    environments.map(({ name }) => name),
    options.offline ?? false,
  );
}

/** Moves the named stacks, which the engine synthesized into `scratch`, into `staging`, with their HCL. */
function collectStacks(staging: string, scratch: string, names: readonly string[], offline: boolean): StackReport[] {
  const manifest = JSON.parse(readFileSync(join(scratch, 'manifest.json'), 'utf8')) as {
    version: string;
    stacks: Record<string, StackManifestEntry>;
  };
  return names.map((name) => {
    renameSync(join(scratch, 'stacks', name), join(staging, 'stacks', name));
    writeHcl(staging, name, offline);
    return { name, manifest: manifest.stacks[name], warnings: warningsOf(manifest.stacks[name]), engineVersion: manifest.version };
  });
}

/**
 * The pipeline's roles, one bootstrap stack per account of the environments (see src/bootstrap/), built
 * once after the environments' batches: accounts repeat across batches and workers.
 */
function synthesizeBootstrap(
  staging: string,
  scratch: string,
  config: AppConfig,
  environments: readonly ResolvedEnvironment[],
  offline: boolean,
): StackReport[] {
  if (!config.bootstrap) return [];
  rmSync(scratch, { recursive: true, force: true });
  const mark = tokenMark();
  try {
    const app = new App({ outdir: scratch, skipValidation: true, hclOutput: false, stackTraces: false });
    const stacks = buildBootstrapStacks(app, config, environments);
    app.synth();
    return collectStacks(
      staging,
      scratch,
      stacks.map((stack) => stack.node.id),
      offline,
    );
  } finally {
    forgetTokensSince(mark);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Writes a stack as HCL in `hcl/<stack>/main.tf` (after making the JSON offline, when asked), with a copy
 * of its assets, so the folder is a complete root module for plain `terraform`. It is a folder of its own: beside `cdk.tf.json`, Terraform
 * would load both and see every resource twice.
 */
function writeHcl(staging: string, name: string, offline: boolean): void {
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

function warningsOf(entry: StackManifestEntry | undefined): string[] {
  return (entry?.annotations ?? []).filter((a) => a.level === AnnotationMetadataEntryType.WARN).map((a) => `[${a.constructPath}] ${a.message}`);
}

/** Writes `manifest.json` for every stack, as the engine writes it for one App. */
export function writeManifest(staging: string, reports: readonly StackReport[]): void {
  const manifest = new Manifest(reports[0]?.engineVersion ?? '', staging, false);
  for (const report of reports) manifest.stacks[report.name] = report.manifest;
  manifest.writeToFile();
}
