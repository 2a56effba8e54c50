import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { buildStacks, validateStacks } from './build-app';
import { resolveEnvironments, selectEnvironments } from './environments';
import { loadConfig } from './load-config';
import { AnnotationMetadataEntryType, App } from '../engine';
import { renderHcl } from '../hcl/render-hcl';

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
  /** The output folder. */
  readonly outdir: string;
}

/** Loads, checks and synthesizes a configuration: one stack per environment. */
export function synthesizeConfig(options: SynthOptions): SynthesizedStack[] {
  const config = loadConfig(options.configFile);
  const environments = selectEnvironments(resolveEnvironments(config), options.environments ?? []);
  return synthesizeAtomically(
    options.outdir,
    (app) => validateStacks(buildStacks(app, config, environments)),
    writeHcl,
  );
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

/**
 * Builds the app into a fresh folder beside `outdir` and, only when every stack synthesized, swaps it in
 * whole. A failed run throws and leaves the previous output exactly as it was.
 */
export function synthesizeAtomically(
  outdir: string,
  build: (app: App) => void,
  /** Called with the staging folder after the engine wrote it, before it replaces the output. */
  postProcess?: (stagingDir: string, stacks: readonly SynthesizedStack[]) => void,
): SynthesizedStack[] {
  const target = resolve(outdir);
  const staging = mkdtempSync(join(dirname(target), '.cdktf-out-staging-'));
  chmodSync(staging, 0o755); // mkdtemp makes it private; the output is meant to be read by pipelines
  try {
    // Validation already ran, with configuration paths in its messages (validateStacks); not twice.
    const app = new App({ outdir: staging, skipValidation: true });
    build(app);
    app.synth();
    const stacks = listStacks(staging, outdir);
    postProcess?.(staging, stacks);
    const previous = `${target}.previous`;
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
    return stacks;
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
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
