import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { MARKER, openOutput } from '../../src/app/output-dir';
import { synthesizeAtomically, synthesizeConfig } from '../../src/app/synthesize';
import { UsageError } from '../../src/core/problem';
import { snapshot, writeTree } from '../support/files';

const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-outdir-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const fresh = (name: string) => join(work, `${name}-${++count}`);

/** Commits files (path -> content) into `dir` as one synth would; returns the notices. */
function commitFiles(dir: string, files: Record<string, string>, orphans?: 'remove' | 'leave'): string[] {
  const output = openOutput(dir);
  writeTree(output.stage(), files);
  return output.commit({ orphans });
}

/** The snapshot without the marker (which lists the entries, and changes with every commit). */
const content = (dir: string) => Object.fromEntries(Object.entries(snapshot(dir)).filter(([k]) => k !== MARKER));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected the output folder to be refused');
}

const USER_FILES = { 'thesis.tex': '\\documentclass{article}', 'photos/cat.jpg': '\u00ff\u00d8binary', 'photos/.hidden': 'x' };

describe('an existing path that synth did not write is refused, and left byte for byte as it was', () => {
  test("a folder of the user's files (a full synth, not only the check)", () => {
    const dir = fresh('user');
    writeTree(dir, USER_FILES);
    const before = snapshot(dir);
    expect(refusal(() => synthesizeConfig({ configFile: 'config/default.yaml', outdir: dir, environments: ['dev'] }))).toMatch(
      /--out: holds files cdktf-cognito did not write \(photos\/, thesis\.tex\); received ".*". Fix: choose a new or empty folder/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test('a file', () => {
    const dir = fresh('file');
    writeTree(dir, { 'notes.txt': 'mine' });
    expect(refusal(() => openOutput(join(dir, 'notes.txt')))).toMatch(/--out: is a file, not a folder/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  test('a symbolic link, to a folder of files or to an output folder: neither is replaced by a folder', () => {
    const dir = fresh('link');
    writeTree(join(dir, 'target'), USER_FILES);
    commitFiles(join(dir, 'output'), { 'manifest.json': '{"stacks":{}}' });
    symlinkSync(join(dir, 'target'), join(dir, 'to-files'));
    symlinkSync(join(dir, 'output'), join(dir, 'to-output'));
    const before = snapshot(dir);
    const message = refusal(() => openOutput(join(dir, 'to-files'), { label: 'CDKTF_OUTDIR' }));
    expect(message).toMatch(/^Cannot use the output folder[^]*CDKTF_OUTDIR: is a symbolic link; .*Fix: give the folder it points to/);
    expect(refusal(() => openOutput(join(dir, 'to-output')))).toMatch(/--out: is a symbolic link/);
    expect(snapshot(dir)).toEqual(before);
  });

  test("the configuration's folder, even when it holds nothing else", () => {
    const dir = fresh('config');
    writeTree(dir, { 'my.yaml': 'environments: []' });
    const before = snapshot(dir);
    expect(refusal(() => synthesizeConfig({ configFile: join(dir, 'my.yaml'), outdir: dir }))).toMatch(
      /--out: holds the configuration file .*my\.yaml/,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  test('the current folder, any folder holding it, and an empty name', () => {
    expect(refusal(() => openOutput('.'))).toMatch(/--out: is the folder you run in, or holds it; received "\."/);
    expect(refusal(() => openOutput('..'))).toMatch(/is the folder you run in, or holds it/);
    expect(refusal(() => openOutput('/'))).toMatch(/is the folder you run in, or holds it/);
    expect(refusal(() => openOutput(''))).toMatch(/--out: must name a folder \(an empty value would mean the current folder\); received ""/);
    expect(refusal(() => openOutput('  '))).toMatch(/must name a folder/);
    expect(existsSync(MARKER)).toBe(false);
  });

  test('a missing parent is a clear error, and nothing is created', () => {
    const dir = fresh('parent');
    expect(refusal(() => openOutput(join(dir, 'a', 'out')))).toMatch(/its parent folder .*parent-\d+\/a does not exist; .*Fix: create .* first/);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('what synth may write into', () => {
  test('a new folder, then the same folder again: the output is replaced, entry by entry', () => {
    const dir = fresh('new');
    commitFiles(dir, { 'manifest.json': 'one', 'stacks/dev/cdk.tf.json': 'dev-1', 'stacks/dev/assets/a.zip': 'zip-1' });
    commitFiles(dir, { 'manifest.json': 'two', 'stacks/dev/cdk.tf.json': 'dev-2', 'stacks/dev/assets/b.zip': 'zip-2' });
    expect(content(dir)).toEqual({
      'manifest.json': Buffer.from('two').toString('base64'),
      stacks: 'dir 755',
      'stacks/dev': 'dir 755',
      'stacks/dev/assets': 'dir 755',
      'stacks/dev/assets/b.zip': Buffer.from('zip-2').toString('base64'),
      'stacks/dev/cdk.tf.json': Buffer.from('dev-2').toString('base64'),
    });
    expect(JSON.parse(readFileSync(join(dir, MARKER), 'utf8')).entries).toEqual(['stacks/dev/assets', 'stacks/dev/cdk.tf.json', 'manifest.json']);
  });

  test('a stack that loses its assets keeps its folder, with no notice: it is still synthesized', () => {
    const dir = fresh('assets-gone');
    commitFiles(dir, { 'manifest.json': '1', 'stacks/dev/cdk.tf.json': 'dev-1', 'stacks/dev/assets/a.zip': 'zip' });
    expect(commitFiles(dir, { 'manifest.json': '2', 'stacks/dev/cdk.tf.json': 'dev-2' })).toEqual([]);
    expect(readdirSync(join(dir, 'stacks/dev'))).toEqual(['cdk.tf.json']);
  });

  test('an empty folder', () => {
    const dir = fresh('empty');
    mkdirSync(dir);
    commitFiles(dir, { 'manifest.json': '{}' });
    expect(readdirSync(dir).sort()).toEqual([MARKER, 'manifest.json']);
  });

  test("the output of an earlier version (no marker) is adopted: its files are replaced, Terraform's are kept", () => {
    const dir = fresh('legacy');
    writeTree(dir, {
      'manifest.json': '{"version":"0.21.0","stacks":{"dev":{},"old":{}}}',
      'stacks/dev/cdk.tf.json': 'old dev',
      'stacks/dev/terraform.tfstate': 'local state',
      'stacks/old/cdk.tf.json': 'old stack',
      'hcl/dev/main.tf': 'old hcl',
    });
    const notices = commitFiles(dir, { 'manifest.json': '{"stacks":{"dev":{}}}', 'stacks/dev/cdk.tf.json': 'new dev', 'hcl/dev/main.tf': 'new hcl' });
    expect(notices).toEqual([]);
    expect(readFileSync(join(dir, 'stacks/dev/cdk.tf.json'), 'utf8')).toBe('new dev');
    expect(readFileSync(join(dir, 'stacks/dev/terraform.tfstate'), 'utf8')).toBe('local state');
    expect(existsSync(join(dir, 'stacks/old'))).toBe(false);
  });

  test("Terraform's files in a stack folder (.terraform/, lock file, local state) and the user's files survive every synth", () => {
    const dir = fresh('terraform');
    commitFiles(dir, { 'manifest.json': '1', 'stacks/dev/cdk.tf.json': 'dev-1', 'stacks/gone/cdk.tf.json': 'g', 'stacks/bare/cdk.tf.json': 'b' });
    const kept = {
      'stacks/dev/.terraform/providers/aws': 'binary',
      'stacks/dev/.terraform.lock.hcl': 'lock',
      'stacks/dev/terraform.dev.tfstate': '{"serial": 7}',
      'stacks/gone/terraform.tfstate': '{"resources": ["pool"]}',
      'README.txt': 'my notes',
    };
    writeTree(dir, kept);
    const notices = commitFiles(dir, { 'manifest.json': '2', 'stacks/dev/cdk.tf.json': 'dev-2' });
    for (const [path, text] of Object.entries(kept)) expect(readFileSync(join(dir, path), 'utf8')).toBe(text);
    expect(readFileSync(join(dir, 'stacks/dev/cdk.tf.json'), 'utf8')).toBe('dev-2');
    // A removed stack's generated file goes; its folder stays while it holds state, and the user is told.
    expect(existsSync(join(dir, 'stacks/gone/cdk.tf.json'))).toBe(false);
    expect(existsSync(join(dir, 'stacks/bare'))).toBe(false);
    const keptNotice = /stacks\/gone: its stack is no longer synthesized; kept because it holds files synth did not write \(terraform\.tfstate\)/;
    expect(notices).toEqual([expect.stringMatching(keptNotice)]);
  });

  test('orphans "leave" (the cdktf CLI removes them itself) keeps a removed stack\'s folder in stacks/, still listed as ours', () => {
    const dir = fresh('leave');
    commitFiles(dir, { 'manifest.json': '1', 'stacks/dev/cdk.tf.json': 'd', 'stacks/prod/cdk.tf.json': 'p', 'hcl/dev/main.tf': 'd' });
    commitFiles(dir, { 'manifest.json': '2', 'stacks/prod/cdk.tf.json': 'p2' }, 'leave');
    expect(readFileSync(join(dir, 'stacks/dev/cdk.tf.json'), 'utf8')).toBe('d');
    expect(existsSync(join(dir, 'hcl/dev'))).toBe(false);
    commitFiles(dir, { 'manifest.json': '3', 'stacks/prod/cdk.tf.json': 'p3' });
    expect(readdirSync(join(dir, 'stacks'))).toEqual(['prod']);
  });

  test('a failed run after staging leaves the previous output byte for byte, and a folder it created is removed', () => {
    const dir = fresh('failed');
    commitFiles(dir, { 'manifest.json': 'old', 'stacks/dev/cdk.tf.json': 'old' });
    const before = snapshot(dir);
    const boom = () => {
      throw new Error('engine failed');
    };
    expect(() => synthesizeAtomically(dir, boom)).toThrow('engine failed');
    expect(snapshot(dir)).toEqual(before);
    const created = fresh('failed-new');
    expect(() => synthesizeAtomically(created, boom)).toThrow('engine failed');
    expect(existsSync(created)).toBe(false);
  });
});

describe('an interrupted run is finished or undone by the next one, and its leftovers removed', () => {
  const OLD = { 'manifest.json': 'old', 'stacks/a/cdk.tf.json': 'old a', 'stacks/b/cdk.tf.json': 'old b', 'stacks/b/assets/f.zip': 'old f' };
  const NEW = { 'manifest.json': 'new', 'stacks/a/cdk.tf.json': 'new a', 'stacks/a/assets/x.zip': 'new x', 'stacks/c/cdk.tf.json': 'new c' };
  const USER = { 'stacks/a/terraform.tfstate': 'state of a', 'stacks/a/.terraform/p': 'provider', 'notes.txt': 'notes' };
  // A first synth into a folder: stacks/ and hcl/ move in whole, each in one rename.
  const FIRST = { 'manifest.json': 'old' };
  const FIRST_NEW = { ...NEW, 'stacks/d/cdk.tf.json': 'new d', 'hcl/a/main.tf': 'new a', 'hcl/c/main.tf': 'new c' };
  const script = resolve('__tests__/support/interrupted-commit.ts');
  const expected = (files: Record<string, string>, user: Record<string, string>) => {
    const dir = fresh('expected');
    commitFiles(dir, files);
    writeTree(dir, user);
    return content(dir);
  };
  const run = (dir: string, killAt: number, files: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', script, dir, String(killAt), JSON.stringify(files)], { encoding: 'utf8' });

  test.each([
    ['stack by stack, into an output', OLD, NEW, USER],
    ['whole folders, into an output without stacks/ or hcl/', FIRST, FIRST_NEW, { 'notes.txt': 'notes' }],
  ])(
    'a kill at every rename of the commit (%s): the next run ends with exactly the old or the new output, user files intact',
    (_, old, next, user) => {
      const renames = Number(run(commitOld(old, user), 0, next).stdout.trim());
      expect(renames).toBeGreaterThan(5);
      const [oldOutput, newOutput] = [expected(old, user), expected(next, user)];
      const outcomes: string[] = [];
      for (let killAt = 1; killAt <= renames; killAt++) {
        const dir = commitOld(old, user);
        expect(run(dir, killAt, next).signal).toBe('SIGKILL');
        openOutput(dir).discard(); // the next run: recovers before anything else
        const after = content(dir);
        expect(after).toEqual(after['manifest.json'] === oldOutput['manifest.json'] ? oldOutput : newOutput);
        expect(readdirSync(dir).filter((n) => n.startsWith('.cdktf-cognito') && n !== MARKER)).toEqual([]);
        outcomes.push(after['manifest.json'] === oldOutput['manifest.json'] ? 'old' : 'new');
        // And the folder works on: a later commit replaces whatever the interrupted one left.
        commitFiles(dir, { 'manifest.json': 'later' });
        const stacksLeft = existsSync(join(dir, 'stacks')) ? readdirSync(join(dir, 'stacks')).sort() : [];
        expect(stacksLeft).toEqual(Object.keys(user).some((f) => f.startsWith('stacks/a/')) ? ['a'] : []);
        for (const [file, text] of Object.entries(user)) expect(readFileSync(join(dir, file), 'utf8')).toBe(text);
      }
      // Killed before its journal was written, a run changes nothing; after, the next run finishes it.
      expect(outcomes[0]).toBe('old');
      expect(outcomes.at(-1)).toBe('new');
    },
    120000,
  );

  function commitOld(files: Record<string, string>, user: Record<string, string>): string {
    const dir = fresh('killed');
    commitFiles(dir, files);
    writeTree(dir, user);
    return dir;
  }

  test("earlier versions' swap killed between its two renames: the next run, even a failing one, puts the output back", () => {
    const dir = fresh('half-swapped');
    const legacy = { 'manifest.json': '{"stacks":{"dev":{}}}', 'stacks/dev/cdk.tf.json': '{}', 'hcl/dev/main.tf': '' };
    writeTree(`${dir}.previous`, legacy);
    writeTree(join(work, '.cdktf-out-staging-AbC123'), legacy);
    writeTree(join(work, '.cdktf-out-staging-user'), { 'mine.txt': 'not an output' });
    writeTree(join(work, '.cdktf-out-staging-running'), legacy); // another synth of the earlier version, at work
    const hourAgo = new Date(Date.now() - 3600_000);
    for (const name of ['.cdktf-out-staging-AbC123', '.cdktf-out-staging-user']) utimesSync(join(work, name), hourAgo, hourAgo);
    const before = snapshot(`${dir}.previous`);
    expect(() => synthesizeConfig({ configFile: join(work, 'missing.yaml'), outdir: dir })).toThrow(/missing\.yaml: cannot be read/);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(`${dir}.previous`)).toBe(false);
    expect(existsSync(join(work, '.cdktf-out-staging-AbC123'))).toBe(false);
    expect(readFileSync(join(work, '.cdktf-out-staging-user', 'mine.txt'), 'utf8')).toBe('not an output');
    expect(existsSync(join(work, '.cdktf-out-staging-running', 'manifest.json'))).toBe(true);
  });

  test("a lock left by a killed run is taken over; a running synth's lock is respected", async () => {
    const dir = fresh('locked');
    commitFiles(dir, { 'manifest.json': '1' });
    const dead = spawnSync('true').pid!;
    writeFileSync(join(dir, '.cdktf-cognito.lock'), String(dead));
    commitFiles(dir, { 'manifest.json': '2' });
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(join(dir, '.cdktf-cognito.lock'), String(sleeper.pid));
      expect(refusal(() => openOutput(dir))).toMatch(new RegExp(`is being written by another synth \\(process ${sleeper.pid}\\)`));
      expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe('2');
    } finally {
      sleeper.kill();
    }
  });
});
