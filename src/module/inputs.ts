import { Attribute, optional, required, TfType } from './hcl-type';
import { ManagedLoginVersion } from '../client/user-pool-domain';
import { UserPoolEmail } from '../user-pool/email';
import { AccountRecovery, Mfa } from '../user-pool/enums';
import { terraformName } from '../core/conditional';
import { TRIGGER_OPERATIONS, TriggerOperation } from '../triggers/trigger-operation';
import { renderUserPool } from '../user-pool/render-user-pool';
import { DEFAULTS, resolveUserPoolProps } from '../user-pool/resolved-props';

/** One input variable of the module. */
export interface ModuleInput {
  readonly name: string;
  readonly type: TfType;
  readonly description: string;
  /** Absent for a required input. */
  readonly default?: unknown;
}

/** The name of an {@link Mfa} value (`Mfa.REQUIRED` is `"ON"` to the provider, `"REQUIRED"` here as in the app's file). */
export const MFA_MODES: Readonly<Record<string, Mfa>> = { ...Mfa };
const mfaMode = (mfa: Mfa): string => Object.entries(MFA_MODES).find(([, v]) => v === mfa)![0];

/** Recovery without SMS: the module creates no SMS role, so phone recovery is not offered. */
export const MODULE_ACCOUNT_RECOVERY: readonly AccountRecovery[] = [AccountRecovery.EMAIL_ONLY, AccountRecovery.ADMIN_ONLY];

/**
 * The operations an existing function can be attached to, by their `lambda_config` names. Custom
 * senders are left out: Cognito encrypts their codes with a KMS key the function must be allowed to use.
 */
export const MODULE_TRIGGERS: readonly string[] = Object.values(TriggerOperation)
  .filter((operation) => !TRIGGER_OPERATIONS[operation].needsKmsKey)
  .map(terraformName);

/** What the library renders for a pool with every default: where a default is a rendered value. */
const renderedDefaults = renderUserPool(resolveUserPoolProps({ userPoolName: 'defaults' }), {});
const list = (of: TfType): TfType => ({ list: of });
const object = (attributes: Record<string, Attribute>): TfType => ({ object: attributes });

/** Client settings that a preset fills in when they are not given (all `optional(type)`: null means "the preset's"). */
export const CLIENT_PRESET_SETTINGS: Readonly<Record<string, Attribute>> = {
  generate_secret: optional('bool', null, 'Whether the client has a secret. Fixed at creation.'),
  oauth_flows: optional(list('string'), null, 'OAuth 2.0 grant types: `code`, `implicit`, `client_credentials`.'),
  scopes: optional(list('string'), null, 'OAuth scopes: standard ones, or `<resource server identifier>/<scope>` of this module\'s resource servers.'),
  auth_flows: optional(list('string'), null, 'Flows the client may call directly (`ALLOW_USER_SRP_AUTH`, ...).'),
  identity_providers: optional(list('string'), null, 'Identity providers users sign in through.'),
  write_attributes: optional(list('string'), null, 'Attributes the client can write: the public presets (`spa`, `native`) the standard profile attributes only; the others all (an empty list).'),
  access_token_validity_minutes: optional('number', null, 'Access token lifetime, 5 to 1440 minutes.'),
  id_token_validity_minutes: optional('number', null, 'ID token lifetime, 5 to 1440 minutes.'),
  refresh_token_validity_minutes: optional('number', null, 'Refresh token lifetime, 60 minutes to 3650 days; at least the access and ID lifetimes.'),
  auth_session_validity_minutes: optional('number', null, 'Sign-in session lifetime between challenges, 3 to 15 minutes.'),
  enable_token_revocation: optional('bool', null, 'Whether refresh tokens can be revoked.'),
  prevent_user_existence_errors: optional('bool', null, 'Whether sign-in errors hide that a user does not exist.'),
  propagate_additional_user_context_data: optional('bool', null, 'Pass IP and device data to threat protection.'),
};

/** Every input of the module, in the order the README lists them. */
export const MODULE_INPUTS: readonly ModuleInput[] = [
  { name: 'name', type: 'string', description: 'The user pool\'s name, 1 to 128 letters, digits, spaces and `+=,.@-`.' },
  {
    name: 'sign_in',
    description: 'What users sign in with. Fixed at creation: a change replaces the pool, which prevent_destroy stops.',
    default: {},
    type: object({
      username: optional('bool', DEFAULTS.signInAliases.username, 'A username of the user\'s choosing; email and preferred username become aliases of it.'),
      email: optional('bool', DEFAULTS.signInAliases.email, 'Email address (verified by Cognito, and kept until a new one is verified).'),
      preferred_username: optional('bool', DEFAULTS.signInAliases.preferredUsername, 'Preferred username, an alias (needs `username`).'),
      case_sensitive: optional('bool', DEFAULTS.signInCaseSensitive, 'Whether `User@Example.com` and `user@example.com` are different users.'),
    }),
  },
  {
    name: 'password_policy',
    description: 'Password rules. The defaults pass AWS Security Hub Cognito.3.',
    default: {},
    type: object({
      min_length: optional('number', DEFAULTS.passwordPolicy.minLength, 'Minimum length, 6 to 99.'),
      require_lowercase: optional('bool', DEFAULTS.passwordPolicy.requireLowercase, 'Require a lowercase letter.'),
      require_uppercase: optional('bool', DEFAULTS.passwordPolicy.requireUppercase, 'Require an uppercase letter.'),
      require_digits: optional('bool', DEFAULTS.passwordPolicy.requireDigits, 'Require a digit.'),
      require_symbols: optional('bool', DEFAULTS.passwordPolicy.requireSymbols, 'Require a symbol.'),
      temporary_password_validity_days: optional('number', DEFAULTS.passwordPolicy.tempPasswordValidityDays, 'Days an administrator-set password stays valid, 0 to 365.'),
      password_history_size: optional('number', DEFAULTS.passwordPolicy.passwordHistorySize, 'Previous passwords a user cannot reuse, 0 to 24; above 0 needs the ESSENTIALS or PLUS plan.'),
    }),
  },
  { name: 'self_sign_up_enabled', type: 'bool', default: DEFAULTS.selfSignUpEnabled, description: 'Whether anyone can sign up, or only administrators create users.' },
  {
    name: 'mfa',
    description: 'Multi-factor authentication.',
    default: {},
    type: object({
      mode: optional('string', mfaMode(DEFAULTS.mfa), '`OFF`, `OPTIONAL` or `REQUIRED`.'),
      otp: optional('bool', DEFAULTS.mfaSecondFactor.otp, 'Authenticator apps (TOTP).'),
      email: optional('bool', DEFAULTS.mfaSecondFactor.email, 'Codes by email: needs the ESSENTIALS or PLUS plan and SES (`email.sending_account = "DEVELOPER"`).'),
      email_subject: optional('string', null, 'Subject of the email carrying the code, 1 to 140 characters (AWS\'s default when null).'),
      email_body: optional('string', null, 'Body of that email, 6 to 20000 characters with `{####}` (AWS\'s default when null).'),
    }),
  },
  {
    name: 'email',
    description: 'How the pool sends email: Cognito\'s limited sender, or your verified SES identity.',
    default: {},
    type: object({
      sending_account: optional('string', UserPoolEmail.withCognito().sendingAccount, '`COGNITO_DEFAULT` or `DEVELOPER` (SES).'),
      from_email: optional('string', null, 'The SES sender address (`DEVELOPER` only).'),
      from_name: optional('string', null, 'A display name shown before the address.'),
      reply_to: optional('string', null, 'Where replies go.'),
      source_arn: optional('string', null, 'The ARN of the verified SES identity (`DEVELOPER` only).'),
      configuration_set: optional('string', null, 'An SES configuration set.'),
    }),
  },
  {
    name: 'verification',
    description: 'The message that confirms an email address (a code).',
    default: {},
    type: object({
      email_subject: optional('string', DEFAULTS.verificationEmailSubject, '1 to 140 characters.'),
      email_body: optional('string', DEFAULTS.verificationCodeBody, '6 to 20000 characters with `{####}`.'),
      sms_message: optional('string', DEFAULTS.verificationSms, '6 to 140 characters with `{####}`.'),
    }),
  },
  { name: 'account_recovery', type: 'string', default: DEFAULTS.accountRecovery, description: `How users recover their account: ${MODULE_ACCOUNT_RECOVERY.join(' or ')}.` },
  { name: 'feature_plan', type: 'string', default: DEFAULTS.featurePlan, description: '`LITE`, `ESSENTIALS` or `PLUS`.' },
  { name: 'threat_protection_mode', type: 'string', default: DEFAULTS.threatProtectionMode, description: '`OFF`, `AUDIT` or `ENFORCED` (Security Hub Cognito.1); needs PLUS.' },
  {
    name: 'deletion_protection',
    type: 'string',
    default: renderedDefaults.deletionProtection,
    description: '`ACTIVE` or `INACTIVE`. The pool also has `prevent_destroy`, which only editing the module turns off.',
  },
  { name: 'tags', type: { map: 'string' }, default: {}, description: 'Tags on the pool, at most 50.' },
  {
    name: 'triggers',
    type: { map: 'string' },
    default: {},
    description: `Existing Lambda functions by operation (${MODULE_TRIGGERS.join(', ')}): their ARNs. The module adds each invoke permission, for this pool only.`,
  },
  {
    name: 'domain',
    description: 'The OAuth 2.0 domain: a Cognito prefix or your own domain (exactly one). Null: no domain.',
    default: null,
    type: object({
      prefix: optional('string', null, '`<prefix>.auth.<region>.amazoncognito.com`; unique across all AWS accounts, without aws, amazon or cognito.'),
      custom_domain: optional(
        object({
          domain_name: required('string', 'The fully qualified name, e.g. `auth.example.com`.'),
          certificate_arn: required('string', 'An issued ACM certificate for it, in us-east-1.'),
        }),
        null,
        'Your own domain.',
      ),
      managed_login_version: optional('number', ManagedLoginVersion.CLASSIC_HOSTED_UI, '1: classic hosted UI; 2: managed login (ESSENTIALS or PLUS).'),
    }),
  },
  {
    name: 'resource_servers',
    description: 'APIs with scopes, by key.',
    default: {},
    type: {
      map: object({
        identifier: required('string', 'The identifier (usually the API URL): the prefix of its scopes.'),
        name: optional('string', null, 'A readable name (the identifier when null).'),
        scopes: optional({ map: 'string' }, {}, 'Scope name to description.'),
      }),
    },
  },
  {
    name: 'clients',
    description: 'App clients, by key. Each starts from a preset; every setting given overrides the preset\'s.',
    default: {},
    type: {
      map: object({
        preset: required('string', '`spa`, `web`, `native` or `machine`.'),
        name: optional('string', null, 'The client\'s name (the key when null).'),
        callback_urls: optional(list('string'), [], 'Redirects after sign-in: HTTPS, `http://localhost` or a custom scheme; no fragment.'),
        logout_urls: optional(list('string'), [], 'Redirects after sign-out; same rules.'),
        default_redirect_uri: optional('string', null, 'One of the callback URLs.'),
        read_attributes: optional(list('string'), [], 'Attributes the client can read (all when empty).'),
        ...CLIENT_PRESET_SETTINGS,
      }),
    },
  },
  {
    name: 'groups',
    description: 'User groups, by name.',
    default: {},
    type: {
      map: object({
        description: optional('string', null, 'What the group is for, at most 2048 characters.'),
        precedence: optional('number', null, 'Which group\'s role wins for users in several (lowest wins).'),
        role_arn: optional('string', null, 'An IAM role for members (through identity pools).'),
      }),
    },
  },
];
