import { AccountRecovery, AwsEnvironment, Mfa, UserPool, UserPoolEmail, UserPoolProps } from '../../src';
import { TerraformVariable } from '../../src/engine';
import { onlyResource, resources, synth, testStack, TEST_ENV } from '../support/stack';
import { POOLS } from './fixtures';

function render(props: UserPoolProps, region = TEST_ENV.region): { pool: any; config: any } {
  const stack = testStack({ ...TEST_ENV, region });
  new UserPool(stack, 'pool', props);
  const config = synth(stack);
  return { pool: onlyResource(config, 'aws_cognito_user_pool'), config };
}

describe('UserPool settings', () => {
  const { pool, config } = render(POOLS.full);

  test('a username with email, phone and preferred username as aliases', () => {
    expect(pool.alias_attributes).toEqual(['email', 'phone_number', 'preferred_username']);
    expect(pool.username_attributes).toBeUndefined();
  });

  test('phone as the username when there is no username', () => {
    expect(render(POOLS.sms).pool.username_attributes).toEqual(['phone_number']);
  });

  test('leaveCaseSensitivityUnset renders no username_configuration (a pool created without one); by default it is always there', () => {
    expect(render({ userPoolName: 'taken-over', leaveCaseSensitivityUnset: true, signInCaseSensitive: true }).pool).not.toHaveProperty(
      'username_configuration',
    );
    expect(render({ userPoolName: 'new', leaveCaseSensitivityUnset: false }).pool.username_configuration).toEqual({ case_sensitive: false });
  });

  test('standard attributes with AWS bounds; custom attributes with both bounds always', () => {
    expect(pool.schema).toEqual([
      {
        name: 'email',
        attribute_data_type: 'String',
        developer_only_attribute: false,
        mutable: true,
        required: true,
        string_attribute_constraints: { min_length: '0', max_length: '2048' },
      },
      {
        name: 'given_name',
        attribute_data_type: 'String',
        developer_only_attribute: false,
        mutable: true,
        required: false,
        string_attribute_constraints: { min_length: '0', max_length: '2048' },
      },
      {
        name: 'birthdate',
        attribute_data_type: 'String',
        developer_only_attribute: false,
        mutable: false,
        required: false,
        string_attribute_constraints: { min_length: '10', max_length: '10' },
      },
      {
        name: 'updated_at',
        attribute_data_type: 'Number',
        developer_only_attribute: false,
        mutable: true,
        required: false,
        number_attribute_constraints: { min_value: '0' },
      },
      {
        name: 'tenant',
        attribute_data_type: 'String',
        developer_only_attribute: false,
        mutable: false,
        required: false,
        string_attribute_constraints: { min_length: '3', max_length: '64' },
      },
      {
        name: 'seats',
        attribute_data_type: 'Number',
        developer_only_attribute: false,
        mutable: true,
        required: false,
        number_attribute_constraints: { min_value: '1', max_value: '1000' },
      },
      { name: 'beta', attribute_data_type: 'Boolean', developer_only_attribute: false, mutable: true, required: false },
      { name: 'joined', attribute_data_type: 'DateTime', developer_only_attribute: false, mutable: false, required: false },
    ]);
  });

  test('password policy with history', () => {
    expect(pool.password_policy).toMatchObject({ minimum_length: 14, temporary_password_validity_days: 1, password_history_size: 5 });
  });

  test('self sign-up and invitation templates', () => {
    expect(pool.admin_create_user_config).toEqual({
      allow_admin_create_user_only: false,
      invite_message_template: {
        email_subject: 'Welcome',
        email_message: 'Hello {username}, your temporary password is {####}',
        sms_message: 'Hi {username}: {####}',
      },
    });
  });

  test('optional MFA with TOTP, SMS and email factors and their messages', () => {
    expect(pool.mfa_configuration).toBe('OPTIONAL');
    expect(pool.software_token_mfa_configuration).toEqual({ enabled: true });
    expect(pool.email_mfa_configuration).toEqual({ subject: 'Your sign-in code', message: 'Use {####} to sign in.' });
    expect(pool.sms_authentication_message).toBe('Your sign-in code is {####}');
    expect(pool.sms_configuration).toEqual({
      sns_caller_arn: expect.stringMatching(/^\$\{aws_iam_role\..+\.arn\}$/),
      external_id: expect.stringMatching(/^cdktf-cognito-[0-9a-f]{24}$/),
      sns_region: 'eu-west-1',
    });
  });

  test('MFA off renders no factor', () => {
    const off = render({ userPoolName: 'off', mfa: Mfa.OFF }).pool;
    expect(off.mfa_configuration).toBe('OFF');
    expect(off.software_token_mfa_configuration).toBeUndefined();
  });

  test('verification by link', () => {
    expect(pool.verification_message_template).toEqual({
      default_email_option: 'CONFIRM_WITH_LINK',
      email_subject_by_link: 'Confirm your address',
      email_message_by_link: 'Please {##confirm your email##}.',
      sms_message: 'Code: {####}',
    });
  });

  test('account recovery mechanisms in priority order', () => {
    expect(pool.account_recovery_setting.recovery_mechanism).toEqual([
      { name: 'verified_email', priority: 1 },
      { name: 'verified_phone_number', priority: 2 },
    ]);
    expect(render({ userPoolName: 'a', accountRecovery: AccountRecovery.ADMIN_ONLY }).pool.account_recovery_setting.recovery_mechanism).toEqual([
      { name: 'admin_only', priority: 1 },
    ]);
  });

  test('SES email with a display name; the identity ARN built in the stack partition', () => {
    expect(pool.email_configuration).toEqual({
      email_sending_account: 'DEVELOPER',
      source_arn: 'arn:aws:ses:eu-west-1:111122223333:identity/example.com',
      from_email_address: 'Example <no-reply@example.com>',
      reply_to_email_address: 'support@example.com',
      configuration_set: 'cognito-events',
    });
    const china = render({ userPoolName: 'cn', email: UserPoolEmail.withSes({ fromEmail: 'a@example.cn' }) }, 'cn-north-1').pool;
    expect(china.email_configuration.source_arn).toBe('arn:aws-cn:ses:cn-north-1:111122223333:identity/a@example.cn');
  });

  test('Cognito email with a reply-to address', () => {
    const p = render({ userPoolName: 'c', email: UserPoolEmail.withCognito({ replyTo: 'help@example.com' }) }).pool;
    expect(p.email_configuration).toEqual({ email_sending_account: 'COGNITO_DEFAULT', reply_to_email_address: 'help@example.com' });
  });

  test('remembered devices, tier, threat protection with custom-auth mode', () => {
    expect(pool.device_configuration).toEqual({ challenge_required_on_new_device: true, device_only_remembered_on_user_prompt: true });
    expect(pool.user_pool_tier).toBe('PLUS');
    expect(pool.user_pool_add_ons).toEqual({ advanced_security_mode: 'ENFORCED', advanced_security_additional_flows: { custom_auth_mode: 'AUDIT' } });
  });

  test('passwordless first factors and passkeys', () => {
    expect(pool.sign_in_policy).toEqual({ allowed_first_auth_factors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'] });
    expect(pool.web_authn_configuration).toEqual({ relying_party_id: 'auth.example.com', user_verification: 'required' });
  });

  test('tags, falsy values included', () => {
    expect(pool.tags).toEqual({ team: 'identity', 'cost-center': '' });
  });

  test('outputs: id, ARN, endpoint, issuer and JWKS URLs under stable names', () => {
    expect(Object.keys(config.output).sort()).toEqual([
      'pool_issuer_url',
      'pool_jwks_url',
      'pool_user_pool_arn',
      'pool_user_pool_endpoint',
      'pool_user_pool_id',
    ]);
    const ref = Object.keys(resources(config, 'aws_cognito_user_pool'))[0];
    expect(config.output.pool_issuer_url.value).toBe(`https://\${aws_cognito_user_pool.${ref}.endpoint}`);
    expect(config.output.pool_jwks_url.value).toBe(`https://\${aws_cognito_user_pool.${ref}.endpoint}/.well-known/jwks.json`);
  });

  test('the throw-away switch turns off both guards, with a warning', () => {
    const stack = testStack();
    const throwaway = new UserPool(stack, 'pool', { userPoolName: 'tmp', dangerouslyAllowDeletionOfAllUsers: true });
    const p = onlyResource(synth(stack), 'aws_cognito_user_pool');
    expect(p.deletion_protection).toBe('INACTIVE');
    expect(p.lifecycle).toEqual({ prevent_destroy: false });
    expect(throwaway.node.metadata.map((m) => m.data)).toEqual([expect.stringContaining('deletes every user')]);
  });

  test('an environment declared with a token region uses the partition data source', () => {
    const stack = testStack(null);
    AwsEnvironment.declare(stack, { accountId: '111122223333', region: new TerraformVariable(stack, 'region', { type: 'string' }).stringValue });
    new UserPool(stack, 'pool', { userPoolName: 'p', email: UserPoolEmail.withSes({ fromEmail: 'a@example.com' }) });
    const c = synth(stack);
    expect(c.data.aws_partition).toBeDefined();
    expect(onlyResource(c, 'aws_cognito_user_pool').email_configuration.source_arn).toMatch(/^arn:\$\{data\.aws_partition\..+\.partition\}:ses:/);
  });
});

describe('SMS role', () => {
  const { config } = render(POOLS.sms);
  const role = onlyResource(config, 'aws_iam_role');
  const policy = onlyResource(config, 'aws_iam_role_policy');
  const pool = onlyResource(config, 'aws_cognito_user_pool');
  const trust = JSON.parse(role.assume_role_policy);
  const permissions = JSON.parse(policy.policy);

  test('trusts only Cognito, with external id, source account and source ARN', () => {
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cognito-idp.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'sts:ExternalId': pool.sms_configuration.external_id, 'aws:SourceAccount': '111122223333' },
          ArnLike: { 'aws:SourceArn': 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/*' },
        },
      },
    ]);
  });

  test('its name is a prefix: IAM names are global in an account, and one pool name may exist in several regions', () => {
    expect(role.name).toBeUndefined();
    expect(role.name_prefix).toBe('sms-sms-');
  });

  test('may publish SMS and nothing to topics', () => {
    expect(permissions.Statement).toEqual([
      { Sid: 'PublishSms', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
      { Sid: 'NoTopics', Effect: 'Deny', Action: 'sns:Publish', Resource: 'arn:aws:sns:*:*:*' },
    ]);
  });

  test('the pool waits for the role policy', () => {
    const policyId = Object.keys(resources(config, 'aws_iam_role_policy'))[0];
    expect(pool.depends_on).toEqual([`aws_iam_role_policy.${policyId}`]);
  });

  test('the external id is deterministic, and different for another pool', () => {
    expect(onlyResource(render(POOLS.sms).config, 'aws_cognito_user_pool').sms_configuration.external_id).toBe(pool.sms_configuration.external_id);
    const stack = testStack();
    new UserPool(stack, 'other', POOLS.sms);
    expect(onlyResource(synth(stack), 'aws_cognito_user_pool').sms_configuration.external_id).not.toBe(pool.sms_configuration.external_id);
  });

  test('GovCloud ARNs use the aws-us-gov partition', () => {
    const gov = render(POOLS.sms, 'us-gov-west-1').config;
    expect(onlyResource(gov, 'aws_iam_role').assume_role_policy).toContain('arn:aws-us-gov:cognito-idp:us-gov-west-1:111122223333:userpool/*');
  });

  test('a role you bring is used as it is, and none is created', () => {
    const own = render({ ...POOLS.sms, sms: { existingRole: { roleArn: 'arn:aws:iam::111122223333:role/sms', externalId: 'ext' } } }).config;
    expect(resources(own, 'aws_iam_role')).toEqual({});
    expect(onlyResource(own, 'aws_cognito_user_pool').sms_configuration).toEqual({
      sns_caller_arn: 'arn:aws:iam::111122223333:role/sms',
      external_id: 'ext',
    });
  });

  test('no SMS, no role', () => {
    expect(resources(render(POOLS.minimal).config, 'aws_iam_role')).toEqual({});
  });
});
