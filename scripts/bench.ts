/**
 * The synth benchmark: runs each command several times in this same run and prints medians and ratios
 * against the baseline (the engine synthesizing an empty stack), so the numbers compare across machines.
 * `npm run bench`; keep BENCHMARKS.md current when you touch a hot path.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { noArguments } from './command-line';

noArguments(`
Usage: npm run bench

Times each synth case several times in this run and prints medians and ratios against the baseline (an
empty stack). Takes no options; BENCH_RUNS sets the number of runs (default 7).
Exit codes: 0 measured, 1 a case failed, 2 usage.`);

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const out = mkdtempSync(join(tmpdir(), 'bench-synth-'));
const tsx = join('node_modules', '.bin', 'tsx');

const cases: { name: string; args: string[] }[] = [
  { name: 'node startup (floor)', args: ['node', '-e', '0'] },
  { name: 'baseline: empty stack (engine + provider)', args: [tsx, 'bench/empty-stack.ts'] },
  { name: 'npm run synth: default config, 3 stacks', args: [tsx, 'main.ts', '--out', join(out, 'all')] },
  { name: 'synth one environment (--env prod)', args: [tsx, 'main.ts', '--env', 'prod', '--out', join(out, 'one')] },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const results = cases.map(({ name, args }) => {
  const times: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(args[0], args.slice(1), { encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${name} failed:\n${run.stderr}`);
    if (i > 0) times.push(ms); // the first run warms the file cache
  }
  return { name, ms: median(times) };
});
rmSync(out, { recursive: true, force: true });

const baseline = results[1].ms;
console.log(`median of ${RUNS} runs; ratio = time / baseline (${baseline.toFixed(0)} ms)\n`);
for (const r of results) console.log(`${r.name.padEnd(45)} ${r.ms.toFixed(0).padStart(6)} ms   ${(r.ms / baseline).toFixed(2)}x`);
