import { chmodSync, existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { App } from '../engine';

/** Where one stack went. */
export interface SynthesizedStack {
  readonly name: string;
  /** The folder holding the stack's Terraform JSON, relative to the working directory. */
  readonly dir: string;
}

/**
 * Builds the app into a fresh folder beside `outdir` and, only when every stack synthesized, swaps it in
 * whole. A failed run throws and leaves the previous output exactly as it was.
 */
export function synthesizeAtomically(outdir: string, build: (app: App) => void): SynthesizedStack[] {
  const target = resolve(outdir);
  const staging = mkdtempSync(join(dirname(target), '.cdktf-out-staging-'));
  chmodSync(staging, 0o755); // mkdtemp makes it private; the output is meant to be read by pipelines
  try {
    const app = new App({ outdir: staging, skipValidation: false });
    build(app);
    app.synth();
    const previous = `${target}.previous`;
    rmSync(previous, { recursive: true, force: true });
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const stacksDir = join(outdir, 'stacks');
  return readdirSync(stacksDir).sort().map((name) => ({ name, dir: join(stacksDir, name) }));
}
