import { USER_POOL_DEFAULTS, UserPool } from '../../src';
import { onlyResource, synth, testStack } from '../support/stack';

/** The pool as synthesized with no setting but its name. */
function defaultPool(): any {
  const stack = testStack();
  new UserPool(stack, 'pool', { userPoolName: 'defaults' });
  return onlyResource(synth(stack), 'aws_cognito_user_pool');
}

describe('UserPool defaults', () => {
  const pool = defaultPool();

  test('deletion protection ACTIVE and prevent_destroy (Security Hub Cognito.6)', () => {
    expect(pool.deletion_protection).toBe('ACTIVE');
    expect(pool.lifecycle).toEqual({ prevent_destroy: true });
  });

  test('strong password policy (Security Hub Cognito.3)', () => {
    expect(pool.password_policy).toEqual({
      minimum_length: 12,
      require_lowercase: true,
      require_uppercase: true,
      require_numbers: true,
      require_symbols: true,
      temporary_password_validity_days: 3,
    });
    expect(USER_POOL_DEFAULTS.passwordPolicy.minLength).toBeGreaterThanOrEqual(8);
  });

  test('MFA required with authenticator apps, no SMS needed (Security Hub Cognito.5)', () => {
    expect(pool.mfa_configuration).toBe('ON');
    expect(pool.software_token_mfa_configuration).toEqual({ enabled: true });
    expect(pool.sms_configuration).toBeUndefined();
    expect(pool.email_mfa_configuration).toBeUndefined();
  });

  test('email sign-in, case-insensitive, verified, original kept until a new one is verified', () => {
    expect(pool.username_attributes).toEqual(['email']);
    expect(pool.alias_attributes).toBeUndefined();
    expect(pool.username_configuration).toEqual({ case_sensitive: false });
    expect(pool.auto_verified_attributes).toEqual(['email']);
    expect(pool.user_attribute_update_settings).toEqual({ attributes_require_verification_before_update: ['email'] });
  });

  test('only administrators create users', () => {
    expect(pool.admin_create_user_config).toEqual({ allow_admin_create_user_only: true });
  });

  test('recovery by verified email only', () => {
    expect(pool.account_recovery_setting).toEqual({ recovery_mechanism: [{ name: 'verified_email', priority: 1 }] });
  });

  test('settings AWS would not revert are rendered explicitly', () => {
    expect(pool.email_configuration).toEqual({ email_sending_account: 'COGNITO_DEFAULT' });
    expect(pool.user_pool_add_ons).toEqual({ advanced_security_mode: 'OFF' });
    expect(pool.user_pool_tier).toBe('ESSENTIALS');
    expect(pool.verification_message_template).toEqual({
      // Email texts only with an SES sender (API reference, VerificationMessageTemplateType).
      default_email_option: 'CONFIRM_WITH_CODE',
      sms_message: 'Your verification code is {####}',
    });
  });

  test('nothing optional is rendered empty', () => {
    for (const key of [
      'schema',
      'lambda_config',
      'device_configuration',
      'sign_in_policy',
      'web_authn_configuration',
      'tags',
      'sms_authentication_message',
    ]) {
      expect(pool).not.toHaveProperty(key);
    }
  });
});
