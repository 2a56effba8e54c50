import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import {
  addDynamicBlocks,
  and,
  choose,
  chooseArguments,
  namesWhere,
  nonEmpty,
  not,
  optionalBlock,
  splitDynamicBlocks,
} from '../../src/core/conditional';
import { ref, TerraformOutput, TerraformStack, Testing, Token } from '../../src/engine';

const flag = (name: string) => ref(`var.${name}`) as unknown as boolean;
/** A value as it lands in Terraform JSON (as an output's value). */
const resolved = (value: unknown) => {
  const stack = new TerraformStack(Testing.app(), 'test');
  new TerraformOutput(stack, 'value', { value });
  return JSON.parse(Testing.synth(stack)).output.value.value;
};

describe('known values branch in TypeScript, exactly as before', () => {
  test('choose, not, and, names, lists and blocks', () => {
    expect(choose(true, 'a', 'b')).toBe('a');
    expect(not(false)).toBe(true);
    expect(and(true, false)).toBe(false);
    expect(
      namesWhere([
        [true, 'email'],
        [false, 'phone_number'],
      ]),
    ).toEqual(['email']);
    expect(nonEmpty('callbackUrls', [])).toEqual({});
    expect(nonEmpty('callbackUrls', ['https://a'])).toEqual({ callbackUrls: ['https://a'] });
    expect(optionalBlock('softwareTokenMfaConfiguration', false, { enabled: true })).toEqual({});
    expect(chooseArguments(false, { emailSubjectByLink: 's' }, { emailSubject: 's' })).toEqual({ emailSubject: 's' });
    const args = { name: 'x', nested: { a: 1 } };
    expect(splitDynamicBlocks(args)).toEqual({ config: args, dynamicBlocks: [] });
  });
});

describe('tokens become Terraform expressions', () => {
  test('conditionals, with unset branches as null and known operands folded', () => {
    expect(resolved(choose(flag('on'), 'INACTIVE', 'ACTIVE'))).toBe('${var.on ? "INACTIVE" : "ACTIVE"}');
    expect(resolved(choose(flag('on'), 'x', undefined))).toBe('${var.on ? "x" : null}');
    expect(and(flag('a'), false)).toBe(false);
    const b = flag('b');
    expect(and(true, b)).toBe(b);
    expect(
      resolved(
        namesWhere([
          [flag('email'), 'email'],
          [false, 'phone_number'],
        ]),
      ),
    ).toBe('${compact([var.email ? "email" : ""])}');
    expect(resolved(chooseArguments(flag('ses'), { sourceArn: 'arn', replyTo: 'r' }, { replyTo: 'r' }))).toEqual({
      sourceArn: '${var.ses ? "arn" : null}',
      replyTo: 'r',
    });
  });

  test('a list argument is there only when the list has items', () => {
    expect(resolved(nonEmpty('callbackUrls', Token.asList(ref('var.urls'))))).toEqual({
      callbackUrls: '${(length(var.urls) >= 1) ? var.urls : null}',
    });
  });

  test('an optional block becomes a dynamic block, nested ones at their path', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const args = { name: 'p', ...optionalBlock('softwareTokenMfaConfiguration', flag('otp'), { enabled: true }) };
    const { config, dynamicBlocks } = splitDynamicBlocks(args);
    expect(config).toEqual({ name: 'p' });
    const pool = new CognitoUserPool(stack, 'pool', config);
    addDynamicBlocks(pool, dynamicBlocks);
    expect(JSON.parse(Testing.synth(stack)).resource.aws_cognito_user_pool.pool.dynamic).toEqual({
      software_token_mfa_configuration: { for_each: '${var.otp ? [1] : []}', content: { enabled: true } },
    });
  });
});
