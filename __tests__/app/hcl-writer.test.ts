import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { hclHere, hclThread } from '../../src/app/hcl-writer';

const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-hcl-writer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A Terraform JSON stack with one resource, an output and an asset file. */
const stackJson = (name: string) =>
  JSON.stringify(
    {
      resource: { aws_cognito_user_pool: { pool: { name, deletion_protection: 'ACTIVE' } } },
      output: { pool_id: { value: '${aws_cognito_user_pool.pool.id}' } },
    },
    null,
    2,
  );

/** A staging folder as synth-stacks.ts leaves it for the writer: `stacks/<name>/cdk.tf.json`, and assets. */
function staging(name: string, stacks: Record<string, string>): string {
  const dir = join(work, name);
  for (const [stack, json] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'stacks', stack, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'stacks', stack, 'cdk.tf.json'), json);
    writeFileSync(join(dir, 'stacks', stack, 'assets', 'handler.zip'), `zip of ${stack}`);
  }
  return dir;
}

/** Every file under `hcl/`, with its content. */
const hclFiles = (dir: string) =>
  Object.fromEntries(
    readdirSync(join(dir, 'hcl'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [file.slice(dir.length), readFileSync(file, 'utf8')];
      }),
  );

describe('the HCL of synthesized stacks, written here or by a thread of its own', () => {
  const stacks = Object.fromEntries(['a', 'b', 'c'].map((name) => [name, stackJson(`pool-${name}`)]));

  test.each([false, true])('a thread writes exactly what this thread writes (offline: %s)', (offline) => {
    const here = staging(`here-${offline}`, stacks);
    const there = staging(`thread-${offline}`, stacks);
    const [inline, thread] = [hclHere(here, offline), hclThread(there, offline)];
    for (const name of Object.keys(stacks)) {
      inline.write(name);
      thread.write(name);
    }
    expect([inline.finish(), thread.finish()]).toEqual([undefined, undefined]);
    const written = hclFiles(there);
    expect(Object.keys(written).sort()).toEqual(['a', 'b', 'c'].flatMap((s) => [`/hcl/${s}/assets/handler.zip`, `/hcl/${s}/main.tf`]));
    expect(written['/hcl/b/main.tf']).toContain('resource "aws_cognito_user_pool" "pool" {');
    expect(written).toEqual(hclFiles(here));
    // Offline, the JSON is rewritten too (no backend, fake credentials), the same way.
    expect(readFileSync(join(there, 'stacks/a/cdk.tf.json'), 'utf8')).toBe(readFileSync(join(here, 'stacks/a/cdk.tf.json'), 'utf8'));
  });

  test("a stack the renderer refuses: finish names it and the renderer's reason, and nothing after it is written", () => {
    const dir = staging('fails', { good: stackJson('good'), bad: '{ "unknown_block": {} }', later: stackJson('later') });
    const thread = hclThread(dir, false);
    for (const name of ['good', 'bad', 'later']) thread.write(name);
    const failure = thread.finish();
    expect(failure).toMatch(/^writing HCL failed:\nbad: Error: .*"unknown_block" is not a top-level block type/);
    // Asked again, it says the same without waiting.
    expect(thread.finish()).toBe(failure);
    expect(existsSync(join(dir, 'hcl/good/main.tf'))).toBe(true);
    expect(existsSync(join(dir, 'hcl/later'))).toBe(false);
  });

  test('here, the failure is thrown by write itself', () => {
    const dir = staging('fails-here', { bad: '{ "unknown_block": {} }' });
    expect(() => hclHere(dir, false).write('bad')).toThrow(/"unknown_block" is not a top-level block type/);
  });
});
