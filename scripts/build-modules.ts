/**
 * Writes the Terraform module `modules/cognito-user-pool` from the library's constructs
 * (`src/module/build-module.ts`). Run it after changing a default, a rule or a render function; a test
 * fails while the committed module differs from what this writes.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { generateModule, MODULE_DIR } from '../src/module/build-module';
import { builtInPackages } from '../src/module/triggers-module';
import { noArguments } from './command-line';

noArguments(`
Usage: npm run build:modules

Writes the Terraform module modules/cognito-user-pool from the library's constructs. Takes no options.
Exit codes: 0 written, 1 failed, 2 usage.`);

const dir = join(__dirname, '..', MODULE_DIR);
mkdirSync(dir, { recursive: true });
// The module's files, and the packages of the ready-made trigger handlers it ships.
for (const [file, content] of [...Object.entries(generateModule()), ...Object.entries(builtInPackages())]) {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), content);
  process.stdout.write(`${join(MODULE_DIR, file)}\n`);
}
