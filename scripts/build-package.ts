/**
 * Builds the npm package: the library's sources (src/index.ts and what it imports, plus the ready-made
 * trigger handlers) compiled to dist/ with declarations, after removing the previous dist/.
 */
import { spawnSync } from 'child_process';
import { rmSync } from 'fs';
import { join } from 'path';
import { noArguments } from './command-line';

noArguments(`
Usage: npm run build

Compiles the library to dist/ (JavaScript and declarations), as tsconfig.build.json says: what npm pack
ships (npm pack runs it first). Takes no options. Exit codes: 0 built, 1 compile errors, 2 usage.`);

const root = join(__dirname, '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
process.exitCode = tsc.status === 0 ? 0 : 1;
