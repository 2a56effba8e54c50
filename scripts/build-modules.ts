/**
 * Writes the Terraform modules `modules/cognito-user-pool` (`src/module/build-module.ts`) and
 * `modules/cognito-managed-login-branding` (`src/module/build-branding-module.ts`) from the library's
 * constructs. Run it after changing a default, a rule or a render function; a test
 * fails while the committed module differs from what this writes.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { BRANDING_MODULE_DIR, generateBrandingModule } from '../src/module/build-branding-module';
import { generateModule, MODULE_DIR } from '../src/module/build-module';
import { builtInPackages } from '../src/module/triggers-module';
import { noArguments } from './command-line';

noArguments(`
Usage: npm run build:modules

Writes the Terraform modules modules/cognito-user-pool and modules/cognito-managed-login-branding from the library's
constructs. Takes no options.
Exit codes: 0 written, 1 failed, 2 usage.`);

// Each module's files, and the packages of the ready-made trigger handlers the user pool module ships.
const modules: [string, Record<string, string | Buffer>][] = [
  [MODULE_DIR, { ...generateModule(), ...builtInPackages() }],
  [BRANDING_MODULE_DIR, generateBrandingModule()],
];
for (const [moduleDir, files] of modules) {
  const dir = join(__dirname, '..', moduleDir);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
    process.stdout.write(`${join(moduleDir, file)}\n`);
  }
}
