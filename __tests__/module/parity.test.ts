import { copyFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { PoolConfig, poolSchema } from '../../src/app/config-schema';
import { buildPool } from '../../src/app/pool-from-config';
import { moduleConfig } from '../../src/module/build-module';
import { MODULE_TRIGGER_OPERATIONS } from '../../src/module/triggers-module';
import { checkOffline } from '../../src/terraform/offline';
import { TriggerCode } from '../../src/triggers/trigger-code';
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
const ACM_US_EAST_1 = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';
const HOSTED_ZONE = 'Z0123456789ABCDEFGHIJ';
const PINPOINT = 'arn:aws:mobiletargeting:eu-west-1:111122223333:apps/0123456789abcdef0123456789abcdef';

interface Combination {
  readonly name: string;
  /** The configuration file's `pool:`, checked by its schema. */
  readonly library: Record<string, unknown>;
  readonly module: Record<string, unknown>;
  /** Zips the module deploys, by file name in its folder: the library's package of the folder named. */
  readonly zips?: Readonly<Record<string, string>>;
}

/** Built code the library zips from a folder, and the module deploys as the same zip. */
const HELLO = '__tests__/triggers/fixtures/hello';
const SENDER_KEY = 'arn:aws:kms:eu-west-1:111122223333:key/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';
const MIGRATION = 'arn:aws:lambda:eu-west-1:111122223333:function:user-migration';

/**
 * Triggers: functions from zips with their settings and a pool action, a custom email sender with the key made for it,
 * the ready-made handlers (V3_0 pre token generation), an existing function.
 */
const TRIGGERS: Combination = {
  name: 'triggers: functions from zips (settings, pool actions, a custom email sender and its key), the ready-made handlers, an existing function',
  library: {
    userPoolName: 'parity-triggers',
    triggers: {
      postConfirmation: {
        handler: { directory: HELLO, handler: 'index.handler' },
        poolActions: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminGetUser'],
        memorySize: 512,
        timeoutSeconds: 3,
        environment: { GREETING: 'hello' },
        logRetentionDays: 30,
      },
      customMessage: { handler: { directory: HELLO, handler: 'index.handler' }, functionName: 'parity-messages', runtime: 'nodejs20.x' },
      customEmailSender: { handler: { directory: HELLO, handler: 'index.handler' } },
      preSignUp: { handler: { emailDomainAllowlist: ['example.com', '*.example.org'] }, environment: { LOG_LEVEL: 'debug' } },
      preTokenGeneration: {
        handler: { groupClaims: { groupScopes: { admins: ['https://api.example.com/admin'] }, roleClaim: 'role' } },
        eventVersion: 'V3_0',
      },
      userMigration: { handler: { functionArn: MIGRATION } },
    },
  },
  module: {
    name: 'parity-triggers',
    triggers: {
      post_confirmation: {
        handler: { zip_file: 'hello.zip', handler: 'index.handler' },
        pool_actions: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminGetUser'],
        memory_size: 512,
        timeout_seconds: 3,
        environment: { GREETING: 'hello' },
        log_retention_days: 30,
      },
      custom_message: { handler: { zip_file: 'hello.zip', handler: 'index.handler' }, function_name: 'parity-messages', runtime: 'nodejs20.x' },
      custom_email_sender: { handler: { zip_file: 'hello.zip', handler: 'index.handler' } },
      pre_sign_up: { handler: { email_domain_allowlist: ['example.com', '*.example.org'] }, environment: { LOG_LEVEL: 'debug' } },
      pre_token_generation: {
        handler: { group_claims: { group_scopes: { admins: ['https://api.example.com/admin'] }, role_claim: 'role' } },
        event_version: 'V3_0',
      },
      user_migration: { handler: { function_arn: MIGRATION } },
    },
  },
  zips: { 'hello.zip': HELLO },
};

const COMBINATIONS: Combination[] = [
  {
    name: 'passwordless on PLUS: passkeys, email codes through SES, both verification template pairs, threat protection, devices, invitations, rotation and analytics',
    library: {
      userPoolName: 'parity-plus',
      signInAliases: { username: true, email: true, preferredUsername: true },
      signInCaseSensitive: true,
      passwordPolicy: { minLength: 16, passwordHistorySize: 5, tempPasswordValidityDays: 1 },
      featurePlan: 'PLUS',
      mfa: 'OPTIONAL',
      mfaSecondFactor: { otp: true, email: true },
      emailMfaMessage: { subject: 'Your code', body: 'Your code is {####}' },
      // Both template pairs, the link one chosen: the code pair stays for attribute updates and password resets.
      userVerification: {
        emailStyle: 'LINK',
        codeEmail: { subject: 'Your Acme code', body: 'Your Acme code is {####}' },
        linkEmail: { body: 'Confirm your address: {##Confirm##}' },
      },
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
      verification: {
        email_style: 'LINK',
        code_email: { subject: 'Your Acme code', body: 'Your Acme code is {####}' },
        link_email: { body: 'Confirm your address: {##Confirm##}' },
      },
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
    name: 'SMS through your role: phone sign-in only (given flags replace the default email), SMS MFA and codes, phone recovery, link verification, own keep-original',
    library: {
      userPoolName: 'parity-sms',
      signInAliases: { phone: true },
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
      sign_in: { phone: true },
      mfa: { mode: 'REQUIRED', otp: false, sms: true, sms_message: 'Your code: {####}' },
      account_recovery: 'PHONE_AND_EMAIL',
      verification: { email_style: 'LINK' },
      keep_original: { phone: false },
      sms: { existing_role: { role_arn: SMS_ROLE, external_id: 'parity-sms-external' }, sns_region: 'eu-west-1' },
      allowed_first_auth_factors: ['PASSWORD', 'SMS_OTP'],
    },
  },
  {
    name: 'the attribute schema: standard attributes (Cognito names in the module) with and without bounds, custom attributes of every type',
    library: {
      userPoolName: 'parity-schema',
      standardAttributes: {
        email: { required: true, minLen: 5, maxLen: 256 },
        givenName: { mutable: false },
        birthdate: { required: true },
        lastUpdateTime: {},
      },
      customAttributes: {
        tenant: { type: 'String', mutable: false, minLen: 1, maxLen: 64 },
        seats: { type: 'Number', min: 1, max: 500 },
        score: { type: 'Number' },
        beta: { type: 'Boolean' },
        joined: { type: 'DateTime', mutable: false },
      },
      domain: { prefix: 'parity-schema-auth' },
      clients: {
        web: {
          preset: 'spa',
          callbackUrls: ['https://app.example.com/callback'],
          readAttributes: ['email', 'given_name', 'custom:tenant', 'custom:seats'],
          writeAttributes: ['given_name'],
        },
      },
    },
    module: {
      name: 'parity-schema',
      standard_attributes: {
        email: { required: true, min_len: 5, max_len: 256 },
        given_name: { mutable: false },
        birthdate: { required: true },
        updated_at: {},
      },
      custom_attributes: {
        tenant: { type: 'String', mutable: false, min_len: 1, max_len: 64 },
        seats: { type: 'Number', min: 1, max: 500 },
        score: { type: 'Number' },
        beta: { type: 'Boolean' },
        joined: { type: 'DateTime', mutable: false },
      },
      domain: { prefix: 'parity-schema-auth' },
      clients: {
        web: {
          preset: 'spa',
          callback_urls: ['https://app.example.com/callback'],
          read_attributes: ['email', 'given_name', 'custom:tenant', 'custom:seats'],
          write_attributes: ['given_name'],
        },
      },
    },
  },
  {
    name: "strict security profile through SES: the profile's plan, modes and responses, a password override it allows, a client's own responses",
    library: {
      userPoolName: 'parity-strict',
      securityProfile: 'strict',
      passwordPolicy: { minLength: 10 },
      email: { sender: 'ses', fromEmail: 'no-reply@example.com', sesIdentityArn: SES_ARN, replyTo: 'help@example.com' },
      domain: { prefix: 'parity-strict-auth' },
      clients: {
        web: {
          preset: 'web',
          callbackUrls: ['https://app.example.com/callback'],
          threatProtection: {
            compromisedCredentials: { action: 'NO_ACTION', events: ['SIGN_IN'] },
            accountTakeover: {
              high: { action: 'BLOCK', notify: true },
              notifications: { from: 'security@example.com', blockEmail: { subject: 'Blocked', htmlBody: '<p>Blocked</p>', textBody: 'Blocked' } },
            },
            ipRanges: { alwaysAllow: ['10.0.0.0/8'] },
          },
        },
      },
    },
    module: {
      name: 'parity-strict',
      security_profile: 'strict',
      password_policy: { min_length: 10 },
      email: { sending_account: 'DEVELOPER', from_email: 'no-reply@example.com', source_arn: SES_ARN, reply_to: 'help@example.com' },
      domain: { prefix: 'parity-strict-auth' },
      clients: {
        web: {
          preset: 'web',
          callback_urls: ['https://app.example.com/callback'],
          threat_protection: {
            compromised_credentials: { action: 'NO_ACTION', events: ['SIGN_IN'] },
            account_takeover: {
              high: { action: 'BLOCK', notify: true },
              notifications: { from: 'security@example.com', block_email: { subject: 'Blocked', html_body: '<p>Blocked</p>', text_body: 'Blocked' } },
            },
            ip_ranges: { always_allow: ['10.0.0.0/8'] },
          },
        },
      },
    },
  },
  {
    name: "strict security profile with Cognito's sender and responses of its own (they replace the profile's whole); a custom domain's alias records",
    library: {
      userPoolName: 'parity-strict-own',
      securityProfile: 'strict',
      featurePlan: 'PLUS',
      threatProtection: { customAuthMode: 'ENFORCED', ipRanges: { alwaysBlock: ['192.0.2.0/24'] } },
      domain: { customDomain: { domainName: 'auth.example.com', certificateArn: ACM_US_EAST_1, hostedZoneId: HOSTED_ZONE } },
    },
    module: {
      name: 'parity-strict-own',
      security_profile: 'strict',
      feature_plan: 'PLUS',
      threat_protection_custom_auth_mode: 'ENFORCED',
      threat_protection: { ip_ranges: { always_block: ['192.0.2.0/24'] } },
      domain: { custom_domain: { domain_name: 'auth.example.com', certificate_arn: ACM_US_EAST_1, hosted_zone_id: HOSTED_ZONE } },
    },
  },
  TRIGGERS,
  {
    name: 'custom senders with your KMS key: an SMS sender from a zip, an existing email sender',
    library: {
      userPoolName: 'parity-senders',
      customSenderKmsKeyArn: SENDER_KEY,
      triggers: {
        customSmsSender: { handler: { directory: HELLO, handler: 'index.handler' } },
        customEmailSender: { handler: { functionArn: 'arn:aws:lambda:eu-west-1:111122223333:function:email-sender' } },
      },
    },
    module: {
      name: 'parity-senders',
      custom_sender_kms_key_arn: SENDER_KEY,
      triggers: {
        custom_sms_sender: { handler: { zip_file: 'hello.zip', handler: 'index.handler' } },
        custom_email_sender: { handler: { function_arn: 'arn:aws:lambda:eu-west-1:111122223333:function:email-sender' } },
      },
    },
    zips: { 'hello.zip': HELLO },
  },
];

/** What a trigger creates: compared by operation (the module keys them by operation, the library names them after it). */
const TRIGGER_TYPES = [
  'aws_lambda_function',
  'aws_iam_role',
  'aws_iam_role_policy',
  'aws_cloudwatch_log_group',
  'aws_lambda_permission',
  'aws_kms_key',
];

/**
 * Values only the module leaves to the apply, each for a reason: it declares no environment, so the
 * permission's account comes from the pool's ARN and the sender key's policy from a log group it creates.
 * (The policy itself is compared below, with those values put in.)
 */
const UNKNOWN_TO_THE_MODULE: Readonly<Record<string, readonly string[]>> = { aws_lambda_permission: ['source_account'], aws_kms_key: ['policy'] };

/** A planned trigger resource's key: its operation and name (the sender key is one a pool). */
function triggerKey(c: any): string {
  if (c.type === 'aws_kms_key') return 'sender-key';
  const operation = typeof c.index === 'string' ? MODULE_TRIGGER_OPERATIONS[c.index] : /_triggers_([a-zA-Z]+)/.exec(c.address)?.[1];
  return `${operation}:${c.change.after.name ?? c.change.after.function_name ?? ''}`;
}

/**
 * Each planned resource of `type`, by its `name` argument (clients and groups are named after their keys), or its trigger;
 * risk configurations, which have no name, by whether they are the pool's (no client) or a client's; DNS records by type.
 */
function byName(plan: any, type: string): Record<string, any> {
  const key = (c: any) =>
    TRIGGER_TYPES.includes(type)
      ? triggerKey(c)
      : type === 'aws_cognito_risk_configuration'
        ? c.change.after.client_id === null
          ? 'pool'
          : 'client'
        : type === 'aws_route53_record'
          ? c.change.after.type
          : c.change.after.name;
  return Object.fromEntries(
    plan.resource_changes.filter((c: any) => c.type === type).map((c: any) => [key(c), { ...c.change.after, unknown: c.change.after_unknown }]),
  );
}

/**
 * Planned values minus what the two sides spell differently for the same setting: the client's pool
 * reference, tags (the library's stack adds its own), and token lifetimes (the module counts every
 * lifetime in minutes, the library keeps each preset's unit: compared as seconds instead).
 */
function comparable(values: any): any {
  const {
    unknown: _unknown,
    // Where the zip lies, and its name in the function's description (the library names the folder it zipped).
    filename: _filename,
    description,
    user_pool_id: _pool,
    tags: _tags,
    tags_all: _tagsAll,
    access_token_validity,
    id_token_validity,
    refresh_token_validity,
    token_validity_units,
    ...rest
  } = values;
  if (typeof description === 'string' && description.startsWith('Cognito trigger (')) return rest;
  if (description !== undefined) rest.description = description;
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
      for (const [file, folder] of Object.entries(combination.zips ?? {}))
        copyFileSync(TriggerCode.fromDirectory(folder, 'index.handler').package().zipPath, join(dir, file));
      const module = initValidatePlan(dir, 'parity.tfvars.json');

      const library = checkOffline(synth(libraryStack(combination))).plan;
      if (combination === TRIGGERS) {
        // The five functions the module creates (from zips; two are its ready-made handlers), named as the library names them.
        expect(Object.keys(byName(module, 'aws_lambda_function')).sort()).toEqual([
          'customEmailSender:parity-triggers-customEmailSender',
          'customMessage:parity-messages',
          'postConfirmation:parity-triggers-postConfirmation',
          'preSignUp:parity-triggers-preSignUp',
          'preTokenGeneration:parity-triggers-preTokenGeneration',
        ]);
      }

      for (const type of [
        'aws_cognito_user_pool',
        'aws_cognito_user_pool_client',
        'aws_cognito_user_pool_domain',
        'aws_cognito_resource_server',
        'aws_cognito_user_group',
        ...TRIGGER_TYPES,
        'aws_cognito_risk_configuration',
        'aws_route53_record',
      ]) {
        const [fromModule, fromLibrary] = [byName(module, type), byName(library, type)];
        expect({ type, names: Object.keys(fromModule).sort() }).toEqual({ type, names: Object.keys(fromLibrary).sort() });
        const moduleOnly = UNKNOWN_TO_THE_MODULE[type] ?? [];
        const known = (values: any) => Object.fromEntries(Object.entries(comparable(values)).filter(([k]) => !moduleOnly.includes(k)));
        for (const name of Object.keys(fromLibrary)) {
          expect({ type, name, values: known(fromModule[name]) }).toEqual({ type, name, values: known(fromLibrary[name]) });
          if (!TRIGGER_TYPES.includes(type)) continue;
          // What is left to the apply is the same on both sides, but the reasoned exceptions, which the module leaves to it.
          const unknown = (values: any) => Object.keys(values.unknown).filter((k) => !moduleOnly.includes(k));
          expect({ type, name, unknown: unknown(fromModule[name]) }).toEqual({ type, name, unknown: unknown(fromLibrary[name]) });
          for (const k of moduleOnly) expect({ type, name, k, unknown: fromModule[name].unknown[k] }).toEqual({ type, name, k, unknown: true });
        }
      }
    });
  }
});

describe('the policies of trigger functions and of the sender key', () => {
  test("the module writes the library's documents, reference for reference (the key's with the account, region and partition put in)", () => {
    const library = synth(libraryStack(TRIGGERS)).resource;
    const module = moduleConfig().resource;
    const modulePoolActions = JSON.stringify((TRIGGERS.module.triggers as any).post_confirmation.pool_actions);
    // `${aws_<type>.<any address>.<attribute>}` names the same resource on both sides; the module's values of a trigger stand in.
    const normalized = (document: string) =>
      JSON.parse(
        document
          .replace(/\$\{aws_(\w+)\.[^}]*\.(arn|name|id)\}/g, '<$1.$2>')
          .replace('${jsonencode(each.value.pool_actions)}', modulePoolActions)
          .replace(/\$\{local\.trigger_log_group_arn_parts\[(\d)\]\}/g, (_all, i) => ['arn', 'aws', 'logs', 'eu-west-1', '111122223333'][Number(i)]!),
      );
    const libraryOf = (type: string, part: string) =>
      Object.entries(library[type] as Record<string, any>).find(([address]) => address.includes(part))![1];
    const pairs: [string, string, string][] = [
      [libraryOf('aws_iam_role', 'postConfirmation_role').assume_role_policy, module.aws_iam_role.this.assume_role_policy, 'assume role'],
      [libraryOf('aws_iam_role_policy', 'postConfirmation_logs-and-traces').policy, module.aws_iam_role_policy.this.policy, 'logs and traces'],
      [libraryOf('aws_iam_role_policy', 'postConfirmation_pool-actions').policy, module.aws_iam_role_policy.pool_actions.policy, 'pool actions'],
      [libraryOf('aws_iam_role_policy', 'customEmailSender_decrypt-codes').policy, module.aws_iam_role_policy.decrypt_codes.policy, 'decrypt'],
      [libraryOf('aws_kms_key', 'sender-key').policy, module.aws_kms_key.this.policy, 'sender key'],
    ];
    for (const [fromLibrary, fromModule, name] of pairs) {
      // The library's decrypt policy names its key; the module's, the key given or made (local.sender_kms_key_arn).
      const libraryDocument = normalized(fromLibrary.replace(/\$\{aws_kms_key\.[^}]*\.arn\}/, '${local.sender_kms_key_arn}'));
      expect({ name, document: normalized(fromModule) }).toEqual({ name, document: libraryDocument });
    }
  });
});

/** The library's stack for a combination, built by the app's own buildPool. */
function libraryStack(combination: Combination) {
  const stack = testStack();
  expect(buildPool(stack, 'pool', poolSchema.parse(combination.library) as PoolConfig, 'pool', new Map())).toEqual([]);
  return stack;
}
