import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';

/**
 * scripts/run.js, what `npm run synth` runs: a TypeScript entry compiled once into
 * node_modules/.cache/cdktf-cognito/ and compiled again exactly when something it was built from changes.
 */
const ROOT = resolve(__dirname, '../..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'cdktf-cognito');
// Inside the project (git-ignored .tmp/), so that the entry resolves the project's packages.
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const dir = mkdtempSync(join(ROOT, '.tmp', 'run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = join(dir, 'entry.ts');
const name = `${dir
  .slice(ROOT.length + 1)
  .split('/')
  .join('-')
  .replace(/[^A-Za-z0-9_-]/g, '_')}-entry`;
const record = () => JSON.parse(readFileSync(join(CACHE, `${name}.json`), 'utf8')) as { bundle: string; inputs: string[] };

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run.js'), entry, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/run.js', () => {
  writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'hello';\n");
  writeFileSync(
    entry,
    "import { greeting } from './greeting';\nimport { z } from 'zod';\nconsole.log(JSON.stringify({ greeting, args: process.argv.slice(2), dir: __dirname, zod: typeof z.string }));\n",
  );

  test("runs the entry compiled, with its arguments, its own __dirname and the project's packages", () => {
    const first = run('--out', 'x');
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(first.stdout)).toEqual({ greeting: 'hello', args: ['--out', 'x'], dir, zod: 'function' });
    expect(record().inputs).toEqual([entry, join(dir, 'greeting.ts')].map((f) => f.slice(ROOT.length + 1)).sort());
  });

  test('reuses the bundle while nothing changed, and rebuilds it when an imported file changes', () => {
    const before = record().bundle;
    expect(JSON.parse(run().stdout).greeting).toBe('hello');
    expect(record().bundle).toBe(before);
    writeFileSync(join(dir, 'greeting.ts'), "export const greeting: string = 'changed';\n");
    expect(JSON.parse(run().stdout).greeting).toBe('changed');
    expect(record().bundle).not.toBe(before);
  });

  test('an error the entry throws is shown, and the run exits 1', () => {
    writeFileSync(join(dir, 'greeting.ts'), "throw new Error('broken on purpose');\nexport const greeting = '';\n");
    const broken = run();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('broken on purpose');
  });
});
