import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { buildStacks, validateStacks } from '../../src/app/build-app';
import { resolveEnvironments } from '../../src/app/environments';
import { parseConfig } from '../../src/app/load-config';
import { ValidationError } from '../../src/core/problem';
import { App, Testing } from '../../src/engine';
import { renderHcl } from '../../src/hcl/render-hcl';

/** What a configuration document gives in process: the problems, or each stack as Terraform JSON and HCL. */
export type Outcome =
  { readonly problems: readonly string[] } | { readonly stacks: Readonly<Record<string, { readonly json: any; readonly hcl: string }>> };

/**
 * Checks and synthesizes a parsed configuration document as `npm run synth` does, without writing an
 * output folder: shape, environments, constructs' rules; then every stack's JSON and its HCL rendering.
 * A `ValidationError` becomes the problems; anything else is thrown (a crash is a bug).
 */
export function checkDocument(document: unknown, configDir = resolve('.')): Outcome {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-check-'));
  try {
    const config = parseConfig(document);
    const environments = resolveEnvironments(config);
    const app = new App({ outdir, skipValidation: true });
    const stacks = buildStacks(app, config, environments, configDir);
    validateStacks(stacks);
    return {
      stacks: Object.fromEntries(
        stacks.map((stack) => {
          const json = JSON.parse(Testing.synth(stack));
          return [stack.node.id, { json, hcl: renderHcl(json) }];
        }),
      ),
    };
  } catch (error) {
    if (error instanceof ValidationError) return { problems: error.problems };
    throw error;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The problems of a document (fails the test when it synthesizes). */
export function problemsOf(document: unknown, configDir?: string): readonly string[] {
  const outcome = checkDocument(document, configDir);
  if (!('problems' in outcome)) throw new Error('expected problems, but the configuration synthesizes');
  return outcome.problems;
}

/** The stacks of a document (fails the test, showing the problems, when it does not synthesize). */
export function stacksOf(document: unknown, configDir?: string): Readonly<Record<string, { readonly json: any; readonly hcl: string }>> {
  const outcome = checkDocument(document, configDir);
  if ('problems' in outcome) throw new Error(`expected a synth, got problems:\n${outcome.problems.join('\n')}`);
  return outcome.stacks;
}
