import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse } from 'yaml';

/** The repository root. */
export const ROOT = resolve(__dirname, '../..');

/** The outcome of one pipeline.sh run. */
export interface PipelineRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs scripts/pipeline.sh as CI would (executed directly, so its mode and shebang count) from `cwd`,
 * which is never the repository: the script must find its own way there. The caller's CDKTF_OUTDIR and
 * PIPELINE_WORKDIR are dropped, so a test only ever writes where it says.
 */
export function runPipeline(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): PipelineRun {
  const { CDKTF_OUTDIR: _out, PIPELINE_WORKDIR: _work, ...inherited } = process.env;
  const result = spawnSync(join(ROOT, 'scripts/pipeline.sh'), args, {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...inherited, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder, and its removal. */
export function tempDir(): { readonly dir: string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-pipeline-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The parts of a GitHub Actions workflow the tests look at. */
export interface Workflow {
  readonly on: Record<string, { branches?: string[] } | null>;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; 'cancel-in-progress': boolean | string };
  readonly jobs: Record<string, WorkflowJob>;
}

export interface WorkflowJob {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly environment?: string;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { group: string; 'cancel-in-progress': boolean | string };
  readonly strategy?: { matrix: Record<string, unknown> };
  readonly outputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly steps: readonly WorkflowStep[];
}

export interface WorkflowStep {
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number | boolean>;
}

/** .github/workflows/cognito.yml, parsed. */
export function loadWorkflow(): Workflow {
  return parse(readFileSync(join(ROOT, '.github/workflows/cognito.yml'), 'utf8')) as Workflow;
}
