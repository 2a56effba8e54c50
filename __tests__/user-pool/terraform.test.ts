import { UserPool, UserPoolProps } from '../../src';
import { checkOffline, TerraformError } from '../../src/terraform/offline';
import { judgePlan } from '../../src/terraform/plan-guard';
import { resources, synth, testStack } from '../support/stack';
import { terraformState } from '../support/state';
import { terraformIt } from '../support/terraform';
import { POOLS } from './fixtures';

/** Synthesizes one pool and returns its config and the pool's logical name. */
function poolConfig(props: UserPoolProps): { config: any; name: string } {
  const stack = testStack();
  new UserPool(stack, 'pool', props);
  const config = synth(stack);
  return { config, name: Object.keys(resources(config, 'aws_cognito_user_pool'))[0] };
}

/** The pool as it would be in state after an earlier apply with other settings. */
function existingPool(name: string, attributes: Record<string, unknown>) {
  return terraformState([
    {
      type: 'aws_cognito_user_pool',
      name,
      attributes: {
        id: 'eu-west-1_AbCdEf123',
        arn: 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCdEf123',
        name: 'minimal',
        endpoint: 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
        deletion_protection: 'ACTIVE',
        ...attributes,
      },
    },
  ]);
}

describe('terraform accepts every representative configuration', () => {
  terraformIt('validate and plan: minimal, full-featured, SMS, SES and threat protection pools in one stack', () => {
    const stack = testStack();
    for (const [id, props] of Object.entries(POOLS)) new UserPool(stack, id, props);
    const { plan } = checkOffline(synth(stack));
    const created = plan.resource_changes.filter((c: any) => c.change.actions.join() === 'create').map((c: any) => c.type);
    expect(created.filter((t: string) => t === 'aws_cognito_user_pool')).toHaveLength(Object.keys(POOLS).length);
    // SMS roles for the pools that send SMS (full, sms), each with its policy.
    expect(created.filter((t: string) => t === 'aws_iam_role')).toHaveLength(2);
    expect(created.filter((t: string) => t === 'aws_iam_role_policy')).toHaveLength(2);
    expect(plan.resource_changes.every((c: any) => c.change.actions.join() === 'create')).toBe(true);
  });
});

describe('users come first: a change that would replace the pool fails at plan', () => {
  terraformIt('changing the sign-in attributes of an existing pool is refused by prevent_destroy', () => {
    const { config, name } = poolConfig(POOLS.minimal);
    let error: unknown;
    try {
      checkOffline(config, { state: existingPool(name, { username_attributes: ['phone_number'] }) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TerraformError);
    expect((error as TerraformError).run.stderr).toMatch(/Instance cannot be destroyed/);
    expect((error as TerraformError).run.stderr).toContain(`aws_cognito_user_pool.${name}`);
  });

  terraformIt('the guard is what stops it: with the throw-away switch the same change plans a replacement', () => {
    const { config, name } = poolConfig({ ...POOLS.minimal, dangerouslyAllowDeletionOfAllUsers: true });
    const { plan } = checkOffline(config, { state: existingPool(name, { username_attributes: ['phone_number'] }) });
    const change = plan.resource_changes.find((c: any) => c.address === `aws_cognito_user_pool.${name}`);
    expect(change.change.actions).toEqual(['delete', 'create']);
    expect(change.action_reason).toBe('replace_because_cannot_update');
    // The pipeline's plan guard still stops that plan, unless the deletion is allowed for this stack by name.
    expect(judgePlan(plan, 'test', undefined).refused.map((c) => c.address)).toEqual([`aws_cognito_user_pool.${name}`]);
    expect(judgePlan(plan, 'test', 'test').refused).toEqual([]);
  });

  terraformIt('an in-place change (password length) plans an update, not a replacement', () => {
    const { config, name } = poolConfig(POOLS.minimal);
    const { plan } = checkOffline(config, {
      state: existingPool(name, {
        username_attributes: ['email'],
        username_configuration: [{ case_sensitive: false }],
        password_policy: [{ minimum_length: 8 }],
      }),
    });
    const change = plan.resource_changes.find((c: any) => c.address === `aws_cognito_user_pool.${name}`);
    expect(change.change.actions).toEqual(['update']);
  });
});
