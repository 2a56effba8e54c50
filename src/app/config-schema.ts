import { z } from 'zod';
import { AuthFlow, ClientPreset, OAuthFlow } from '../client/client-props';
import { ManagedLoginVersion } from '../client/user-pool-domain';
import { STANDARD_ATTRIBUTES } from '../user-pool/attributes';
import { AccountRecovery, AuthFactor, CustomAuthThreatProtectionMode, FeaturePlan, PasskeyUserVerification, ThreatProtectionMode } from '../user-pool/enums';
import { TriggerEventVersion, TriggerOperation } from '../triggers/trigger-operation';
import { TriggerRuntime } from '../triggers/trigger-function';

/**
 * The configuration file's shape: types, closed sets and unknown keys (a typo is an error). Value rules
 * (lengths, ranges, cross-field rules) are not repeated here: they are the constructs' rules, reported
 * with the same configuration paths after the stacks are built.
 *
 * Keys are the constructs' prop names, so a construct's problem path maps straight onto the file.
 */

const text = z.string();
const tags = z.record(z.string(), z.string()).describe('Tags, key to value');
const flag = z.boolean();
const whole = z.number().int();
const values = <T extends Record<string, string | number>>(e: T) => Object.values(e).filter((v) => typeof v === 'string') as [string, ...string[]];

/** `15m`, `1h`, `30d`, `3600s`. */
export const DURATION_PATTERN = /^([1-9][0-9]*)(s|m|h|d)$/;
const duration = z.string().regex(DURATION_PATTERN, 'must be a whole number and a unit: s, m, h or d (e.g. "15m", "30d")');

const verifiable = z.strictObject({ email: flag.optional(), phone: flag.optional() });

const customAttribute = z.strictObject({
  type: z.enum(['String', 'Number', 'Boolean', 'DateTime']),
  mutable: flag.optional(),
  minLen: whole.optional().describe('String only'),
  maxLen: whole.optional().describe('String only'),
  min: z.number().optional().describe('Number only'),
  max: z.number().optional().describe('Number only'),
});

const email = z.discriminatedUnion('sender', [
  z.strictObject({ sender: z.literal('cognito'), replyTo: text.optional() }),
  z.strictObject({
    sender: z.literal('ses'),
    fromEmail: text,
    fromName: text.optional(),
    replyTo: text.optional(),
    sesIdentityArn: text.optional(),
    sesVerifiedDomain: text.optional(),
    sesRegion: text.optional(),
    configurationSet: text.optional(),
  }),
]);

const domain = z.strictObject({
  prefix: text.optional(),
  customDomain: z.strictObject({ domainName: text, certificateArn: text, hostedZoneId: text.optional() }).optional(),
  managedLoginVersion: z.union([z.literal(ManagedLoginVersion.CLASSIC_HOSTED_UI), z.literal(ManagedLoginVersion.MANAGED_LOGIN)]).optional(),
});

const resourceServer = z.strictObject({
  identifier: text,
  name: text.optional(),
  scopes: z.record(z.string(), text).optional().describe('Scope name to description'),
});

const client = z.strictObject({
  preset: z.enum(values(ClientPreset)).optional(),
  clientName: text.optional(),
  generateSecret: flag.optional(),
  oAuthFlows: z.array(z.enum(values(OAuthFlow))).optional(),
  scopes: z.array(text).optional().describe('Standard scopes, or "<resource server key>/<scope>"'),
  callbackUrls: z.array(text).optional(),
  logoutUrls: z.array(text).optional(),
  defaultRedirectUri: text.optional(),
  authFlows: z.array(z.enum(values(AuthFlow))).optional(),
  readAttributes: z.array(text).optional(),
  writeAttributes: z.array(text).optional(),
  identityProviders: z.array(text).optional(),
  tokenValidity: z.strictObject({ accessToken: duration.optional(), idToken: duration.optional(), refreshToken: duration.optional() }).optional(),
  authSessionValidityMinutes: whole.optional(),
  enableTokenRevocation: flag.optional(),
  refreshTokenRotation: z.strictObject({ retryGracePeriodSeconds: whole }).optional(),
  preventUserExistenceErrors: flag.optional(),
  propagateAdditionalUserContextData: flag.optional(),
  secretHandOff: z.strictObject({ readers: z.array(text), secretName: text.optional() }).optional(),
});

const triggerHandler = z.union([
  z.strictObject({ emailDomainAllowlist: z.array(text).describe('The ready-made pre sign-up handler') }),
  z.strictObject({ groupClaims: z.strictObject({ groupScopes: z.record(z.string(), z.array(text)), groupsClaim: text.optional(), roleClaim: text.optional() }).describe('The ready-made V2 pre token generation handler') }),
  z.strictObject({ file: text.describe('A TypeScript or JavaScript file of the project, bundled') }),
  z.strictObject({ directory: text, handler: text }),
  z.strictObject({ functionArn: text.describe('An existing function') }),
]);

const trigger = z.strictObject({
  handler: triggerHandler,
  eventVersion: z.enum(values(TriggerEventVersion)).optional(),
  poolActions: z.array(text).optional(),
  functionName: text.optional(),
  runtime: z.enum(values(TriggerRuntime)).optional(),
  memorySize: whole.optional(),
  timeoutSeconds: whole.optional(),
  environment: z.record(z.string(), z.string()).optional(),
  logRetentionDays: whole.optional(),
});

/** One pool's settings (all optional: defaults and environments are merged, then checked by the constructs). */
export const poolSchema = z.strictObject({
  userPoolName: text.optional().describe('Default: the environment name'),
  signInAliases: z.strictObject({ username: flag.optional(), email: flag.optional(), phone: flag.optional(), preferredUsername: flag.optional() }).optional(),
  signInCaseSensitive: flag.optional(),
  autoVerify: verifiable.optional(),
  keepOriginal: verifiable.optional(),
  standardAttributes: z.partialRecord(z.enum(Object.keys(STANDARD_ATTRIBUTES) as [string, ...string[]]), z.strictObject({ required: flag.optional(), mutable: flag.optional() })).optional(),
  customAttributes: z.record(z.string(), customAttribute).optional(),
  passwordPolicy: z
    .strictObject({
      minLength: whole.optional(),
      requireLowercase: flag.optional(),
      requireUppercase: flag.optional(),
      requireDigits: flag.optional(),
      requireSymbols: flag.optional(),
      tempPasswordValidityDays: whole.optional(),
      passwordHistorySize: whole.optional(),
    })
    .optional(),
  selfSignUpEnabled: flag.optional(),
  mfa: z.enum(['OFF', 'OPTIONAL', 'REQUIRED']).optional(),
  mfaSecondFactor: z.strictObject({ otp: flag.optional(), sms: flag.optional(), email: flag.optional() }).optional(),
  mfaMessage: text.optional(),
  emailMfaMessage: z.strictObject({ subject: text.optional(), body: text.optional() }).optional(),
  userVerification: z.strictObject({ emailStyle: z.enum(['CODE', 'LINK']).optional(), emailSubject: text.optional(), emailBody: text.optional(), smsMessage: text.optional() }).optional(),
  userInvitation: z.strictObject({ emailSubject: text.optional(), emailBody: text.optional(), smsMessage: text.optional() }).optional(),
  accountRecovery: z.enum(values(AccountRecovery)).optional(),
  email: email.optional(),
  sms: z.strictObject({ existingRole: z.strictObject({ roleArn: text, externalId: text }).optional(), snsRegion: text.optional() }).optional(),
  deviceTracking: z.strictObject({ challengeRequiredOnNewDevice: flag, deviceOnlyRememberedOnUserPrompt: flag }).optional(),
  featurePlan: z.enum(values(FeaturePlan)).optional(),
  threatProtection: z.strictObject({ standardMode: z.enum(values(ThreatProtectionMode)).optional(), customAuthMode: z.enum(values(CustomAuthThreatProtectionMode)).optional() }).optional(),
  allowedFirstAuthFactors: z.array(z.enum(values(AuthFactor))).optional(),
  passkeys: z.strictObject({ relyingPartyId: text.optional(), userVerification: z.enum(values(PasskeyUserVerification)).optional() }).optional(),
  tags: tags.optional(),
  dangerouslyAllowDeletionOfAllUsers: flag.optional().describe('THROW-AWAY ENVIRONMENTS ONLY: lets a destroy or replacement delete every user'),
  customSenderKmsKeyArn: text.optional(),
  domain: domain.optional(),
  resourceServers: z.record(z.string(), resourceServer).optional(),
  clients: z.record(z.string(), client).optional(),
  groups: z
    .record(z.string(), z.strictObject({ description: text.optional(), precedence: whole.optional(), roleArn: text.optional() }))
    .optional()
    .describe('Groups by name (the name is in the cognito:groups claim)'),
  triggers: z.partialRecord(z.enum(values(TriggerOperation)), trigger).optional(),
});

/** Where Terraform keeps each stack's state. */
export const backendSchema = z.strictObject({
  bucket: text.describe('The S3 bucket'),
  region: text.describe('The bucket region'),
  keyPrefix: text.optional().describe('Default: "cdktf-cognito"; the key is <keyPrefix>/<stack>/terraform.tfstate'),
  roleArn: text.optional().describe('A role to assume for state access'),
  kmsKeyId: text.optional().describe('A KMS key for state encryption (default: SSE-S3)'),
});

/** A pool that exists already (created by another stack, tool or the console): its children are added to it. */
export const existingPoolSchema = z.strictObject({
  userPoolId: text.describe('The pool id, <region>_<id>; the pool must be in the environment\'s account and region'),
  domainBaseUrl: text.optional().describe('The base URL of a domain the pool already has (https://<prefix>.auth.<region>.amazoncognito.com)'),
});

/** One AWS account and environment: one stack. */
export const environmentSchema = z.strictObject({
  name: text.describe('The stack name: lowercase letters, digits and hyphens'),
  accountId: text.describe('The 12-digit AWS account id'),
  region: text.optional().describe('Default: defaults.region'),
  deployRoleArn: text.optional().describe('The role Terraform assumes in the account. Default: defaults.deployRoleArn with the account id'),
  tags: tags.optional(),
  existingPool: existingPoolSchema.optional().describe('Add the children (domain, resource servers, groups, clients, triggers) to this pool instead of creating one'),
  pool: poolSchema.optional(),
});

/** The whole configuration file. */
export const configSchema = z.strictObject({
  $schema: text.optional(),
  backend: backendSchema.optional().describe('Default: local state files (terraform.<stack>.tfstate), for trying out; a team needs a shared backend'),
  defaults: z
    .strictObject({
      region: text.optional(),
      deployRoleArn: text.optional().describe('May contain {accountId}, replaced per environment'),
      tags: tags.optional(),
      pool: poolSchema.optional(),
    })
    .optional(),
  environments: z.array(environmentSchema).min(1),
});

export type PoolConfig = z.infer<typeof poolSchema>;
export type BackendConfig = z.infer<typeof backendSchema>;
export type ExistingPoolConfig = z.infer<typeof existingPoolSchema>;
export type EnvironmentConfig = z.infer<typeof environmentSchema>;
export type AppConfig = z.infer<typeof configSchema>;
export type ClientConfig = z.infer<typeof client>;
export type TriggerConfig = z.infer<typeof trigger>;
