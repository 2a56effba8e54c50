import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'fs';
import { availableParallelism, loadavg, tmpdir } from 'os';
import { join } from 'path';
import { buildStacks, validateStacks } from './build-app';
import { buildBootstrapStacks } from '../bootstrap/bootstrap-config';
import { AppConfig } from './config-schema';
import { ResolvedEnvironment } from './environments';
import { HCL_THREAD_MIN_ENVIRONMENTS, hclHere, hclThread, HclWriter } from './hcl-writer';
import { ProgressLine, ProgressSetting } from './progress';
import { startAppThread } from './workers/app-thread';
import { CoordinatorData, CoordinatorOrder, STOP, WorkerMessage, WorkerResult, writeTask } from './workers/task';
import { ValidationError } from '../core/problem';
import { forgetTokensSince, tokenMark } from '../core/token-registry';
import { withoutTokenStackTraces } from '../core/token-stack-traces';
import { AnnotationMetadataEntryType, App, Manifest } from '../engine';

/**
 * Synthesis in batches: `batchSize` environments per engine App, each App dropped before the next is
 * built, so memory stays bounded however many environments a configuration has. From
 * PARALLEL_MIN_ENVIRONMENTS on, the app and worker processes (`workers/`) run the batches, one process a core.
 */

/** How to synthesize. */
export interface SynthesisOptions extends Pick<BatchOptions, 'batchSize' | 'offline' | 'configDir'> {
  /**
   * Processes that synthesize, this one included: 1 synthesizes in this process only; more are used as
   * given (at most one per environment), with equal shares. CDKTF_COGNITO_WORKERS overrides it.
   * @default - one per available core, from PARALLEL_MIN_ENVIRONMENTS environments on
   */
  readonly workers?: number;
  /**
   * Whether a thread of its own writes the HCL (`hcl-writer.ts`); only ever in a process that synthesizes
   * alone (with worker processes, every core has one).
   * @default - from HCL_THREAD_MIN_ENVIRONMENTS environments on
   */
  readonly hclThread?: boolean;
  /** The progress line (progress.ts). @default 'auto' */
  readonly progress?: ProgressSetting;
  /** Worker processes started before the configuration was read ({@link startWorkersEarly}): used, or stopped. */
  readonly startedWorkers?: StartedWorkers;
}

/**
 * Environments each process needs for another process to pay. Measured on this project's 2-core machine
 * (BENCHMARKS.md, idle, medians of 5 to 7 runs, one process with its HCL thread against two processes):
 * 100 environments 954 against 1121 ms, 200 1227 against 1452 (in another run 1742 against 1535), 300
 * 1857 against 1821, 500 2639 against 2459. A second process costs its start (Node and the compiled app,
 * about 0.25 s) and slows the first while both run: two independent synths side by side took 1.5x the
 * wall time of one, since one synth already keeps more than a core busy (the garbage collector's threads).
 */
const MIN_ENVIRONMENTS_PER_PROCESS = 150;
/** From this many environments on, worker processes share the work by default (two processes' worth). */
export const PARALLEL_MIN_ENVIRONMENTS = 2 * MIN_ENVIRONMENTS_PER_PROCESS;
/**
 * On a machine already busy, another process gets no core of its own and only adds its start (measured
 * slower at 100 environments on two cores under a load of 8): workers wait for twice as many environments.
 */
const BUSY_PARALLEL_MIN_ENVIRONMENTS = 2 * PARALLEL_MIN_ENVIRONMENTS;
/**
 * Busy: `make -l`'s rule, the load average of the last minute above the cores, plus one for the synths
 * that came just before (a benchmark's, a pipeline's), which count in it too.
 */
const machineIsBusy = (): boolean => loadavg()[0] > availableParallelism() + 1;

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
  const asked = askedWorkers(options);
  const started = options.startedWorkers;
  const workers = workerCount(environments.length, asked, started);
  // Workers asked for by number share the environments equally (tests make them all work), and so do
  // workers started early: they are ready about when the app is.
  const headStart = asked === undefined && !started ? WORKER_START_ENVIRONMENTS : 0;
  if (workers <= 1) started?.stop();
  const stacks =
    workers > 1
      ? synthesizeInWorkers(staging, config, environments, { ...options, headStart }, started ?? startCoordinator(workers - 1))
      : synthesizeHere(staging, config, environments, options);
  stacks.push(...synthesizeBootstrap(staging, join(staging, '.bootstrap'), config, environments, options.offline ?? false));
  writeManifest(staging, stacks);
  return stacks.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const askedWorkers = (options: Pick<SynthesisOptions, 'workers'>): number | undefined => Number(process.env.CDKTF_COGNITO_WORKERS) || options.workers;

/**
 * Starts the worker processes of a large configuration before it is read, so that they load the engine
 * while the app reads and checks the file: large is EARLY_START_MIN_BYTES, or workers asked for by number.
 * Pass them to {@link synthesizeEnvironments}, and stop them when the run fails before (stopping
 * workers that were used, or stopped, does nothing).
 */
export function startWorkersEarly(configFile: string, options: Pick<SynthesisOptions, 'workers'> = {}): StartedWorkers | undefined {
  const size = statSync(configFile, { throwIfNoEntry: false })?.size ?? 0;
  const processes = askedWorkers(options) ?? (size >= EARLY_START_MIN_BYTES && !machineIsBusy() ? availableParallelism() : 1);
  return processes > 1 ? startCoordinator(processes - 1) : undefined;
}

/**
 * A configuration file this large may hold PARALLEL_MIN_ENVIRONMENTS environments (the benchmark's take
 * about 110 bytes each): its workers are started before it is read, and stopped if it holds fewer.
 */
export const EARLY_START_MIN_BYTES = 32 * 1024;

function workerCount(environments: number, asked: number | undefined, started: StartedWorkers | undefined): number {
  if (asked !== undefined) return Math.max(1, Math.min(Math.floor(asked), environments));
  // Workers started early were started on a machine that was not busy then (startWorkersEarly).
  if (environments < (!started && machineIsBusy() ? BUSY_PARALLEL_MIN_ENVIRONMENTS : PARALLEL_MIN_ENVIRONMENTS)) return 1;
  if (started) return started.workers + 1;
  return Math.max(1, Math.min(availableParallelism(), Math.floor(environments / MIN_ENVIRONMENTS_PER_PROCESS)));
}

function synthesizeHere(staging: string, config: AppConfig, environments: readonly ResolvedEnvironment[], options: SynthesisOptions): StackReport[] {
  const progress = new ProgressLine(environments.length, { setting: options.progress });
  try {
    // This process synthesizes alone: the other cores are free for a thread that writes the HCL.
    const hclThread = options.hclThread ?? environments.length >= HCL_THREAD_MIN_ENVIRONMENTS;
    return synthesizeInBatches(staging, join(staging, '.batch'), config, environments, {
      ...options,
      hclThread,
      onWritten: (count) => progress.add(count),
    });
  } finally {
    progress.finish();
  }
}

/**
 * The app synthesizes the first share of the environments itself, while the worker processes of a
 * coordinator thread (`workers/coordinator.ts`) synthesize the rest. A worker started only now takes a
 * moment to start while the app's share starts at once: the app's share is then larger by `headStart`.
 * The app stays synchronous: it reads the coordinator's messages (progress, then the result) with
 * `receiveMessageOnPort`, sleeping in between. The workers' task (the loaded configuration) goes through
 * a private temporary folder.
 */
function synthesizeInWorkers(
  staging: string,
  config: AppConfig,
  environments: readonly ResolvedEnvironment[],
  options: SynthesisOptions & { readonly headStart: number },
  coordinator: Coordinator,
): StackReport[] {
  const processes = coordinator.workers + 1;
  const own = Math.min(environments.length, Math.ceil((environments.length + options.headStart * (processes - 1)) / processes));
  const [mine, theirs] = [environments.slice(0, own), environments.slice(own)];
  if (theirs.length === 0) {
    coordinator.stop();
    return synthesizeHere(staging, config, environments, options);
  }
  const taskDir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-synth-'));
  const progress = new ProgressLine(environments.length, { setting: options.progress });
  try {
    const taskFile = join(taskDir, 'task');
    writeTask(taskFile, {
      config,
      indices: theirs.map((env) => env.index),
      staging,
      workers: coordinator.workers,
      batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
      offline: options.offline ?? false,
      configDir: options.configDir,
    });
    coordinator.assign(taskFile);
    let workers: WorkerResult | undefined;
    const handle = (message: WorkerMessage | undefined) => {
      if (message && 'written' in message) progress.add(message.written);
      else if (message) workers = message.result;
    };
    let ownProblems: readonly string[] = [];
    let stacks: StackReport[] = [];
    try {
      stacks = synthesizeInBatches(staging, join(staging, '.batch'), config, mine, {
        ...options,
        // Every core has a process of the synth: a thread of its own would only take turns with them.
        hclThread: false,
        onWritten: (count) => {
          progress.add(count);
          for (let message = coordinator.receive(); message; message = workers ? undefined : coordinator.receive()) handle(message);
        },
      });
    } catch (error) {
      if (!(error instanceof ValidationError)) {
        // Nothing of this run will be kept: the workers are stopped, and gone before the staging folder is.
        coordinator.stop();
        while (!workers) handle(coordinator.next());
        throw error;
      }
      ownProblems = error.problems;
    }
    while (!workers) handle(coordinator.next());
    if (workers.failure) throw new Error(`a synth worker failed:\n${workers.failure}`);
    const problems = [...ownProblems, ...workers.problems];
    if (problems.length > 0) throw new ValidationError([...new Set(problems)], 'Invalid configuration');
    return [...stacks, ...workers.stacks];
  } finally {
    progress.finish();
    rmSync(taskDir, { recursive: true, force: true });
  }
}

/**
 * Environments the app synthesizes, beyond an equal share, while a worker process starts (about 0.3 s:
 * Node, the compiled app with its code cache, the task).
 */
export const WORKER_START_ENVIRONMENTS = 40;

/** Worker processes started early, waiting for their task (their coordinator thread). */
export type StartedWorkers = Coordinator;

/** The coordinator thread, seen from the app's synchronous code. */
export interface Coordinator {
  /** The worker processes it started. */
  readonly workers: number;
  /** Hands the workers their task. */
  assign(taskFile: string): void;
  /** The next message, if one came. */
  receive(): WorkerMessage | undefined;
  /** The next message, waiting for it a while (sleeping). */
  next(): WorkerMessage | undefined;
  /** Tells the coordinator to stop the workers (it then sends the result). */
  stop(): void;
}

function startCoordinator(workers: number): Coordinator {
  // The workers it starts get this environment whole (a preloaded module of NODE_OPTIONS included).
  const data: CoordinatorData = { workers, env: { ...process.env } };
  // However the thread ends, the app hears of it as a failed result.
  const thread = startAppThread<WorkerMessage>('coordinator', data, (failure) => ({ result: { stacks: [], problems: [], failure } }));
  return {
    workers,
    assign: (taskFile) => thread.post({ taskFile } satisfies CoordinatorOrder),
    receive: thread.receive,
    next: thread.next,
    stop: () => thread.post(STOP satisfies CoordinatorOrder),
  };
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

  /**
   * Whether a thread of its own writes the HCL (`hcl-writer.ts`) while the engine synthesizes the next
   * batches: for a process with a core to spare. @default false
   */
  readonly hclThread?: boolean;

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
  // One scratch folder for every batch: each batch's stacks are moved out of it and the engine rewrites
  // its manifest, so nothing of one batch is left for the next.
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const offline = options.offline ?? false;
  const hcl = options.hclThread ? hclThread(staging, offline) : hclHere(staging, offline);
  let failure: string | undefined;
  try {
    for (let start = 0; start < environments.length; start += size) {
      const batch = environments.slice(start, start + size);
      const write = problems.length === 0;
      const written = withoutTokenStackTraces(() => synthesizeBatch(staging, scratch, config, batch, write, hcl, options));
      if (written instanceof ValidationError) problems.push(...written.problems);
      else reports.push(...written);
      options.onWritten?.(batch.length);
    }
  } finally {
    // Every stack's HCL is written (or failed) before the staging folder is used, or removed.
    failure = hcl.finish();
    rmSync(scratch, { recursive: true, force: true });
  }
  if (failure) throw new Error(failure);
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
  hcl: HclWriter,
  options: Pick<BatchOptions, 'configDir'>,
): StackReport[] | ValidationError {
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
    hcl,
  );
}

/** Moves the named stacks, which the engine synthesized into `scratch`, into `staging`, with their HCL. */
function collectStacks(staging: string, scratch: string, names: readonly string[], hcl: HclWriter): StackReport[] {
  const manifest = JSON.parse(readFileSync(join(scratch, 'manifest.json'), 'utf8')) as {
    version: string;
    stacks: Record<string, StackManifestEntry>;
  };
  return names.map((name) => {
    renameSync(join(scratch, 'stacks', name), join(staging, 'stacks', name));
    hcl.write(name);
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
      hclHere(staging, offline),
    );
  } finally {
    forgetTokensSince(mark);
    rmSync(scratch, { recursive: true, force: true });
  }
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
