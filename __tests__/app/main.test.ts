import { spawnSync, SpawnSyncOptions } from 'child_process';
import { chmodSync, chownSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { snapshot, writeTree } from '../support/files';

/** The command line, run as users run it: its own process, exit code and output. */
const tsx = resolve('node_modules/.bin/tsx');
const main = resolve('main.ts');
const tryOut = resolve('config/try-out.yaml');
const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-main-'));
afterAll(() => {
  spawnSync('chmod', ['-R', 'u+w', work]);
  rmSync(work, { recursive: true, force: true });
});

function synth(args: string[], options: SpawnSyncOptions & { prefix?: string[] } = {}) {
  const { prefix = [], ...spawnOptions } = options;
  const [command, ...rest] = [...prefix, tsx, main, ...args];
  const run = spawnSync(command, rest, { encoding: 'utf8', timeout: 60000, ...spawnOptions, env: { ...process.env, ...spawnOptions.env } });
  return { code: run.status, signal: run.signal, stdout: String(run.stdout), stderr: String(run.stderr) };
}

describe('options and exit codes: 0 done, 1 problems found, 2 usage', () => {
  test('--help prints every option and the exit codes, and exits 0', () => {
    const run = synth(['--help']);
    expect(run.code).toBe(0);
    for (const option of ['--config FILE', '--env NAME', '--out DIR', '--help', 'CDKTF_OUTDIR', 'Exit codes: 0 done; 1 problems found'])
      expect(run.stdout).toContain(option);
  });

  test.each([
    [['--bogus'], /Unknown option '--bogus'\nRun with --help for the options/],
    [['stray'], /Unexpected argument 'stray'/],
    [
      ['--env', 'production', '--out', join(work, 'never')],
      /--env production: is not an environment of the configuration; received "production". Fix: use one of dev, staging, prod/,
    ],
    [['--config', work, '--out', join(work, 'never')], /--config: must be a regular file; this is a folder/],
  ])('%j is a usage error: exit 2 with what is wrong', (args, message) => {
    const run = synth(args);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.code).toBe(2);
    expect(readdirSync(work).filter((n) => n.startsWith('never'))).toEqual([]);
  });

  test('a FIFO as --config is refused at once, instead of waiting for a writer forever', () => {
    const fifo = join(work, 'config.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = synth(['--config', fifo, '--out', join(work, 'never')], { timeout: 30000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toMatch(/--config: must be a regular file; this is a named pipe \(FIFO\); received ".*config\.fifo"/);
    expect(run.code).toBe(2);
  });

  test('a configuration problem exits 1 with every problem', () => {
    const file = join(work, 'bad.yaml');
    writeTree(work, {
      'bad.yaml': 'environments:\n  - { name: dev, accountId: "111111111111", region: eu-west-1, pool: { mfa: ALWAYS, mfaa: 1 } }\n',
    });
    const run = synth(['--config', file, '--out', join(work, 'never')]);
    expect(run.stderr).toMatch(/\(2 problems\)/);
    expect(run.stderr).toMatch(/environments\[0\]\.pool\.mfa: must be one of/);
    expect(run.code).toBe(1);
  });
});

describe('in a clone of the repository, no spelling of "here" replaces it', () => {
  const clone = join(work, 'clone');
  writeTree(clone, {
    '.git/HEAD': 'ref: refs/heads/main\n',
    'src/index.ts': 'export {};\n',
    'uncommitted.txt': 'work in progress',
    'config/default.yaml': 'environments: []\n',
  });
  copyFileSync(tryOut, join(clone, 'config', 'try-out.yaml'));

  test.each([
    ['CDKTF_OUTDIR= (empty)', [], { CDKTF_OUTDIR: '' }, /CDKTF_OUTDIR: is set but empty \(it would mean the current folder\); received ""/],
    ['--out .', ['--out', '.'], {}, /--out: is the folder you run in, or holds it; received "\."/],
    ['--out ""', ['--out', ''], {}, /--out: must name a folder/],
    ['--out ..', ['--out', '..'], {}, /--out: is the folder you run in, or holds it/],
    ["--out config (the configuration's folder)", ['--out', 'config'], {}, /--out: holds the configuration file .*try-out\.yaml/],
    ['--out src (a folder of files)', ['--out', 'src'], {}, /--out: holds files cdktf-cognito did not write \(index\.ts\)/],
  ])('%s: exit 2, the clone byte for byte as it was', (_name, args, env, message) => {
    const before = snapshot(clone);
    const run = synth(['--config', 'config/try-out.yaml', ...args], { cwd: clone, env });
    expect(run.stderr).toMatch(message);
    expect(run.code).toBe(2);
    expect(snapshot(clone)).toEqual(before);
  });
});

describe('an output folder the user may not write: a clear error, and the previous output unchanged', () => {
  // Root ignores permissions: run synth as nobody (setpriv), on folders nobody owns.
  const asRoot = process.getuid?.() === 0;
  const prefix = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];
  const base = join(work, 'unprivileged');
  chmodSync(work, 0o755); // mkdtemp made it private: nobody could not reach base
  mkdirSync(base);
  if (asRoot) chownSync(base, 65534, 65534);
  chmodSync(base, 0o755);
  const out = join(base, 'out');
  const asUser = (args: string[]) => synth(['--config', tryOut, '--out', out, ...args], { prefix, cwd: base, env: { HOME: base } });

  test('a read-only output folder, then a read-only stack folder inside a writable one', () => {
    const first = asUser([]);
    expect(first.stderr).not.toMatch(/Error/);
    expect(first.code).toBe(0);
    for (const locked of [out, join(out, 'stacks', 'try')]) {
      spawnSync('chmod', ['-R', 'u+w', out]);
      chmodSync(locked, 0o555);
      const before = snapshot(out);
      const run = asUser([]);
      const refused = /Cannot use the output folder \(1 problem\):\n {2}- --out: (is not writable|cannot be updated: stacks\/try is not writable)/;
      expect(run.stderr).toMatch(refused);
      expect(run.stderr).not.toMatch(/EACCES|\n\s+at /);
      expect(run.code).toBe(2);
      expect(snapshot(out)).toEqual(before);
      expect(readdirSync(base).sort()).toEqual(['out']);
    }
  });
});
