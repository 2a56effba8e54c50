import { spawnSync } from 'child_process';
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { describeVerdict, destructiveChanges, judgePlan } from '../../src/terraform/plan-guard';

/** Real plan documents of every format (0.1 to 1.2), from the shared reference material. */
const FIXTURES = join('..', 'shared', 'reference', 'plan-fixtures');
const fixture = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** A plan (format 1.2) with the given changes. */
function plan(...changes: [address: string, actions: string[], reason?: string][]) {
  return {
    format_version: '1.2',
    resource_changes: changes.map(([address, actions, reason]) => ({ address, type: address.split('.')[0], change: { actions }, ...(reason ? { action_reason: reason } : {}) })),
  };
}

describe('reading plans of every format', () => {
  test('the shared fixtures are here', () => {
    expect(existsSync(FIXTURES) && readdirSync(FIXTURES).length).toBeGreaterThanOrEqual(7);
  });

  test.each([
    ['terraform-json__config_resource_depends_on__plan.json', [{ address: 'null_resource.bar', type: 'null_resource', kind: 'replace' }]],
    ['debian-golang-github-hashicorp-terraform-json-dev-0.5.0__config_resource_depends_on__plan.json', [{ address: 'null_resource.bar', type: 'null_resource', kind: 'replace' }]],
    ['terraform-json__110_basic__plan.json', []],
    ['terraform-json__120_basic__plan.json', []],
    ['terraform-json__action_reason__plan.json', [{ address: 'null_resource.example', type: 'null_resource', kind: 'replace', reason: 'replace_because_tainted' }]],
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
    expect(destructiveChanges(plan(['aws_cognito_user_pool.a', ['delete']], ['aws_cognito_user_pool.b', ['create', 'delete']])).map((c) => c.kind)).toEqual(['delete', 'replace']);
  });
});

describe('judging a plan', () => {
  const replacesPool = plan(['aws_cognito_user_pool.pool', ['delete', 'create'], 'replace_because_cannot_update'], ['aws_cognito_user_pool_client.web', ['delete', 'create']], ['aws_iam_role.sms', ['delete']]);

  test('a user pool replacement is refused, with the reason and the fix', () => {
    const verdict = judgePlan(replacesPool, 'prod', undefined);
    expect(verdict.refused.map((c) => c.address)).toEqual(['aws_cognito_user_pool.pool']);
    expect(describeVerdict(verdict, 'prod')).toEqual([
      'REFUSED: aws_cognito_user_pool.pool would be replaced (replace_because_cannot_update), and every user in it lost. Fix: undo the change that causes it (sign-in attributes and case sensitivity cannot change in place); to delete the pool on purpose, set ALLOW_USER_POOL_DELETION=prod for this one run.',
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
      spawnSync(join('node_modules', '.bin', 'tsx'), ['src/terraform/plan-guard-cli.ts', stack], { input, encoding: 'utf8', env: { ...process.env, ALLOW_USER_POOL_DELETION: allow ?? '' } });
    const refused = run('prod', JSON.stringify(replacesPool));
    expect([refused.status, refused.stderr]).toEqual([1, expect.stringContaining('REFUSED: aws_cognito_user_pool.pool would be replaced')]);
    expect(run('prod', JSON.stringify(replacesPool), 'prod').status).toBe(0);
    expect(run('prod', JSON.stringify(plan(['aws_cognito_user_pool.pool', ['update']]))).status).toBe(0);
    const bad = run('prod', 'not json');
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining('standard input is not a JSON plan')]);
  });
});
