import { writeFileSync } from 'fs';
import { join } from 'path';
import { PoolConfig, poolSchema } from '../../src/app/config-schema';
import { buildPool } from '../../src/app/pool-from-config';
import { checkOffline } from '../../src/terraform/offline';
import { synth, testStack } from '../support/stack';
import { terraformIt } from '../support/terraform';
import { addProvider, copyModule, initValidatePlan } from './module-support';

/**
 * The module and the library plan the same pool and clients for the same settings: each combination is
 * written once as the configuration file's `pool:` (built by the app's own `buildPool`) and once as the
 * module's inputs, and both go through the real `terraform plan`. (The first combination, the defaults,
 * is in module-terraform.test.ts.)
 */

const SES_ARN = 'arn:aws:ses:eu-west-1:111122223333:identity/example.com';
const SMS_ROLE = 'arn:aws:iam::111122223333:role/cognito-sms';
const PINPOINT = 'arn:aws:mobiletargeting:eu-west-1:111122223333:apps/0123456789abcdef0123456789abcdef';

interface Combination {
  readonly name: string;
  /** The configuration file's `pool:`, checked by its schema. */
  readonly library: Record<string, unknown>;
  readonly module: Record<string, unknown>;
}

const COMBINATIONS: Combination[] = [
  {
    name: 'passwordless on PLUS: passkeys, email codes through SES, threat protection, devices, invitations, rotation and analytics',
    library: {
      userPoolName: 'parity-plus',
      signInAliases: { username: true, email: true, preferredUsername: true },
      signInCaseSensitive: true,
      passwordPolicy: { minLength: 16, passwordHistorySize: 5, tempPasswordValidityDays: 1 },
      featurePlan: 'PLUS',
      mfa: 'OPTIONAL',
      mfaSecondFactor: { otp: true, email: true },
      emailMfaMessage: { subject: 'Your code', body: 'Your code is {####}' },
      email: { sender: 'ses', fromEmail: 'no-reply@example.com', fromName: 'Acme', sesIdentityArn: SES_ARN, replyTo: 'help@example.com' },
      userInvitation: { emailSubject: 'Welcome', emailBody: 'Hello {username}, your password is {####}', smsMessage: 'Hi {username}: {####}' },
      threatProtection: { standardMode: 'ENFORCED', customAuthMode: 'AUDIT' },
      allowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'],
      passkeys: { relyingPartyId: 'auth.example.com', userVerification: 'required' },
      deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false },
      domain: { prefix: 'parity-plus-auth' },
      clients: {
        web: {
          preset: 'web',
          callbackUrls: ['https://app.example.com/callback'],
          logoutUrls: ['https://app.example.com/'],
          readAttributes: ['email', 'name'],
          writeAttributes: ['name'],
          // Rotation replaces the refresh flow: AWS refuses both.
          authFlows: ['ALLOW_USER_SRP_AUTH'],
          refreshTokenRotation: { retryGracePeriodSeconds: 10 },
          analytics: { applicationArn: PINPOINT, userDataShared: true },
          propagateAdditionalUserContextData: true,
        },
      },
    },
    module: {
      name: 'parity-plus',
      sign_in: { username: true, email: true, preferred_username: true, case_sensitive: true },
      password_policy: { min_length: 16, password_history_size: 5, temporary_password_validity_days: 1 },
      feature_plan: 'PLUS',
      mfa: { mode: 'OPTIONAL', otp: true, email: true, email_subject: 'Your code', email_body: 'Your code is {####}' },
      email: {
        sending_account: 'DEVELOPER',
        from_email: 'no-reply@example.com',
        from_name: 'Acme',
        source_arn: SES_ARN,
        reply_to: 'help@example.com',
      },
      user_invitation: { email_subject: 'Welcome', email_body: 'Hello {username}, your password is {####}', sms_message: 'Hi {username}: {####}' },
      threat_protection_mode: 'ENFORCED',
      threat_protection_custom_auth_mode: 'AUDIT',
      allowed_first_auth_factors: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'],
      passkeys: { relying_party_id: 'auth.example.com', user_verification: 'required' },
      device_tracking: { challenge_required_on_new_device: true, device_only_remembered_on_user_prompt: false },
      domain: { prefix: 'parity-plus-auth' },
      clients: {
        web: {
          preset: 'web',
          callback_urls: ['https://app.example.com/callback'],
          logout_urls: ['https://app.example.com/'],
          read_attributes: ['email', 'name'],
          write_attributes: ['name'],
          auth_flows: ['ALLOW_USER_SRP_AUTH'],
          refresh_token_rotation: { retry_grace_period_seconds: 10 },
          analytics: { application_arn: PINPOINT, user_data_shared: true },
          propagate_additional_user_context_data: true,
        },
      },
    },
  },
  {
    name: 'LITE without MFA: self sign-up, administrator recovery, own verification SMS, a machine client, groups, deletion protection off',
    library: {
      userPoolName: 'parity-lite',
      featurePlan: 'LITE',
      mfa: 'OFF',
      selfSignUpEnabled: true,
      accountRecovery: 'ADMIN_ONLY',
      // Cognito's own sender sends AWS's verification email: only the SMS text is ours.
      userVerification: { smsMessage: 'Code {####}' },
      email: { sender: 'cognito', replyTo: 'help@example.com' },
      dangerouslyAllowDeletionOfAllUsers: true,
      domain: { prefix: 'parity-lite-auth' },
      resourceServers: { orders: { identifier: 'https://orders.example.com', scopes: { read: 'Read orders' } } },
      groups: { admins: { description: 'Administrators', precedence: 1 } },
      clients: { worker: { preset: 'machine', scopes: ['orders/read'], authSessionValidityMinutes: 5, enableTokenRevocation: false } },
    },
    module: {
      name: 'parity-lite',
      feature_plan: 'LITE',
      mfa: { mode: 'OFF' },
      self_sign_up_enabled: true,
      account_recovery: 'ADMIN_ONLY',
      verification: { sms_message: 'Code {####}' },
      email: { reply_to: 'help@example.com' },
      deletion_protection: 'INACTIVE',
      domain: { prefix: 'parity-lite-auth' },
      resource_servers: { orders: { identifier: 'https://orders.example.com', scopes: { read: 'Read orders' } } },
      groups: { admins: { description: 'Administrators', precedence: 1 } },
      clients: {
        worker: { preset: 'machine', scopes: ['https://orders.example.com/read'], auth_session_validity_minutes: 5, enable_token_revocation: false },
      },
    },
  },
  {
    name: 'SMS through your role: phone sign-in, SMS MFA and codes, phone recovery, link verification, own keep-original',
    library: {
      userPoolName: 'parity-sms',
      signInAliases: { email: true, phone: true },
      mfa: 'REQUIRED',
      mfaSecondFactor: { otp: false, sms: true },
      mfaMessage: 'Your code: {####}',
      accountRecovery: 'PHONE_AND_EMAIL',
      userVerification: { emailStyle: 'LINK' },
      keepOriginal: { phone: false },
      sms: { existingRole: { roleArn: SMS_ROLE, externalId: 'parity-sms-external' }, snsRegion: 'eu-west-1' },
      allowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP'],
    },
    module: {
      name: 'parity-sms',
      sign_in: { email: true, phone: true },
      mfa: { mode: 'REQUIRED', otp: false, sms: true, sms_message: 'Your code: {####}' },
      account_recovery: 'PHONE_AND_EMAIL',
      verification: { email_style: 'LINK' },
      keep_original: { phone: false },
      sms: { existing_role: { role_arn: SMS_ROLE, external_id: 'parity-sms-external' }, sns_region: 'eu-west-1' },
      allowed_first_auth_factors: ['PASSWORD', 'SMS_OTP'],
    },
  },
];

/** Each planned resource of `type`, by its `name` argument (clients and groups are named after their keys). */
function byName(plan: any, type: string): Record<string, any> {
  return Object.fromEntries(plan.resource_changes.filter((c: any) => c.type === type).map((c: any) => [c.change.after.name, c.change.after]));
}

/**
 * Planned values minus what the two sides spell differently for the same setting: the client's pool
 * reference, tags (the library's stack adds its own), and token lifetimes (the module counts every
 * lifetime in minutes, the library keeps each preset's unit: compared as seconds instead).
 */
function comparable(values: any): any {
  const {
    user_pool_id: _pool,
    tags: _tags,
    tags_all: _tagsAll,
    access_token_validity,
    id_token_validity,
    refresh_token_validity,
    token_validity_units,
    ...rest
  } = values;
  if (!token_validity_units) return rest;
  const seconds = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as Record<string, number>;
  const units = token_validity_units[0];
  return {
    ...rest,
    lifetimes: [
      access_token_validity * seconds[units.access_token],
      id_token_validity * seconds[units.id_token],
      refresh_token_validity * seconds[units.refresh_token],
    ],
  };
}

describe('the module plans what the library plans, for the same settings', () => {
  for (const combination of COMBINATIONS) {
    terraformIt(combination.name, () => {
      const dir = copyModule();
      addProvider(dir);
      writeFileSync(join(dir, 'parity.tfvars.json'), JSON.stringify(combination.module));
      const module = initValidatePlan(dir, 'parity.tfvars.json');

      const stack = testStack();
      expect(buildPool(stack, 'pool', poolSchema.parse(combination.library) as PoolConfig, 'pool', new Map())).toEqual([]);
      const library = checkOffline(synth(stack)).plan;

      for (const type of [
        'aws_cognito_user_pool',
        'aws_cognito_user_pool_client',
        'aws_cognito_user_pool_domain',
        'aws_cognito_resource_server',
        'aws_cognito_user_group',
      ]) {
        const [fromModule, fromLibrary] = [byName(module, type), byName(library, type)];
        expect({ type, names: Object.keys(fromModule).sort() }).toEqual({ type, names: Object.keys(fromLibrary).sort() });
        for (const name of Object.keys(fromLibrary))
          expect({ type, name, values: comparable(fromModule[name]) }).toEqual({ type, name, values: comparable(fromLibrary[name]) });
      }
    });
  }
});
