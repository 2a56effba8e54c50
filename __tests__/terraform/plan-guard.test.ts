import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { describeVerdict, destructiveChanges, judgePlan } from '../../src/terraform/plan-guard';
import { checkOffline } from '../../src/terraform/offline';
import { terraformState } from '../support/state';
import { terraformIt } from '../support/terraform';

/** Real plan documents of every format (0.1 to 1.2), from the shared reference material. */
const FIXTURES = join('..', 'shared', 'reference', 'plan-fixtures');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** A plan (format 1.2) with the given changes. */
function plan(...changes: [address: string, actions: string[], reason?: string][]) {
  return {
    format_version: '1.2',
    resource_changes: changes.map(([address, actions, reason]) => ({
      address,
      type: address.split('.')[0],
      change: { actions },
      ...(reason ? { action_reason: reason } : {}),
    })),
  };
}

describe('reading plans of every format', () => {
  test('the shared fixtures are here', () => {
    expect(existsSync(FIXTURES) && readdirSync(FIXTURES).length).toBeGreaterThanOrEqual(7);
  });

  test.each([
    ['terraform-json__config_resource_depends_on__plan.json', [{ address: 'null_resource.bar', type: 'null_resource', kind: 'replace' }]],
    [
      'debian-golang-github-hashicorp-terraform-json-dev-0.5.0__config_resource_depends_on__plan.json',
      [{ address: 'null_resource.bar', type: 'null_resource', kind: 'replace' }],
    ],
    ['terraform-json__110_basic__plan.json', []],
    ['terraform-json__120_basic__plan.json', []],
    [
      'terraform-json__action_reason__plan.json',
      [{ address: 'null_resource.example', type: 'null_resource', kind: 'replace', reason: 'replace_because_tainted' }],
    ],
    ['terraform-json__identity__plan.json', []],
    ['terraform-json__moved_block__plan.json', []],
  ])('%s', (name, expected) => {
    expect(destructiveChanges(fixture(name))).toEqual(expected);
  });

  test('a document that is not a plan, or of an unknown format, is an error, never "nothing found"', () => {
    expect(() => destructiveChanges({ resource_changes: [] })).toThrow(/not a Terraform plan: no format_version/);
    expect(() => destructiveChanges({ format_version: '2.0', resource_changes: [] })).toThrow(/plan format 2\.0 is newer than this reader knows/);
  });

  test('a plain delete and a create-before-destroy replacement both count', () => {
    expect(
      destructiveChanges(plan(['aws_cognito_user_pool.a', ['delete']], ['aws_cognito_user_pool.b', ['create', 'delete']])).map((c) => c.kind),
    ).toEqual(['delete', 'replace']);
  });
});

describe('judging a plan', () => {
  const replacesPool = plan(
    ['aws_cognito_user_pool.pool', ['delete', 'create'], 'replace_because_cannot_update'],
    ['aws_cognito_user_pool_client.web', ['delete', 'create']],
    ['aws_iam_role.sms', ['delete']],
  );

  test('a user pool replacement is refused, with the reason and the fix', () => {
    const verdict = judgePlan(replacesPool, 'prod', undefined);
    expect(verdict.refused.map((c) => c.address)).toEqual(['aws_cognito_user_pool.pool']);
    expect(describeVerdict(verdict, 'prod')).toEqual([
      'REFUSED: aws_cognito_user_pool.pool would be replaced (replace_because_cannot_update), and every user in it lost. Fix: undo the change that causes it (sign-in attributes and case sensitivity cannot change in place); to do it on purpose, set ALLOW_USER_POOL_DELETION=prod for this one run.',
      'warning: aws_cognito_user_pool_client.web would be replaced: clients get new ids, secrets or URLs.',
    ]);
  });

  test('permission counts only for the stack it names', () => {
    expect(judgePlan(replacesPool, 'dev', 'dev').refused).toEqual([]);
    expect(judgePlan(replacesPool, 'dev', 'dev').allowed.map((c) => c.address)).toEqual(['aws_cognito_user_pool.pool']);
    expect(judgePlan(replacesPool, 'prod', 'dev').refused.map((c) => c.address)).toEqual(['aws_cognito_user_pool.pool']);
  });

  test('the command: exit 1 when refused, 0 when allowed or harmless, 2 for a bad input', () => {
    const run = (stack: string, input: string, allow?: string) =>
      spawnSync(join('node_modules', '.bin', 'tsx'), ['src/terraform/plan-guard-cli.ts', stack], {
        input,
        encoding: 'utf8',
        env: { ...process.env, ALLOW_USER_POOL_DELETION: allow ?? '' },
      });
    const refused = run('prod', JSON.stringify(replacesPool));
    expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining('REFUSED: aws_cognito_user_pool.pool would be replaced')]);
    expect(run('prod', JSON.stringify(replacesPool), 'prod').status).toBe(0);
    expect(run('prod', JSON.stringify(plan(['aws_cognito_user_pool.pool', ['update']]))).status).toBe(0);
    const bad = run('prod', 'not json');
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('standard input is not a JSON plan')]);
  });
});

describe('a pool leaving the state, other providers, groups and malformed plans', () => {
  test.each([
    [['forget'], 'forget'],
    [['create', 'forget'], 'forget-replace'],
    [['forget', 'create'], 'forget-replace'],
  ])('a pool with actions %j is refused like a delete unless allowed', (actions, kind) => {
    const forgets = plan(['aws_cognito_user_pool.pool', actions]);
    const verdict = judgePlan(forgets, 'prod', undefined);
    expect(verdict.refused).toEqual([{ address: 'aws_cognito_user_pool.pool', type: 'aws_cognito_user_pool', kind }]);
    expect(describeVerdict(verdict, 'prod')[0]).toMatch(
      /^REFUSED: aws_cognito_user_pool\.pool would be dropped from the state \(forget\).*Fix: delete the `removed` block/,
    );
    expect(judgePlan(forgets, 'prod', 'prod').refused).toEqual([]);
  });

  test("the awscc provider's pool is guarded as the aws one is", () => {
    for (const actions of [['delete'], ['delete', 'create'], ['forget']]) {
      expect(judgePlan(plan(['awscc_cognito_user_pool.pool', actions]), 'prod', undefined).refused.map((c) => c.type)).toEqual([
        'awscc_cognito_user_pool',
      ]);
    }
    expect(judgePlan(plan(['awscc_cognito_user_pool_client.web', ['delete', 'create']]), 'prod', undefined).disruptive).toHaveLength(1);
  });

  test('group deletions are reported (not refused): members lose their claims', () => {
    const verdict = judgePlan(
      plan(['aws_cognito_user_group.admins', ['delete']], ['awscc_cognito_user_pool_group.staff', ['forget']]),
      'prod',
      undefined,
    );
    expect(verdict.refused).toEqual([]);
    expect(describeVerdict(verdict, 'prod')).toEqual([
      'warning: aws_cognito_user_group.admins would be deleted: its members lose the group (its claim, role and scopes) until it is recreated and they are added again.',
      expect.stringMatching(/^warning: awscc_cognito_user_pool_group\.staff would be dropped from the state/),
    ]);
  });

  test.each([
    [{ format_version: '1.2', resource_changes: {} }, /resource_changes must be a list, received \{\}/],
    [{ format_version: '1.2', resource_changes: [null] }, /resource_changes\[0\] must be an object, received null/],
    [
      { format_version: '1.2', resource_changes: [{ type: 'aws_cognito_user_pool', change: { actions: ['delete'] } }] },
      /resource_changes\[0\]\.address must be a resource address, received nothing/,
    ],
    [
      { format_version: '1.2', resource_changes: [{ address: 'a.b', type: 'a', change: {} }] },
      /resource_changes\[0\]\.change\.actions must be a non-empty list of actions, received nothing/,
    ],
    [
      { format_version: '1.2', resource_changes: [{ address: 'a.b', type: 'a', change: { actions: ['obliterate'] } }] },
      /resource_changes\[0\]\.change\.actions must be made of no-op, .*forget.*received \["obliterate"\]/,
    ],
  ])('a malformed plan names what is wrong: %j', (doc, message) => {
    expect(() => destructiveChanges(doc)).toThrow(message);
  });

  test('the command reports a malformed plan with its message and exit 2, never a stack trace', () => {
    const result = spawnSync(join('node_modules', '.bin', 'tsx'), ['src/terraform/plan-guard-cli.ts', 'prod'], {
      input: JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'x' }] }),
      encoding: 'utf8',
    });
    expect([result.status, result.stderr.trim()]).toEqual([
      2,
      expect.stringMatching(/^plan guard: malformed plan: resource_changes\[0\]\.type must be a resource type, received nothing/),
    ]);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  terraformIt(
    'a real plan with a `removed` block that forgets the pool is refused',
    () => {
      const config = {
        provider: { aws: [{ region: 'eu-west-1' }] },
        removed: [{ from: 'aws_cognito_user_pool.pool', lifecycle: { destroy: false } }],
      };
      const state = terraformState([{ type: 'aws_cognito_user_pool', name: 'pool', attributes: { id: 'eu-west-1_abc', name: 'prod' } }]);
      const { plan: real } = checkOffline(config, { state });
      expect(real.resource_changes.map((c: { change: { actions: string[] } }) => c.change.actions)).toEqual([['forget']]);
      expect(judgePlan(real, 'prod', undefined).refused.map((c) => [c.address, c.kind])).toEqual([['aws_cognito_user_pool.pool', 'forget']]);
    },
    120_000,
  );
});
