/**
 * Writes the offline working copy of one synthesized stack, for `scripts/pipeline.sh plan STACK --offline`:
 *
 *   npx tsx src/terraform/offline-cli.ts cdktf.out/stacks/dev/cdk.tf.json .pipeline/offline/dev
 *
 * The folder gets `main.tf.json` (the stack through {@link offlineCopy}: mirrored provider, fake
 * credentials, no assume_role, no backend) and `offline.tfrc` (a CLI configuration that installs providers
 * from the local mirror only). The CLI configuration's path is printed on stdout, for TF_CLI_CONFIG_FILE.
 * The stack's `assets/` are not copied: the caller owns the folder's other contents.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { offlineCopy, writeCliConfig } from './offline';

const USAGE = 'usage: tsx src/terraform/offline-cli.ts STACK_CDK_TF_JSON OUTPUT_DIR';

function main(args: readonly string[]): void {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    console.log(
      `${USAGE}\n\nWrites the offline working copy of a synthesized stack (fake credentials, the provider mirror, no\nbackend) and prints the path of its Terraform CLI configuration. Exit codes: 0 written, 1 failed, 2 usage.`,
    );
    return;
  }
  if (args.length !== 2 || args.some((arg) => arg.startsWith('-'))) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const [stackFile, outDir] = args.map((arg) => resolve(arg));
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(stackFile, 'utf8'));
  } catch (error) {
    console.error(`cannot read the synthesized stack ${stackFile}: ${(error as Error).message}\nRun the synth first.`);
    process.exitCode = 1;
    return;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    console.error(`${stackFile} is not a Terraform JSON configuration (expected an object): synthesize it again.`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'main.tf.json'), JSON.stringify(offlineCopy(config), null, 2));
  console.log(writeCliConfig(outDir));
}

main(process.argv.slice(2));
