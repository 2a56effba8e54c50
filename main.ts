/**
 * The CDKTF app: one stack per AWS account and environment, synthesized into `cdktf.out/`.
 *
 *   npx tsx main.ts            # the embedded default configuration
 *
 * `cdktf synth` runs this file too (see cdktf.json).
 */
import { CognitoStack } from './src/app/cognito-stack';
import { DEFAULT_ENVIRONMENTS } from './src/app/default-config';
import { synthesizeAtomically } from './src/app/synthesize';

function main(): void {
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const stacks = synthesizeAtomically(outdir, (app) => {
    for (const [name, props] of Object.entries(DEFAULT_ENVIRONMENTS)) new CognitoStack(app, name, props);
  });
  for (const stack of stacks) console.log(`${stack.name}: ${stack.dir}`);
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
