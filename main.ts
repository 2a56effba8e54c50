/**
 * The CDKTF app: one stack per AWS account and environment, as Terraform JSON (and HCL), in `cdktf.out/`.
 *
 *   npx tsx main.ts                                 # the shipped default configuration, every environment
 *   npx tsx main.ts --config my.yaml --env prod     # one environment of your configuration
 *
 * `cdktf synth` runs this file too (see cdktf.json). A failed run prints every problem, exits non-zero
 * and leaves the previous output untouched.
 */
import { parseArgs } from 'util';
import { synthesizeConfig } from './src/app/synthesize';
import { ValidationError } from './src/core/problem';

/** The configuration used when none is given. */
export const DEFAULT_CONFIG = 'config/default.yaml';

function main(): void {
  const { values } = parseArguments();
  const stacks = synthesizeConfig({ configFile: values.config!, environments: values.env, outdir: values.out! });
  for (const stack of stacks) {
    console.log(`${stack.name}: ${stack.dir} (HCL: ${stack.hclDir})`);
    for (const warning of stack.warnings) console.error(`  warning: ${warning}`);
  }
}

const USAGE = 'usage: tsx main.ts [--config FILE] [--env NAME]... [--out DIR]';

function parseArguments() {
  return parseArgs({
    options: {
      config: { type: 'string', short: 'c', default: DEFAULT_CONFIG },
      env: { type: 'string', short: 'e', multiple: true, default: [] },
      out: { type: 'string', short: 'o', default: process.env.CDKTF_OUTDIR ?? 'cdktf.out' },
    },
    strict: true,
  });
}

try {
  main();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code.startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
  } else {
    // A ValidationError lists every problem; anything else is a bug or an environment failure: show it whole.
    console.error(error instanceof ValidationError ? error.message : (error as Error).stack ?? String(error));
    process.exitCode = 1;
  }
}
