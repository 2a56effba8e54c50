/**
 * The synth benchmark (`npm run bench`; keep BENCHMARKS.md current when you touch a hot path).
 *
 * For 1, 10, 100 and 1000 environments (a pool, an SPA client, a resource server, a machine client and
 * a prefix domain each: bench/bench-config.ts), runs the app (`npm run synth`'s command, JSON and HCL)
 * and the engine floor (bench/floor.ts: the same stacks from the provider classes directly, JSON only,
 * one process), alternately in the same run, and prints medians of wall time, peak memory of the
 * largest process and CPU time of all processes, with the app/floor ratios and the issue 14 goals.
 * Then the shipped configuration (config/default.yaml), whose goal is absolute.
 *
 *   npm run bench                         # BENCH_RUNS=5 runs of each, BENCH_SIZES=1,10,100,1000
 *
 * Memory and CPU come from every Node process of a run (bench/measure-process.js, preloaded through
 * NODE_OPTIONS, so worker processes report too). The machine is shared: the load average is printed
 * beside the numbers, and only ratios from the same run mean anything.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { loadavg, tmpdir } from 'os';
import { join, resolve } from 'path';
import { noArguments } from './command-line';
import { benchConfigYaml } from '../bench/bench-config';

noArguments(`
Usage: npm run bench

Synthesizes 1, 10, 100 and 1000 environments with the app and with the engine floor (bench/floor.ts),
alternately, and prints medians of wall time, peak memory and CPU time with their ratios, then the
shipped configuration's. Takes no options; BENCH_RUNS sets the runs of each (default 5), BENCH_SIZES the
numbers of environments (default 1,10,100,1000).
Exit codes: 0 measured, 1 a run failed, 2 usage.`);

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,1000').split(',').map(Number);
const ROOT = resolve(__dirname, '..');
const RUN = join(ROOT, 'scripts', 'run.js');
const MEASURE = join(ROOT, 'bench', 'measure-process.js');
const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-bench-'));

/** One run of a command: wall time, and what its processes reported. */
interface Sample {
  readonly wallMs: number;
  /** The peak resident memory of the largest process. */
  readonly peakMiB: number;
  /** CPU time of every process together. */
  readonly cpuMs: number;
  readonly processes: number;
}

function measure(args: readonly string[], outdir: string): Sample {
  rmSync(outdir, { recursive: true, force: true });
  const measureFile = join(work, 'measure.jsonl');
  rmSync(measureFile, { force: true });
  // The file system writes back and discards what the run before wrote and removed (thousands of files)
  // at a time of its choosing: flushed now, it is billed to no run. Measured here, without it the
  // same command's wall time varied by a third from run to run.
  spawnSync('sync');
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${MEASURE}`.trim(), BENCH_MEASURE_FILE: measureFile };
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [RUN, ...args], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  const lines = readFileSync(measureFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { maxRssKb: number; cpuMs: number });
  rmSync(outdir, { recursive: true, force: true });
  return {
    wallMs,
    peakMiB: Math.max(...lines.map((l) => l.maxRssKb)) / 1024,
    cpuMs: lines.reduce((sum, l) => sum + l.cpuMs, 0),
    processes: lines.length,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

interface Row {
  readonly size: number;
  readonly floor: Sample;
  readonly app: Sample;
}

/** Medians of each measure across runs. */
const summary = (samples: readonly Sample[]): Sample => ({
  wallMs: median(samples.map((s) => s.wallMs)),
  peakMiB: median(samples.map((s) => s.peakMiB)),
  cpuMs: median(samples.map((s) => s.cpuMs)),
  processes: Math.max(...samples.map((s) => s.processes)),
});

function benchSize(size: number): Row {
  const config = join(work, `bench-${size}.yaml`);
  writeFileSync(config, benchConfigYaml(size));
  const floorArgs = ['bench/floor.ts', String(size), join(work, 'floor-out')];
  const appArgs = ['main.ts', '--config', config, '--out', join(work, 'app-out')];
  // One warm-up of each (compiles the bundles when the sources changed, fills the file cache).
  measure(floorArgs, join(work, 'floor-out'));
  measure(appArgs, join(work, 'app-out'));
  const floor: Sample[] = [];
  const app: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    floor.push(measure(floorArgs, join(work, 'floor-out')));
    app.push(measure(appArgs, join(work, 'app-out')));
  }
  return { size, floor: summary(floor), app: summary(app) };
}

const fixed = (value: number, digits = 0): string => value.toFixed(digits);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
const loads = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

console.log(`median of ${RUNS} runs each, app and floor alternating; load average ${loads()} (2 cores: above 2, the numbers include waiting)\n`);
console.log(
  '| environments | floor wall | app wall | wall ratio | floor peak | app peak (largest process) | memory ratio | floor CPU | app CPU (all processes) |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const rows = SIZES.map((size) => {
  const row = benchSize(size);
  const { floor, app } = row;
  console.log(
    `| ${size} | ${fixed(floor.wallMs)} ms | ${fixed(app.wallMs)} ms | ${ratio(app.wallMs, floor.wallMs)} | ${fixed(floor.peakMiB)} MiB | ` +
      `${fixed(app.peakMiB)} MiB (${app.processes} process${app.processes > 1 ? 'es' : ''}) | ${ratio(app.peakMiB, floor.peakMiB)} | ` +
      `${fixed(floor.cpuMs)} ms | ${fixed(app.cpuMs)} ms |`,
  );
  return row;
});

const shipped = summary(
  Array.from({ length: RUNS + 1 }, () => measure(['main.ts', '--out', join(work, 'shipped-out')], join(work, 'shipped-out'))).slice(1),
);
console.log(
  `\nshipped configuration (config/default.yaml, 3 stacks, triggers, JSON and HCL): ${fixed(shipped.wallMs)} ms wall, ${fixed(shipped.peakMiB)} MiB, ${fixed(shipped.cpuMs)} ms CPU`,
);

const at = (size: number): Row | undefined => rows.find((r) => r.size === size);
const goals: [string, () => string | undefined][] = [
  ['1000 environments: wall <= 1.0x floor', () => at(1000) && check(at(1000)!.app.wallMs / at(1000)!.floor.wallMs, 1.0)],
  [
    '1000 environments: peak memory of the largest process <= 1.3x floor',
    () => at(1000) && check(at(1000)!.app.peakMiB / at(1000)!.floor.peakMiB, 1.3),
  ],
  ['100 environments: wall <= 1.5x floor', () => at(100) && check(at(100)!.app.wallMs / at(100)!.floor.wallMs, 1.5)],
  ['shipped configuration: < 800 ms wall', () => check(shipped.wallMs, 800, ' ms')],
  ['memory of 1000 environments <= 2x that of 100', () => at(1000) && at(100) && check(at(1000)!.app.peakMiB / at(100)!.app.peakMiB, 2)],
];
console.log(`\nload average at the end: ${loads()}`);
for (const [goal, result] of goals) console.log(`${goal}: ${result() ?? 'not measured (size not in BENCH_SIZES)'}`);

function check(value: number, limit: number, unit = 'x'): string {
  return `${value.toFixed(2)}${unit} ${value <= limit ? 'met' : 'NOT met'}`;
}

if (existsSync(work)) rmSync(work, { recursive: true, force: true });
