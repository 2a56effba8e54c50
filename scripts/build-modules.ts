/**
 * Writes the Terraform module `modules/cognito-user-pool` from the library's constructs
 * (`src/module/build-module.ts`). Run it after changing a default, a rule or a render function; a test
 * fails while the committed module differs from what this writes.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generateModule, MODULE_DIR } from '../src/module/build-module';
import { noArguments } from './command-line';

noArguments(`
Usage: npm run build:modules

Writes the Terraform module modules/cognito-user-pool from the library's constructs. Takes no options.
Exit codes: 0 written, 1 failed, 2 usage.`);

const dir = join(__dirname, '..', MODULE_DIR);
mkdirSync(dir, { recursive: true });
for (const [file, content] of Object.entries(generateModule())) {
  writeFileSync(join(dir, file), content);
  process.stdout.write(`${join(MODULE_DIR, file)}\n`);
}
