import { CLIENT_PRESET_SETTINGS, MFA_MODES } from './inputs';
import { MODULE_SENDERS, MODULE_TRIGGER_OPERATIONS } from './triggers-module';
import { AuthFlow, ClientPreset, LEGACY_AUTH_FLOWS, OAuthFlow } from '../client/client-props';
import { OAuthScope } from '../client/oauth-scope';
import { SCOPE_NAME_PATTERN, SCOPE_PATTERN } from '../client/resource-server';
import { HAND_OFF_READER } from '../client/client-rules';
import { ACM_ARN, ManagedLoginVersion, PREFIX_PATTERN } from '../client/user-pool-domain';
import {
  AccountRecovery,
  AuthFactor,
  CustomAuthThreatProtectionMode,
  FeaturePlan,
  PasskeyUserVerification,
  ThreatProtectionMode,
  VerificationEmailStyle,
} from '../user-pool/enums';
import { HANDLER_MAX_LENGTH, HANDLER_PATTERN } from '../triggers/trigger-code';
import { CREATED_FUNCTION_OPTIONS } from '../triggers/pool-triggers';
import { moduleDefault } from '../settings/setting';
import { TRIGGER_FIELDS } from '../settings/trigger-settings';
import { terraformName } from '../core/conditional';
import { TRIGGER_OPERATIONS, TriggerEventVersion, TriggerOperation } from '../triggers/trigger-operation';
import { LAMBDA_ARN_PATTERN, LOG_RETENTION_DAYS, NAMED_POOL_ACTION, SECRET_NAME, SECRET_VALUE } from '../triggers/trigger-rules';
import { CIDR, EMAIL_TEXT } from '../user-pool/risk-configuration';
import { DEFAULTS } from '../user-pool/resolved-props';
import { profiled, STRICT_DEFAULTS, STRICT_IN_MODULE } from '../settings/federation-settings';
import { SecurityProfile, strictRiskResponses } from '../user-pool/security-profile';
import { AccountTakeoverAction, CompromisedCredentialsAction, CompromisedCredentialsEvent, hasRiskResponses } from '../user-pool/risk-responses';
import { RESPONSE_KINDS } from './risk-module';
import { MAX_GROUP_PRECEDENCE } from '../user-pool/user-pool-group';
import { CustomAttributeType, STANDARD_ATTRIBUTES } from '../user-pool/attributes';
import { PRINTABLE } from '../core/checks';
import { moduleAutoVerified, moduleSignIn } from '../settings/pool-settings';
import { ARN_PATTERN, DEFAULT_VERIFICATION_EMAIL, EMAIL_PATTERN, LINK_PLACEHOLDER, NAME_PATTERN } from '../user-pool/user-pool-rules';

/**
 * The library's rules as Terraform `validation` blocks, keyed by the rule they express: the names of
 * `USER_POOL_RULES`, `CLIENT_RULES` and `TRIGGER_RULES`, `checkDomain`, `checkResourceServer` and
 * `checkGroup`, plus `moduleInputs`: checks that the library's types make unnecessary (closed sets, the
 * ARNs of existing functions). A rule that Terraform cannot express, or that
 * concerns an input the module does not have, is listed with the reason. A test holds this table to the
 * rule lists, and plans every `bad` value to see Terraform reject it with the message.
 *
 * Conditions use `x == null ? true : check` rather than `||`, because Terraform evaluates both sides
 * of `||` and a function of null fails.
 */

/** One `validation` block. */
export interface ModuleValidation {
  /** The variable it belongs to. */
  readonly variable: string;
  /** The condition, a Terraform expression. */
  readonly condition: string;
  /** `error_message`: a sentence, or a template naming the offending entries of a map. */
  readonly message: string;
  /** Variable values that break this rule (with every other value they rely on given explicitly). */
  readonly bad: Readonly<Record<string, unknown>>;
  /** Text the message has for `bad` (the sentence, without the names of the entries). */
  readonly expect: string;
}

/** How one library rule reaches the module. */
export type RuleMapping = { readonly validations: readonly ModuleValidation[] } | { readonly notExpressible: string };

/** A JavaScript pattern as a Terraform string (RE2 reads these the same: no look-arounds, no back-references). */
const re = (pattern: RegExp): string => JSON.stringify(pattern.source);
const strings = (values: readonly (string | number)[]): string => `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
const matches = (value: string, pattern: RegExp) => `can(regex(${re(pattern)}, ${value}))`;
const lengthIn = (value: string, min: number, max: number) => `length(${value}) >= ${min} && length(${value}) <= ${max}`;
const wholeIn = (value: string, min: number, max: number) => `floor(${value}) == ${value} && ${value} >= ${min} && ${value} <= ${max}`;
const ifSet = (value: string, check: string) => `(${value} == null ? true : (${check}))`;
const oneOf = (value: string, values: readonly (string | number)[]) => `contains(${strings(values)}, ${value})`;

/** A validation of one (non-map) variable. */
function check(variable: string, condition: string, message: string, bad: Record<string, unknown>): ModuleValidation {
  return { variable, condition, message, bad, expect: message };
}

/**
 * A validation of every entry of a map: the message names the entries that break it. `entries` is what
 * is iterated, `v` the entry's name in `condition`.
 */
function eachEntry(
  variable: string,
  entries: string,
  v: string,
  label: string,
  condition: string,
  message: string,
  bad: Record<string, unknown>,
): ModuleValidation {
  return { variable, ...entryCheck(entries, v, label, condition, message), bad, expect: message };
}

/**
 * A check of every entry of a map (`k` its key, `v` the name of its value in `condition`), whose message
 * names the entries that fail it, after `label`.
 */
export function entryCheck(entries: string, v: string, label: string, condition: string, message: string): { condition: string; message: string } {
  return {
    condition: `alltrue([for k, ${v} in ${entries} : ${condition}])`,
    message: `${label} \${join(", ", [for k, ${v} in ${entries} : k if !(${condition})])}: ${message}`,
  };
}

/**
 * A validation of every client, with its preset applied: `c.<setting>` in `condition` reads the given
 * value or, when null, the preset's. (A validation must read its own variable, so it cannot iterate
 * `local.clients`.) Clients with an unknown preset are left to the preset's own validation.
 */
const client = (condition: string, message: string, clients: Record<string, unknown>, other: Record<string, unknown> = {}) =>
  eachEntry('clients', 'var.clients', 'c', 'Clients', `contains(keys(local.client_presets), c.preset) ? (${withPreset(condition)}) : true`, message, {
    ...other,
    clients,
  });

function withPreset(condition: string): string {
  return condition.replace(/\bc\.(\w+)\b/g, (whole, setting: string) => {
    if (setting === 'name') return 'coalesce(c.name, k)';
    return setting in CLIENT_PRESET_SETTINGS ? `(c.${setting} != null ? c.${setting} : local.client_presets[c.preset].${setting})` : whole;
  });
}
const server = (condition: string, message: string, servers: Record<string, unknown>) =>
  eachEntry('resource_servers', 'var.resource_servers', 's', 'Resource servers', condition, message, { resource_servers: servers });
/**
 * A validation of every trigger: `k` is its operation, `t` its settings. (The test merges bad values that
 * do not contradict each other: a bad value whose fault is a field left out names an operation of its own.)
 */
const trigger = (condition: string, message: string, triggers: Record<string, unknown>, other: Record<string, unknown> = {}) =>
  eachEntry('triggers', 'var.triggers', 't', 'Triggers', condition, message, { ...other, triggers });
/** A trigger setting left as the module's default: not given (or given as its default). */
function leftUnset(option: keyof typeof TRIGGER_FIELDS): string {
  const [name, value] = [`t.${terraformName(option)}`, moduleDefault(TRIGGER_FIELDS[option])];
  if (value === null) return `${name} == null`;
  return typeof value === 'object' ? `length(${name}) == 0` : `${name} == ${JSON.stringify(value)}`;
}
/** A check of a function the module creates (the library checks an existing function's ARN only). */
const created = (condition: string) => `(t.handler.function_arn == null ? (${condition}) : true)`;
const group = (condition: string, message: string, groups: Record<string, unknown>) =>
  eachEntry('groups', 'var.groups', 'g', 'Groups', condition, message, { groups });
const standardAttribute = (condition: string, message: string, attributes: Record<string, unknown>) =>
  eachEntry('standard_attributes', 'var.standard_attributes', 'a', 'Standard attributes', condition, message, { standard_attributes: attributes });
const customAttribute = (condition: string, message: string, attributes: Record<string, unknown>) =>
  eachEntry('custom_attributes', 'var.custom_attributes', 'a', 'Custom attributes', condition, message, { custom_attributes: attributes });
/** AWS's own type and bounds of each standard attribute, by Cognito name (the module's keys). */
const STANDARD_BOUNDS = Object.fromEntries(Object.values(STANDARD_ATTRIBUTES).map((a) => [a.name, a]));
const STANDARD_TYPES = Object.fromEntries(Object.values(STANDARD_BOUNDS).map((a) => [a.name, a.type]));
const STANDARD_MIN = Object.fromEntries(Object.values(STANDARD_BOUNDS).flatMap((a) => (a.minLength === undefined ? [] : [[a.name, a.minLength]])));
const STANDARD_MAX = Object.fromEntries(Object.values(STANDARD_BOUNDS).flatMap((a) => (a.maxLength === undefined ? [] : [[a.name, a.maxLength]])));
/** A map literal. */
const hclMap = (values: Record<string, string | number>) =>
  `{ ${Object.entries(values)
    .map(([k, v]) => `${JSON.stringify(k)} = ${JSON.stringify(v)}`)
    .join(', ')} }`;
const domain = (condition: string, message: string, value: unknown, other: Record<string, unknown> = {}) =>
  check('domain', ifSet('var.domain', condition), message, { ...other, domain: value });

/** A valid SES sender (a validation that reads `var.email` is skipped while `email` itself is invalid). */
const SES_EMAIL = {
  sending_account: 'DEVELOPER',
  from_email: 'no-reply@example.com',
  source_arn: 'arn:aws:ses:eu-west-1:111122223333:identity/example.com',
};
/** Whether the verification email's subject or body is other than the library's defaults (which Cognito's sender sends as its own). */
const CUSTOM_VERIFICATION_EMAIL = `(!contains(${strings(DEFAULT_VERIFICATION_EMAIL)}, var.verification.email_subject) || (var.verification.email_body == null ? false : !contains(${strings(DEFAULT_VERIFICATION_EMAIL)}, var.verification.email_body)))`;
/** The template pairs: each one's style, the placeholder its body needs, and a body without it. */
const TEMPLATE_PAIRS: readonly [string, keyof typeof VerificationEmailStyle, (body: string) => string, string][] = [
  ['code_email', 'CODE', (body) => hasCode(body), 'Your code is below'],
  ['link_email', 'LINK', (body) => matches(body, LINK_PLACEHOLDER), 'Your code is {####}'],
];
/** An invitation message, when given and its object is (`user_invitation` may be null). */
const invitationSet = (field: string) => `try(var.user_invitation.${field}, null) != null`;
const invitation = (field: string, condition: string) => `(${invitationSet(field)} ? (${condition}) : true)`;
const MODULE_FIRST_FACTORS = Object.values(AuthFactor);

/** An attribute's resolved auto-verify and keep-original flags (null takes the library's default). */
const autoVerified = moduleAutoVerified;
const keepOriginal = (a: 'email' | 'phone') => `(try(var.keep_original.${a}, null) != null ? var.keep_original.${a} : ${autoVerified(a)})`;
/** What `sendsSms` says, in Terraform. */
const SENDS_SMS = `((var.mfa.mode != "OFF" && var.mfa.sms) || ${autoVerified('phone')} || contains(var.allowed_first_auth_factors, "SMS_OTP") || contains(${strings([AccountRecovery.PHONE_AND_EMAIL, AccountRecovery.EMAIL_AND_PHONE, AccountRecovery.PHONE_ONLY])}, var.account_recovery))`;

const ESSENTIALS_OR_PLUS = strings([FeaturePlan.ESSENTIALS, FeaturePlan.PLUS]);
const PLUS = JSON.stringify(FeaturePlan.PLUS);
const usesFlow = (flow: OAuthFlow) => `contains(c.oauth_flows, ${JSON.stringify(flow)})`;
const CODE = '{####}';
const hasCode = (value: string) => `strcontains(${value}, ${JSON.stringify(CODE)})`;
const emailMfaOn = `var.mfa.email && var.mfa.mode != "OFF"`;
const CALLBACK = 'https://app.example.com/callback';
const LAMBDA_ARN = 'arn:aws:lambda:eu-west-1:111122223333:function:pre-sign-up';
/** A trigger deployed from a zip (with its hash, so no file is read). */
const ZIP = { handler: { zip_file: 'build/trigger.zip', source_code_hash: 'dGVzdA==', handler: 'index.handler' } } as const;
/** `<operation>/<version>` for every event version an operation accepts (LambdaConfigType: PreTokenGenerationConfig V1_0 to V3_0,
 * CustomEmailSender and CustomSMSSender V1_0 only; https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html). */
const ACCEPTED_VERSIONS = Object.entries(MODULE_TRIGGER_OPERATIONS).flatMap(([name, operation]) =>
  TRIGGER_OPERATIONS[operation].versions.map((version) => `${name}/${version}`),
);
const versionsOf = (operation: TriggerOperation) => TRIGGER_OPERATIONS[operation].versions.join(', ');
/** LambdaConfigType.KMSKeyID: the ARN of a KMS key (an ArnType of 20 to 2048 characters). */
const KMS_KEY_ARN = /^arn:[\w-]+:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;
/** A Lambda function ARN, optionally with a version or alias. */
const ACM_US_EAST_1 = 'arn:aws:acm:us-east-1:111122223333:certificate/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab';
/** What `checkRedirectUrl` accepts: an absolute URL (custom schemes too), no fragment, plain http to localhost only. */
const redirectUrl = (u: string) =>
  `length(${u}) <= 1024 && !strcontains(${u}, "#") && ${matches(u, /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/)} && (startswith(lower(${u}), "http:") ? ${matches(`lower(${u})`, /^http:\/\/localhost([:/?]|$)/)} : true)`;
/** Custom domains: `FQDN_PATTERN` of the domain rules without its look-ahead (RE2 has none), the length checked apart. */
const FQDN = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Every library rule, mapped to validations or to the reason it has none. */
/** The feature plan and threat protection modes in force (what the pool renders): given, else the profile's, else the default. */
const FEATURE_PLAN = profiled('var.feature_plan', STRICT_DEFAULTS.featurePlan, DEFAULTS.featurePlan);
const THREAT_MODE = profiled('var.threat_protection_mode', STRICT_DEFAULTS.threatProtection?.standardMode, DEFAULTS.threatProtectionMode);
const CUSTOM_AUTH_MODE = profiled('var.threat_protection_custom_auth_mode', STRICT_DEFAULTS.threatProtection?.customAuthMode, undefined);

/**
 * A rule of threat protection responses, for the pool's (`threat_protection`) and each client's
 * (`clients[*].threat_protection`): `condition(r)` reads the responses object `r`, which is not null.
 * `poolOnlyWhenGiven`: the pool's risk configuration exists only when a response is in force (the library's
 * `hasRiskResponses`), a client's whenever it has threat_protection. `clientKey` names the client of the bad value.
 */
function responses(
  clientKey: string,
  condition: (r: string) => string,
  message: string,
  bad: Record<string, unknown>,
  other: Record<string, unknown> = {},
  poolOnlyWhenGiven = false,
): ModuleValidation[] {
  const pool = 'var.threat_protection';
  // Responses are in force when given, or with the strict profile when its responses are never empty (the library's
  // risk configuration exists then too). Not local.threat_responses: it reads this variable (a cycle).
  const given = [
    ...RESPONSE_KINDS.map((kind) => `${pool}.${kind} != null`),
    ...(hasRiskResponses(strictRiskResponses({ userPoolName: 'strict' })) ? [STRICT_IN_MODULE] : []),
  ].join(' || ');
  return [
    check('threat_protection', ifSet(pool, poolOnlyWhenGiven ? `!(${given}) || (${condition(pool)})` : condition(pool)), message, {
      ...other,
      threat_protection: bad,
    }),
    client(
      `c.threat_protection == null ? true : (${condition('c.threat_protection')})`,
      message,
      {
        [clientKey]: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], threat_protection: bad },
      },
      other,
    ),
  ];
}

const BLOCK_LEAKED = { compromised_credentials: { action: CompromisedCredentialsAction.BLOCK } };
const MFA_ACTIONS = strings([AccountTakeoverAction.MFA_IF_CONFIGURED, AccountTakeoverAction.MFA_REQUIRED]);
const levels = (takeover: string) => `[${['low', 'medium', 'high'].map((l) => `${takeover}.${l}`).join(', ')}]`;
const eachLevel = (r: string, check: string) =>
  `${r}.account_takeover == null ? true : alltrue([for l in ${levels(`${r}.account_takeover`)} : l == null ? true : (${check})])`;
const notificationEmails = (r: string) =>
  `try([${['block_email', 'mfa_email', 'no_action_email'].map((e) => `${r}.account_takeover.notifications.${e}`).join(', ')}], [])`;
const ipLists = (r: string, check: string) =>
  `${r}.ip_ranges == null ? true : alltrue([for l in [${r}.ip_ranges.always_allow, ${r}.ip_ranges.always_block] : l == null ? true : (${check})])`;
const SES_SOURCE = 'arn:aws:ses:eu-west-1:111122223333:identity/example.com';

/** A Security Hub control that the strict profile holds `variable` to: `condition` must hold when the profile is chosen. */
const strict = (variable: string, condition: string, control: string, needs: string, bad: Record<string, unknown>) =>
  check(variable, `!(${STRICT_IN_MODULE}) || (${condition})`, `The strict security profile (Security Hub ${control}) needs ${needs}`, {
    security_profile: SecurityProfile.STRICT,
    // Every other input the profile holds, as it allows: a batch of bad values must not break another control.
    ...STRICT_COMPLIANT,
    ...bad,
  });
const STRICT_COMPLIANT = {
  feature_plan: null,
  threat_protection_mode: null,
  threat_protection_custom_auth_mode: null,
  mfa: { mode: 'REQUIRED' },
  deletion_protection: 'ACTIVE',
};

/** The rules of risk configurations (`RISK_CONFIGURATION_RULES`), for the pool's responses and each client's. */
const RISK_VALIDATIONS: Readonly<Record<string, RuleMapping>> = {
  riskNeedsPlus: {
    validations: [
      ...responses(
        'risk_plan',
        () => `${FEATURE_PLAN} == ${PLUS}`,
        'Threat protection responses need the PLUS feature plan: set feature_plan to "PLUS" (or security_profile to "strict"), or remove the responses.',
        BLOCK_LEAKED,
        { feature_plan: FeaturePlan.ESSENTIALS, threat_protection_mode: ThreatProtectionMode.OFF },
        true,
      ),
      ...responses(
        'risk_mode',
        () => `${THREAT_MODE} != "OFF"`,
        'Threat protection responses need threat protection on: set threat_protection_mode to "ENFORCED" (AUDIT only records risks).',
        BLOCK_LEAKED,
        { feature_plan: FeaturePlan.PLUS, threat_protection_mode: ThreatProtectionMode.OFF },
        true,
      ),
    ],
  },
  compromisedCredentials: {
    validations: [
      ...responses(
        'leaked_action',
        (r) => ifSet(`${r}.compromised_credentials`, oneOf(`${r}.compromised_credentials.action`, Object.values(CompromisedCredentialsAction))),
        `threat_protection.compromised_credentials.action must be one of ${Object.values(CompromisedCredentialsAction).join(', ')}.`,
        { compromised_credentials: { action: 'ALLOW' } },
      ),
      ...responses(
        'leaked_events',
        (r) =>
          ifSet(
            `${r}.compromised_credentials`,
            ifSet(
              `${r}.compromised_credentials.events`,
              `length(${r}.compromised_credentials.events) > 0 && length(distinct(${r}.compromised_credentials.events)) == length(${r}.compromised_credentials.events) && alltrue([for e in ${r}.compromised_credentials.events : ${oneOf('e', Object.values(CompromisedCredentialsEvent))}])`,
            ),
          ),
        `threat_protection.compromised_credentials.events must name one or more of ${Object.values(CompromisedCredentialsEvent).join(', ')}, each once (leave it null for all three).`,
        { compromised_credentials: { action: CompromisedCredentialsAction.BLOCK, events: [] } },
      ),
    ],
  },
  accountTakeover: {
    validations: [
      ...responses(
        'takeover_action',
        (r) => eachLevel(r, oneOf('l.action', Object.values(AccountTakeoverAction))),
        `threat_protection.account_takeover actions must be one of ${Object.values(AccountTakeoverAction).join(', ')}.`,
        { account_takeover: { high: { action: 'DENY' }, notifications: { source_arn: SES_SOURCE } } },
      ),
      ...responses(
        'takeover_mfa',
        (r) => eachLevel(r, `var.mfa.mode != "OFF" || !contains(${MFA_ACTIONS}, l.action)`),
        'An MFA response (MFA_IF_CONFIGURED, MFA_REQUIRED) needs MFA on in the pool: set mfa.mode to "OPTIONAL" or "REQUIRED", or use BLOCK or NO_ACTION.',
        { account_takeover: { medium: { action: AccountTakeoverAction.MFA_REQUIRED }, notifications: { source_arn: SES_SOURCE } } },
        { mfa: { mode: 'OFF' } },
      ),
      // The AWS provider requires notify_configuration with source_arn whenever account-takeover responses are set.
      ...responses(
        'takeover_sender',
        (r) =>
          `${r}.account_takeover == null ? true : (try(${r}.account_takeover.notifications.source_arn, null) != null || var.email.sending_account == "DEVELOPER")`,
        "Account-takeover responses need an Amazon SES identity to notify from: set threat_protection.account_takeover.notifications.source_arn, or send the pool's email through SES.",
        // notifications null: a batch of bad values must not give it a sender.
        { account_takeover: { high: { action: AccountTakeoverAction.BLOCK }, notifications: null } },
        { email: { sending_account: 'COGNITO_DEFAULT' } },
      ),
      ...responses(
        'takeover_arn',
        (r) =>
          ifSet(`try(${r}.account_takeover.notifications.source_arn, null)`, matches(`${r}.account_takeover.notifications.source_arn`, ARN_PATTERN)),
        'threat_protection.account_takeover.notifications.source_arn must be an SES identity ARN (arn:<partition>:ses:<region>:<account>:identity/<address or domain>).',
        { account_takeover: { notifications: { source_arn: 'example.com' } } },
      ),
      ...responses(
        'takeover_email',
        (r) =>
          `alltrue([for e in ${notificationEmails(r)} : e == null ? true : (${lengthIn('e.subject', 1, 140)} && ${matches('e.subject', EMAIL_TEXT)} && ${lengthIn('e.html_body', 6, 20000)} && ${lengthIn('e.text_body', 6, 20000)})])`,
        'Notification emails need a subject of 1 to 140 printable characters and bodies of 6 to 20000 characters.',
        {
          account_takeover: {
            notifications: { source_arn: SES_SOURCE, block_email: { subject: '', html_body: '<p>Blocked</p>', text_body: 'Blocked' } },
          },
        },
      ),
    ],
  },
  ipRanges: {
    validations: [
      ...responses(
        'ranges_count',
        (r) => ipLists(r, 'length(l) <= 200 && length(distinct(l)) == length(l)'),
        'threat_protection.ip_ranges lists hold at most 200 ranges, each once.',
        { ip_ranges: { always_block: ['203.0.113.0/24', '203.0.113.0/24'] } },
      ),
      ...responses(
        'ranges_cidr',
        (r) => ipLists(r, `alltrue([for cidr in l : ${matches('cidr', CIDR)}])`),
        'threat_protection.ip_ranges hold IPv4 or IPv6 ranges in CIDR notation (e.g. 203.0.113.0/24 or 2001:db8::/32).',
        { ip_ranges: { always_allow: ['10.0.0.1'] } },
      ),
      ...responses(
        'ranges_both',
        (r) =>
          `${r}.ip_ranges == null ? true : (${r}.ip_ranges.always_allow == null || ${r}.ip_ranges.always_block == null ? true : length(setintersection(${r}.ip_ranges.always_allow, ${r}.ip_ranges.always_block)) == 0)`,
        'A range cannot be both always allowed and always blocked: remove it from one of threat_protection.ip_ranges lists.',
        { ip_ranges: { always_allow: ['192.0.2.0/24'], always_block: ['192.0.2.0/24'] } },
      ),
    ],
  },
};

export const MODULE_VALIDATIONS: Readonly<Record<string, RuleMapping>> = {
  ...RISK_VALIDATIONS,
  poolName: {
    validations: [
      check('name', lengthIn('var.name', 1, 128), 'The pool name must be 1 to 128 characters long.', { name: 'p'.repeat(129) }),
      check('name', matches('var.name', NAME_PATTERN), 'The pool name may contain only letters, digits, spaces and + = , . @ -.', {
        name: 'pool/one',
      }),
    ],
  },
  signInAliases: {
    validations: [
      check(
        'sign_in',
        `${moduleSignIn('username')} || ${moduleSignIn('email')} || ${moduleSignIn('phone')}`,
        'Users must sign in with a username, an email address or a phone number: set sign_in.email (or username, or phone) to true.',
        { sign_in: { username: false, email: false } },
      ),
      check(
        'sign_in',
        `!${moduleSignIn('preferredUsername')} || ${moduleSignIn('username')}`,
        'A preferred username is an alias of a username: set sign_in.username to true.',
        { sign_in: { username: false, preferred_username: true } },
      ),
    ],
  },
  passwordPolicy: {
    validations: [
      check('password_policy', wholeIn('var.password_policy.min_length', 6, 99), 'password_policy.min_length must be a whole number from 6 to 99.', {
        password_policy: { min_length: 5 },
      }),
      check(
        'password_policy',
        wholeIn('var.password_policy.temporary_password_validity_days', 0, 365),
        'password_policy.temporary_password_validity_days must be a whole number from 0 to 365.',
        { password_policy: { temporary_password_validity_days: 366 } },
      ),
      check(
        'password_policy',
        wholeIn('var.password_policy.password_history_size', 0, 24),
        'password_policy.password_history_size must be a whole number from 0 to 24.',
        { password_policy: { password_history_size: 25 } },
      ),
    ],
  },
  passwordHistoryNeedsEssentials: {
    validations: [
      check(
        'password_policy',
        `var.password_policy.password_history_size == 0 || contains(${ESSENTIALS_OR_PLUS}, ${FEATURE_PLAN})`,
        'A password history needs the ESSENTIALS or PLUS feature plan: set feature_plan to "ESSENTIALS", or password_policy.password_history_size to 0.',
        { password_policy: { password_history_size: 5 }, feature_plan: FeaturePlan.LITE },
      ),
    ],
  },
  mfaNeedsFactor: {
    validations: [
      check(
        'mfa',
        'var.mfa.mode == "OFF" || var.mfa.otp || var.mfa.email || var.mfa.sms',
        'MFA needs at least one second factor: set mfa.otp to true (authenticator apps need no set-up), or mfa.mode to "OFF".',
        { mfa: { mode: 'REQUIRED', otp: false, email: false } },
      ),
    ],
  },
  emailMfaNeedsEssentialsAndSes: {
    validations: [
      check('mfa', `!(${emailMfaOn}) || contains(${ESSENTIALS_OR_PLUS}, ${FEATURE_PLAN})`, 'Email MFA needs the ESSENTIALS or PLUS feature plan.', {
        mfa: { mode: 'REQUIRED', email: true },
        feature_plan: FeaturePlan.LITE,
      }),
      check(
        'mfa',
        `!(${emailMfaOn}) || var.email.sending_account == "DEVELOPER"`,
        'Email MFA needs the pool to send email through Amazon SES: set email.sending_account to "DEVELOPER".',
        { mfa: { mode: 'REQUIRED', email: true }, email: { sending_account: 'COGNITO_DEFAULT' } },
      ),
    ],
  },
  threatProtectionNeedsPlus: {
    validations: [
      check(
        'threat_protection_mode',
        `${THREAT_MODE} == "OFF" || ${FEATURE_PLAN} == ${PLUS}`,
        'Threat protection needs the PLUS feature plan: set feature_plan to "PLUS", or threat_protection_mode to "OFF".',
        { threat_protection_mode: ThreatProtectionMode.AUDIT, feature_plan: FeaturePlan.ESSENTIALS },
      ),
      check(
        'threat_protection_custom_auth_mode',
        `${CUSTOM_AUTH_MODE} == null || ${FEATURE_PLAN} == ${PLUS}`,
        'Threat protection for custom authentication needs the PLUS feature plan: set feature_plan to "PLUS", or leave threat_protection_custom_auth_mode null.',
        { threat_protection_custom_auth_mode: CustomAuthThreatProtectionMode.AUDIT, feature_plan: FeaturePlan.ESSENTIALS },
      ),
    ],
  },
  firstAuthFactors: {
    validations: [
      check(
        'allowed_first_auth_factors',
        `contains(var.allowed_first_auth_factors, ${JSON.stringify(AuthFactor.PASSWORD)}) && length(distinct(var.allowed_first_auth_factors)) == length(var.allowed_first_auth_factors) && alltrue([for f in var.allowed_first_auth_factors : ${oneOf('f', MODULE_FIRST_FACTORS)}])`,
        `allowed_first_auth_factors must hold PASSWORD and may add ${MODULE_FIRST_FACTORS.filter((f) => f !== AuthFactor.PASSWORD).join(', ')}, each once.`,
        { allowed_first_auth_factors: [AuthFactor.EMAIL_OTP] },
      ),
      check(
        'allowed_first_auth_factors',
        `length(setsubtract(var.allowed_first_auth_factors, [${JSON.stringify(AuthFactor.PASSWORD)}])) == 0 || contains(${ESSENTIALS_OR_PLUS}, ${FEATURE_PLAN})`,
        'Passwordless sign-in needs the ESSENTIALS or PLUS feature plan.',
        { allowed_first_auth_factors: [AuthFactor.PASSWORD, AuthFactor.WEB_AUTHN], feature_plan: FeaturePlan.LITE },
      ),
    ],
  },
  passkeys: {
    validations: [
      check(
        'passkeys',
        ifSet('var.passkeys', ifSet('var.passkeys.relying_party_id', lengthIn('var.passkeys.relying_party_id', 1, 127))),
        'passkeys.relying_party_id must be 1 to 127 characters long.',
        { passkeys: { relying_party_id: '' } },
      ),
    ],
  },
  standardAttributes: {
    validations: [
      standardAttribute(
        oneOf('k', Object.keys(STANDARD_BOUNDS)),
        `not a standard attribute: use one of ${Object.keys(STANDARD_BOUNDS).join(', ')} (Cognito's names), or a custom attribute.`,
        { givenName: {} },
      ),
      standardAttribute(
        `lookup(${hclMap(STANDARD_TYPES)}, k, "String") == "String" || (a.min_len == null && a.max_len == null)`,
        'length bounds (min_len, max_len) are for string attributes only.',
        { updated_at: { min_len: 1 } },
      ),
      // Attribute values are at most 2048 characters (API reference, AttributeType.Value), so longer bounds mean nothing.
      standardAttribute(
        `${ifSet('a.min_len', wholeIn('a.min_len', 0, 2048))} && ${ifSet('a.max_len', wholeIn('a.max_len', 1, 2048))}`,
        'min_len must be a whole number from 0 to 2048, max_len from 1 to 2048.',
        { email: { max_len: 4096 } },
      ),
      standardAttribute(
        `(a.min_len != null ? a.min_len : lookup(${hclMap(STANDARD_MIN)}, k, 0)) <= (a.max_len != null ? a.max_len : lookup(${hclMap(STANDARD_MAX)}, k, 2048))`,
        'min_len must not exceed max_len (AWS bounds: 0 to 2048, birthdate 10 to 10).',
        { email: { min_len: 300, max_len: 256 } },
      ),
    ],
  },
  customAttributes: {
    validations: [
      check(
        'custom_attributes',
        'length(var.custom_attributes) + length(var.standard_attributes) <= 50',
        'A pool has at most 50 schema attributes (API reference, SchemaAttributesListType): standard_attributes and custom_attributes together.',
        { custom_attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, { type: CustomAttributeType.BOOLEAN }])) },
      ),
      // API reference, CustomAttributeNameType: 1 to 20 characters of the pattern below.
      customAttribute(
        `${lengthIn('k', 1, 20)} && ${matches('k', new RegExp(`^[${PRINTABLE}]+$`, 'u'))} && !startswith(k, "custom:")`,
        'a name is 1 to 20 characters without spaces, given without the custom: prefix (Cognito adds it).',
        { 'custom:tenant': { type: CustomAttributeType.STRING } },
      ),
      customAttribute(
        `a.type != "${CustomAttributeType.STRING}" || (${wholeIn('a.min_len', 0, 2048)} && ${wholeIn('a.max_len', 1, 2048)} && a.min_len <= a.max_len)`,
        'a String attribute has whole-number bounds, min_len from 0 to 2048 and max_len from 1 to 2048, min_len not above max_len.',
        { tenant: { type: CustomAttributeType.STRING, min_len: 10, max_len: 5 } },
      ),
      customAttribute(`a.type != "${CustomAttributeType.NUMBER}" || a.min <= a.max`, 'a Number attribute has min not above max.', {
        score: { type: CustomAttributeType.NUMBER, min: 10, max: 1 },
      }),
    ],
  },
  keepOriginalNeedsAutoVerify: {
    validations: (['email', 'phone'] as const).map((a) =>
      check(
        'keep_original',
        `!(${keepOriginal(a)} && !${autoVerified(a)})`,
        `Keeping the original ${a} until a new one is verified needs auto_verify.${a}: set it to true, or keep_original.${a} to false.`,
        { keep_original: { [a]: true }, auto_verify: { [a]: false } },
      ),
    ),
  },
  verificationMessages: {
    validations: [
      check('verification', lengthIn('var.verification.email_subject', 1, 140), 'verification.email_subject must be 1 to 140 characters long.', {
        verification: { email_subject: '' },
      }),
      check(
        'verification',
        `${CUSTOM_VERIFICATION_EMAIL} ? var.email.sending_account == "DEVELOPER" : true`,
        'A custom verification email needs the pool to send email through Amazon SES: set email.sending_account to "DEVELOPER", or leave verification.email_subject and email_body to their defaults.',
        { verification: { email_subject: 'Confirm' }, email: { sending_account: 'COGNITO_DEFAULT' } },
      ),
      check(
        'verification',
        ifSet(
          'var.verification.email_body',
          `${lengthIn('var.verification.email_body', 6, 20000)} && (var.verification.email_style == "LINK" ? ${matches('var.verification.email_body', LINK_PLACEHOLDER)} : ${hasCode('var.verification.email_body')})`,
        ),
        `verification.email_body must be 6 to 20000 characters long and contain ${CODE} (CODE) or a {##link text##} placeholder (LINK).`,
        { verification: { email_body: 'Welcome aboard' } },
      ),
      check(
        'verification',
        `${lengthIn('var.verification.sms_message', 6, 140)} && ${hasCode('var.verification.sms_message')}`,
        `verification.sms_message must be 6 to 140 characters long and contain ${CODE}.`,
        { verification: { sms_message: 'Hello!' } },
      ),
      ...TEMPLATE_PAIRS.flatMap(([pair, style, placeholder, bad]) => [
        check(
          'verification',
          ifSet(
            `var.verification.${pair}`,
            `${lengthIn(`var.verification.${pair}.subject`, 1, 140)} && ${lengthIn(`var.verification.${pair}.body`, 6, 20000)} && ${placeholder(`var.verification.${pair}.body`)}`,
          ),
          `verification.${pair} has a subject of 1 to 140 characters and a body of 6 to 20000 characters with ${style === 'CODE' ? CODE : 'a {##link text##} placeholder'}.`,
          { verification: { [pair]: { body: bad } } },
        ),
        check(
          'verification',
          `var.verification.${pair} != null && var.verification.email_style == "${style}" ? !${CUSTOM_VERIFICATION_EMAIL} : true`,
          `With email_style ${style}, verification.email_subject and email_body are the same template as verification.${pair}: give it once (in ${pair}).`,
          { verification: { email_style: style, email_subject: 'Confirm', [pair]: { subject: 'Confirm' } }, email: SES_EMAIL },
        ),
        check(
          'verification',
          `var.verification.${pair} == null || var.email.sending_account == "DEVELOPER"`,
          `A verification template pair (verification.${pair}) needs the pool to send email through Amazon SES: set email.sending_account to "DEVELOPER" (API reference, VerificationMessageTemplateType).`,
          { verification: { [pair]: {} }, email: { sending_account: 'COGNITO_DEFAULT' } },
        ),
      ]),
    ],
  },
  invitationMessages: {
    validations: [
      check(
        'user_invitation',
        invitation('email_subject', lengthIn('var.user_invitation.email_subject', 1, 140)),
        'user_invitation.email_subject must be 1 to 140 characters long.',
        { user_invitation: { email_subject: '' } },
      ),
      check(
        'user_invitation',
        invitation(
          'email_body',
          `${lengthIn('var.user_invitation.email_body', 6, 20000)} && ${hasCode('var.user_invitation.email_body')} && strcontains(var.user_invitation.email_body, "{username}")`,
        ),
        `user_invitation.email_body must be 6 to 20000 characters long and contain ${CODE} and {username}.`,
        { user_invitation: { email_body: 'Welcome {username}' } },
      ),
      check(
        'user_invitation',
        invitation(
          'sms_message',
          `${lengthIn('var.user_invitation.sms_message', 6, 140)} && ${hasCode('var.user_invitation.sms_message')} && strcontains(var.user_invitation.sms_message, "{username}")`,
        ),
        `user_invitation.sms_message must be 6 to 140 characters long and contain ${CODE} and {username}.`,
        { user_invitation: { sms_message: 'Your code is {####}' } },
      ),
      check(
        'user_invitation',
        `(${invitationSet('email_subject')} || ${invitationSet('email_body')}) ? var.email.sending_account == "DEVELOPER" : true`,
        'A custom invitation email needs the pool to send email through Amazon SES: set email.sending_account to "DEVELOPER".',
        { user_invitation: { email_subject: 'Welcome' }, email: { sending_account: 'COGNITO_DEFAULT' } },
      ),
    ],
  },
  mfaMessages: {
    validations: [
      check('mfa', ifSet('var.mfa.email_subject', lengthIn('var.mfa.email_subject', 1, 140)), 'mfa.email_subject must be 1 to 140 characters long.', {
        mfa: { email_subject: '' },
      }),
      check(
        'mfa',
        ifSet('var.mfa.email_body', `${lengthIn('var.mfa.email_body', 6, 20000)} && ${hasCode('var.mfa.email_body')}`),
        `mfa.email_body must be 6 to 20000 characters long and contain ${CODE}.`,
        { mfa: { email_body: 'Your code' } },
      ),
      check(
        'mfa',
        ifSet('var.mfa.sms_message', `${lengthIn('var.mfa.sms_message', 6, 140)} && ${hasCode('var.mfa.sms_message')}`),
        `mfa.sms_message must be 6 to 140 characters long and contain ${CODE}.`,
        { mfa: { sms_message: 'Code' } },
      ),
    ],
  },
  emailSettings: {
    validations: [
      check(
        'email',
        'var.email.sending_account == "COGNITO_DEFAULT" ? true : (var.email.from_email != null && var.email.source_arn != null)',
        'Sending through SES (email.sending_account = "DEVELOPER") needs email.from_email and email.source_arn, the verified SES identity.',
        { email: { sending_account: 'DEVELOPER', from_email: null, source_arn: null } },
      ),
      check('email', ifSet('var.email.from_email', matches('var.email.from_email', EMAIL_PATTERN)), 'email.from_email must be an email address.', {
        email: { from_email: 'no-reply' },
      }),
      check('email', ifSet('var.email.reply_to', matches('var.email.reply_to', EMAIL_PATTERN)), 'email.reply_to must be an email address.', {
        email: { reply_to: 'support' },
      }),
      check(
        'email',
        ifSet(
          'var.email.configuration_set',
          `${lengthIn('var.email.configuration_set', 1, 64)} && ${matches('var.email.configuration_set', /^[a-zA-Z0-9_-]+$/)}`,
        ),
        'email.configuration_set must be 1 to 64 letters, digits, _ and -.',
        { email: { configuration_set: 'my set' } },
      ),
      check(
        'email',
        ifSet('var.email.source_arn', matches('var.email.source_arn', ARN_PATTERN)),
        'email.source_arn must be an ARN (arn:<partition>:ses:<region>:<account>:identity/<address or domain>).',
        { email: { source_arn: 'identity/example.com' } },
      ),
      check(
        'email',
        ifSet('var.email.from_name', 'length(var.email.from_name) >= 1'),
        'email.from_name must not be empty (leave it null for the address alone).',
        { email: { from_name: '' } },
      ),
    ],
  },
  // AWS Security Hub's Cognito controls (https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html),
  // as SECURITY_HUB_CONTROLS checks them; Cognito.3 reads AWS Config's cognito-user-pool-password-policy-check defaults
  // (https://docs.aws.amazon.com/config/latest/developerguide/cognito-user-pool-password-policy-check.html): at least 8
  // characters, the four character classes, temporary passwords valid at most 7 days. Inputs the profile sets may be
  // left null; one given must meet the control (Cognito.1's responses: the profile's, unless some are given).
  securityProfile: {
    validations: [
      strict(
        'feature_plan',
        ifSet('var.feature_plan', `var.feature_plan == ${PLUS}`),
        'Cognito.1',
        'the PLUS feature plan: leave feature_plan null, or set it to "PLUS".',
        {
          feature_plan: FeaturePlan.ESSENTIALS,
        },
      ),
      strict(
        'threat_protection_mode',
        ifSet('var.threat_protection_mode', `var.threat_protection_mode == ${JSON.stringify(ThreatProtectionMode.ENFORCED)}`),
        'Cognito.1',
        'threat protection ENFORCED: leave threat_protection_mode null, or set it to "ENFORCED".',
        { threat_protection_mode: ThreatProtectionMode.AUDIT, feature_plan: FeaturePlan.PLUS },
      ),
      strict(
        'password_policy',
        `var.password_policy.min_length >= 8 && var.password_policy.require_lowercase && var.password_policy.require_uppercase && var.password_policy.require_digits && var.password_policy.require_symbols && var.password_policy.temporary_password_validity_days <= 7`,
        'Cognito.3',
        'at least 8 characters, all four character classes and temporary passwords valid at most 7 days: the default password_policy meets it.',
        { password_policy: { min_length: 6 } },
      ),
      strict(
        'threat_protection_custom_auth_mode',
        ifSet(
          'var.threat_protection_custom_auth_mode',
          `var.threat_protection_custom_auth_mode == ${JSON.stringify(CustomAuthThreatProtectionMode.ENFORCED)}`,
        ),
        'Cognito.4',
        'threat protection ENFORCED for custom authentication: leave threat_protection_custom_auth_mode null, or set it to "ENFORCED".',
        { threat_protection_custom_auth_mode: CustomAuthThreatProtectionMode.AUDIT, feature_plan: FeaturePlan.PLUS },
      ),
      strict('mfa', 'var.mfa.mode == "REQUIRED"', 'Cognito.5', 'MFA REQUIRED: set mfa.mode to "REQUIRED" (the default).', {
        mfa: { mode: 'OPTIONAL' },
      }),
      strict(
        'deletion_protection',
        'var.deletion_protection == "ACTIVE"',
        'Cognito.6',
        'deletion protection: set deletion_protection to "ACTIVE" (the default).',
        {
          deletion_protection: 'INACTIVE',
        },
      ),
    ],
  },
  smsSettings: {
    validations: [
      check(
        'sms',
        `${SENDS_SMS} ? try(var.sms.existing_role, null) != null : true`,
        "Sending SMS (phone sign-in or verification, SMS MFA, SMS_OTP, phone recovery) needs sms.existing_role: the role the library would create trusts only this account's pools, and the module has no declared account.",
        { sign_in: { phone: true }, sms: null },
      ),
      check(
        'sms',
        ifSet('try(var.sms.existing_role.role_arn, null)', matches('var.sms.existing_role.role_arn', ARN_PATTERN)),
        'sms.existing_role.role_arn must be an IAM role ARN (arn:<partition>:iam::<account>:role/<name>).',
        { sms: { existing_role: { role_arn: 'sms-role', external_id: 'x' } } },
      ),
      check('sms', ifSet('try(var.sms.sns_region, null)', lengthIn('var.sms.sns_region', 5, 32)), 'sms.sns_region must be 5 to 32 characters long.', {
        sms: { sns_region: 'eu' },
      }),
    ],
  },
  tags: {
    validations: [
      check(
        'tags',
        `length(var.tags) <= 50 && alltrue([for k, v in var.tags : ${lengthIn('k', 1, 128)} && length(v) <= 256])`,
        'At most 50 tags, with keys of 1 to 128 and values of at most 256 characters.',
        { tags: { ['k'.repeat(129)]: 'v' } },
      ),
    ],
  },

  clientName: {
    validations: [
      client(
        `${lengthIn('c.name', 1, 128)} && ${matches('c.name', NAME_PATTERN)}`,
        'a client name must be 1 to 128 letters, digits, spaces and + = , . @ -.',
        { bad_name: { preset: ClientPreset.MACHINE, name: 'api/client' } },
      ),
    ],
  },
  clientCredentialsAlone: {
    validations: [
      client(
        `${usesFlow(OAuthFlow.CLIENT_CREDENTIALS)} ? length(c.oauth_flows) == 1 : true`,
        'client_credentials must be the only OAuth flow of a client.',
        { cc_mixed: { preset: ClientPreset.MACHINE, oauth_flows: [OAuthFlow.CLIENT_CREDENTIALS, OAuthFlow.AUTHORIZATION_CODE] } },
      ),
      client(`${usesFlow(OAuthFlow.CLIENT_CREDENTIALS)} ? c.generate_secret : true`, 'the client_credentials flow needs a client secret.', {
        cc_no_secret: { preset: ClientPreset.MACHINE, generate_secret: false },
      }),
      client(
        `${usesFlow(OAuthFlow.CLIENT_CREDENTIALS)} ? length(setintersection(c.scopes, ${strings(OAuthScope.STANDARD)})) == 0 : true`,
        'a client_credentials client can have resource-server scopes only (no user signs in).',
        { cc_openid: { preset: ClientPreset.MACHINE, scopes: ['openid'] } },
      ),
    ],
  },
  oAuthFlowsNeedDomain: {
    validations: [
      client(
        'length(c.oauth_flows) == 0 || var.domain != null || var.domain_managed_elsewhere',
        'OAuth flows need a user pool domain: set domain (or domain_managed_elsewhere when it is managed elsewhere).',
        { no_domain: { preset: ClientPreset.SPA, callback_urls: [CALLBACK] } },
        { domain: null },
      ),
    ],
  },
  oAuthFlowsNeedScopes: {
    validations: [
      client('length(c.oauth_flows) == 0 || length(c.scopes) > 0', 'a client with OAuth flows needs at least one scope.', {
        no_scopes: { preset: ClientPreset.MACHINE, scopes: null },
      }),
    ],
  },
  userFlowsNeedCallbacks: {
    validations: [
      client(
        `!(${usesFlow(OAuthFlow.AUTHORIZATION_CODE)} || ${usesFlow(OAuthFlow.IMPLICIT)}) || length(c.callback_urls) > 0`,
        'the code and implicit flows need at least one callback URL.',
        { no_callbacks: { preset: ClientPreset.WEB, callback_urls: [] } },
      ),
    ],
  },
  machineClientHasNoCallbacks: {
    validations: [
      client(
        `${usesFlow(OAuthFlow.CLIENT_CREDENTIALS)} ? length(c.callback_urls) + length(c.logout_urls) == 0 : true`,
        'a client_credentials client has no user redirects: remove callback_urls and logout_urls.',
        { cc_redirects: { preset: ClientPreset.MACHINE, logout_urls: [CALLBACK] } },
      ),
    ],
  },
  redirectUrls: {
    validations: [
      client(
        `alltrue([for urls in [c.callback_urls, c.logout_urls] : length(urls) <= 100 && length(distinct(urls)) == length(urls) && alltrue([for u in urls : ${redirectUrl('u')}])])`,
        'callback and logout URLs must be absolute, unique, without a fragment, HTTPS (plain http for http://localhost only), at most 100.',
        {
          bad_urls: {
            preset: ClientPreset.SPA,
            callback_urls: ['http://app.example.com/callback', 'https://app.example.com/#callback'],
            logout_urls: ['/signed-out'],
          },
        },
      ),
    ],
  },
  defaultRedirectUri: {
    validations: [
      client(
        ifSet('c.default_redirect_uri', 'contains(c.callback_urls, c.default_redirect_uri)'),
        'default_redirect_uri must be one of the callback URLs.',
        { bad_default: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], default_redirect_uri: 'https://elsewhere.example.com/callback' } },
      ),
    ],
  },
  scopes: {
    validations: [
      client(
        `length(c.scopes) <= 50 && length(distinct(c.scopes)) == length(c.scopes) && alltrue([for s in c.scopes : ${lengthIn('s', 1, 256)} && ${matches('s', SCOPE_PATTERN)} && (contains(${strings(OAuthScope.STANDARD)}, s) || contains(local.resource_server_scopes, s))])`,
        'scopes must be unique (at most 50), and each a standard scope or <identifier>/<scope> of one of resource_servers.',
        { unknown_scope: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], scopes: ['openid', 'https://api.example.com/unknown'] } },
      ),
    ],
  },
  authFlows: {
    validations: [
      client(
        `length(distinct(c.auth_flows)) == length(c.auth_flows) && alltrue([for f in c.auth_flows : ${oneOf('f', [...LEGACY_AUTH_FLOWS, ...Object.values(AuthFlow)])}]) && (length(setintersection(c.auth_flows, ${strings(LEGACY_AUTH_FLOWS)})) == 0 || length(setsubtract(c.auth_flows, ${strings(LEGACY_AUTH_FLOWS)})) == 0)`,
        'auth_flows must be unique ALLOW_* values (legacy ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, USER_PASSWORD_AUTH cannot be mixed with them).',
        { bad_flows: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], auth_flows: [AuthFlow.USER_SRP, 'USER_PASSWORD_AUTH'] } },
      ),
      client(
        `!contains(c.auth_flows, ${JSON.stringify(AuthFlow.USER_AUTH)}) || ${FEATURE_PLAN} != ${JSON.stringify(FeaturePlan.LITE)}`,
        'ALLOW_USER_AUTH needs the ESSENTIALS or PLUS feature plan.',
        { user_auth: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], auth_flows: [AuthFlow.USER_AUTH, AuthFlow.REFRESH_TOKEN] } },
        { feature_plan: FeaturePlan.LITE },
      ),
    ],
  },
  refreshTokenFlow: {
    validations: [
      client(
        `c.refresh_token_rotation != null || length(c.auth_flows) == 0 || contains(c.auth_flows, ${JSON.stringify(AuthFlow.REFRESH_TOKEN)}) || length(setintersection(c.auth_flows, ${strings(LEGACY_AUTH_FLOWS)})) > 0`,
        'auth_flows must include ALLOW_REFRESH_TOKEN_AUTH (AWS: "REFRESH_TOKEN_AUTH should always be allowed"), unless refresh_token_rotation is set.',
        { no_refresh: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], auth_flows: [AuthFlow.USER_SRP] } },
      ),
      client(
        `c.refresh_token_rotation == null || length(setintersection(c.auth_flows, ${strings(LEGACY_AUTH_FLOWS)})) > 0 || (length(c.auth_flows) > 0 && !contains(c.auth_flows, ${JSON.stringify(AuthFlow.REFRESH_TOKEN)}))`,
        'with refresh_token_rotation, auth_flows must not hold ALLOW_REFRESH_TOKEN_AUTH (rotation replaces it; AWS refuses both) and must hold another sign-in flow.',
        { rotation_and_refresh: { preset: ClientPreset.WEB, callback_urls: [CALLBACK], refresh_token_rotation: { retry_grace_period_seconds: 5 } } },
      ),
    ],
  },
  contextDataNeedsSecret: {
    validations: [
      client(
        'c.propagate_additional_user_context_data == true ? c.generate_secret : true',
        'propagate_additional_user_context_data needs a client secret: set generate_secret to true (e.g. preset web).',
        { public_context: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], propagate_additional_user_context_data: true } },
      ),
    ],
  },
  tokenValidity: {
    validations: [
      client(
        `${wholeIn('c.access_token_validity_minutes', 5, 1440)} && ${wholeIn('c.id_token_validity_minutes', 5, 1440)} && ${wholeIn('c.refresh_token_validity_minutes', 60, 3650 * 1440)}`,
        'access and ID tokens live 5 to 1440 minutes, refresh tokens 60 minutes to 3650 days (whole minutes).',
        { short_tokens: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], access_token_validity_minutes: 4 } },
      ),
      client(
        'c.access_token_validity_minutes <= c.refresh_token_validity_minutes && c.id_token_validity_minutes <= c.refresh_token_validity_minutes',
        'access and ID tokens must not outlive the refresh token.',
        { long_tokens: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], id_token_validity_minutes: 120, refresh_token_validity_minutes: 60 } },
      ),
    ],
  },
  sessionAndRotation: {
    validations: [
      client(wholeIn('c.auth_session_validity_minutes', 3, 15), 'auth_session_validity_minutes must be a whole number from 3 to 15.', {
        long_session: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], auth_session_validity_minutes: 16 },
      }),
      client(
        ifSet('c.refresh_token_rotation', wholeIn('c.refresh_token_rotation.retry_grace_period_seconds', 0, 60)),
        'refresh_token_rotation.retry_grace_period_seconds must be a whole number from 0 to 60.',
        { long_grace: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], refresh_token_rotation: { retry_grace_period_seconds: 61 } } },
      ),
    ],
  },
  identityProviders: {
    validations: [
      client(`alltrue([for p in c.identity_providers : ${lengthIn('p', 1, 32)}])`, 'identity provider names are 1 to 32 characters.', {
        bad_idp: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], identity_providers: [''] },
      }),
    ],
  },
  secretHandOff: {
    validations: [
      client(
        'c.secret_hand_off == null ? true : c.generate_secret',
        'only a client with a secret has credentials to hand off: use the machine or web preset (or generate_secret), or remove secret_hand_off.',
        { hand_off_public: { preset: ClientPreset.SPA, callback_urls: [CALLBACK], secret_hand_off: { readers: ['444455556666'] } } },
      ),
      client(
        `c.secret_hand_off == null ? true : (length(c.secret_hand_off.readers) > 0 && alltrue([for r in c.secret_hand_off.readers : ${matches('r', HAND_OFF_READER)}]))`,
        'secret_hand_off.readers must name at least one reader, each a 12-digit account id or an IAM role or user ARN.',
        { hand_off_readers: { preset: ClientPreset.MACHINE, secret_hand_off: { readers: ['role/api'] } } },
      ),
    ],
  },

  checkDomain: {
    validations: [
      domain('(var.domain.prefix == null) != (var.domain.custom_domain == null)', 'A domain has exactly one of prefix or custom_domain.', {
        prefix: 'acme-auth',
        custom_domain: { domain_name: 'auth.example.com', certificate_arn: ACM_US_EAST_1 },
      }),
      domain(
        ifSet('var.domain.prefix', matches('var.domain.prefix', PREFIX_PATTERN)),
        'domain.prefix may contain only lowercase letters, digits and inner hyphens, at most 63.',
        { prefix: 'Acme_Auth' },
      ),
      domain(
        ifSet('var.domain.prefix', 'alltrue([for w in ["aws", "amazon", "cognito"] : !strcontains(var.domain.prefix, w)])'),
        'domain.prefix may not contain aws, amazon or cognito.',
        { prefix: 'acme-cognito' },
      ),
      domain(
        ifSet(
          'var.domain.custom_domain',
          `length(var.domain.custom_domain.domain_name) <= 63 && ${matches('var.domain.custom_domain.domain_name', FQDN)}`,
        ),
        'domain.custom_domain.domain_name must be a lowercase fully qualified domain name of at most 63 characters.',
        { custom_domain: { domain_name: 'Auth', certificate_arn: ACM_US_EAST_1 } },
      ),
      domain(
        ifSet(
          'var.domain.custom_domain',
          `${matches('var.domain.custom_domain.certificate_arn', ACM_ARN)} ? split(":", var.domain.custom_domain.certificate_arn)[3] == "us-east-1" : false`,
        ),
        'domain.custom_domain.certificate_arn must be an ACM certificate ARN in us-east-1 (CloudFront reads certificates only there).',
        { custom_domain: { domain_name: 'auth.example.com', certificate_arn: ACM_US_EAST_1.replace('us-east-1', 'eu-west-1') } },
      ),
      domain(
        oneOf('var.domain.managed_login_version', [ManagedLoginVersion.CLASSIC_HOSTED_UI, ManagedLoginVersion.MANAGED_LOGIN]),
        'domain.managed_login_version must be 1 (classic hosted UI) or 2 (managed login).',
        { prefix: 'acme-auth', managed_login_version: 3 },
      ),
      domain(
        `var.domain.managed_login_version != ${ManagedLoginVersion.MANAGED_LOGIN} || ${FEATURE_PLAN} != ${JSON.stringify(FeaturePlan.LITE)}`,
        'Managed login needs the ESSENTIALS or PLUS feature plan.',
        { prefix: 'acme-auth', managed_login_version: 2 },
        { feature_plan: FeaturePlan.LITE },
      ),
    ],
  },
  checkResourceServer: {
    validations: [
      server(
        `${lengthIn('s.identifier', 1, 256)} && ${matches('s.identifier', SCOPE_PATTERN)}`,
        'an identifier is 1 to 256 characters without spaces, " or \\\\.',
        { bad_identifier: { identifier: 'https://api example' } },
      ),
      server(
        ifSet('s.name', `${lengthIn('s.name', 1, 256)} && ${matches('s.name', NAME_PATTERN)}`),
        'a name is 1 to 256 letters, digits, spaces and + = , . @ -.',
        { bad_server_name: { identifier: 'https://api.example.com', name: 'api/v1' } },
      ),
      server(
        `length(s.scopes) <= 100 && alltrue([for n, d in s.scopes : ${lengthIn('n', 1, 256)} && ${matches('n', SCOPE_NAME_PATTERN)} && ${lengthIn('d', 1, 256)}])`,
        'at most 100 scopes, named without /, spaces, " or \\\\, each with a description of 1 to 256 characters.',
        { bad_scopes: { identifier: 'https://orders.example.com', scopes: { 'orders/read': 'Read orders', write: '' } } },
      ),
    ],
  },
  checkGroup: {
    validations: [
      group(`${lengthIn('k', 1, 128)} && ${matches('k', /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u)}`, 'a group name is 1 to 128 characters without spaces.', {
        'bad group': {},
      }),
      group(
        `${ifSet('g.description', 'length(g.description) <= 2048')} && ${ifSet('g.precedence', wholeIn('g.precedence', 0, MAX_GROUP_PRECEDENCE))} && ${ifSet('g.role_arn', matches('g.role_arn', ARN_PATTERN))}`,
        `description is at most 2048 characters, precedence a whole number from 0 to ${MAX_GROUP_PRECEDENCE}, role_arn an IAM role ARN.`,
        { bad_group: { precedence: -1, role_arn: 'admin' } },
      ),
    ],
  },
  attachedOnce: { notExpressible: 'triggers is a map by operation: an operation cannot be given twice' },
  eventVersionAccepted: {
    validations: [
      trigger(
        ifSet('t.event_version', `contains(${strings(ACCEPTED_VERSIONS)}, "\${k}/\${t.event_version}")`),
        `event_version is taken by pre_token_generation (${versionsOf(TriggerOperation.PRE_TOKEN_GENERATION)}) and the custom senders (${versionsOf(TriggerOperation.CUSTOM_EMAIL_SENDER)}) only.`,
        { pre_sign_up: { handler: { function_arn: LAMBDA_ARN }, event_version: TriggerEventVersion.V2_0 } },
      ),
    ],
  },
  // Cognito encrypts the codes it hands custom senders with the pool's KMS key (LambdaConfigType.KMSKeyID); senders take
  // LambdaVersion V1_0 only: https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-lambda-custom-sender-triggers.html
  senderNeedsKey: {
    validations: [
      trigger(
        `var.custom_sender_kms_key_arn != null || !(contains(${strings(MODULE_SENDERS)}, k) && t.handler.function_arn != null)`,
        'a custom sender given by function_arn needs custom_sender_kms_key_arn, a key whose policy lets Cognito encrypt and your function decrypt (the module creates a key only for senders it deploys).',
        { custom_email_sender: { handler: { function_arn: LAMBDA_ARN } } },
        { custom_sender_kms_key_arn: null },
      ),
    ],
  },
  tokenCustomizationNeedsEssentials: {
    validations: [
      trigger(
        `!(k == "pre_token_generation" && coalesce(t.event_version, ${JSON.stringify(TriggerEventVersion.V2_0)}) != ${JSON.stringify(TriggerEventVersion.V1_0)}) || ${FEATURE_PLAN} != ${JSON.stringify(FeaturePlan.LITE)}`,
        'access-token customization (pre_token_generation with event_version V2_0, the default, or V3_0) needs the ESSENTIALS or PLUS feature plan: set event_version to "V1_0" (ID token only), or feature_plan to "ESSENTIALS".',
        { pre_token_generation: { handler: { function_arn: LAMBDA_ARN } } },
        { feature_plan: FeaturePlan.LITE },
      ),
    ],
  },
  noSecretsInEnvironment: {
    validations: [
      trigger(
        created(
          `alltrue([for name, value in t.environment : !can(regex(${JSON.stringify(`(?i)${SECRET_NAME.source}`)}, name)) && !can(regex(${re(SECRET_VALUE)}, value))])`,
        ),
        'environment variables must not hold secrets (anyone who can read the function configuration sees them): store them in Secrets Manager or SSM Parameter Store and read them at run time.',
        { post_confirmation: { ...ZIP, environment: { API_TOKEN: 'abc' } } },
      ),
    ],
  },
  // Lambda: 128 to 10,240 MB of memory, at most 15 minutes a run, names of 64 letters, digits, - and _:
  // https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html, https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html
  functionSettings: {
    validations: [
      trigger(
        created(ifSet('t.function_name', `${lengthIn('t.function_name', 1, 64)} && ${matches('t.function_name', /^[a-zA-Z0-9_-]+$/)}`)),
        'function_name is 1 to 64 letters, digits, - and _.',
        { post_confirmation: { ...ZIP, function_name: 'post confirmation' } },
      ),
      trigger(
        created(`${wholeIn('t.memory_size', 128, 10240)} && ${wholeIn('t.timeout_seconds', 1, 900)}`),
        'memory_size is a whole number of MB from 128 to 10240, timeout_seconds a whole number from 1 to 900.',
        { post_confirmation: { ...ZIP, memory_size: 64 } },
      ),
      trigger(
        created(oneOf('t.log_retention_days', LOG_RETENTION_DAYS)),
        `log_retention_days must be a retention CloudWatch Logs offers: ${LOG_RETENTION_DAYS.join(', ')}.`,
        { post_confirmation: { ...ZIP, log_retention_days: 100 } },
      ),
    ],
  },
  poolActionsNamed: {
    validations: [
      trigger(
        `alltrue([for a in t.pool_actions : ${matches('a', NAMED_POOL_ACTION)}])`,
        'each of pool_actions must name one Cognito user pools action (cognito-idp:<Action>): no wildcard and no other service; grant other services in a policy of your own.',
        { post_confirmation: { ...ZIP, pool_actions: ['cognito-idp:*'] } },
      ),
    ],
  },
  // LambdaConfigType's ARNs (ArnType): 20 to 2048 characters, https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_LambdaConfigType.html
  existingFunctionArn: {
    validations: [
      trigger(
        ifSet(
          't.handler.function_arn',
          `${lengthIn('t.handler.function_arn', 20, 2048)} && ${matches('t.handler.function_arn', LAMBDA_ARN_PATTERN)}`,
        ),
        'handler.function_arn must be a Lambda function ARN (arn:<partition>:lambda:<region>:<account>:function:<name>[:<alias or version>]).',
        { create_auth_challenge: { handler: { function_arn: 'pre-sign-up' } } },
      ),
    ],
  },
  // The module's runtime, memory_size, timeout_seconds and log_retention_days default to the library's
  // values, so one given equal to its default cannot be told from none (and changes nothing).
  settingsNeedCreatedFunction: {
    validations: [
      trigger(
        `t.handler.function_arn == null || (${CREATED_FUNCTION_OPTIONS.map(leftUnset).join(' && ')})`,
        `${CREATED_FUNCTION_OPTIONS.map(terraformName).join(', ')} are settings of a function the module creates: a trigger given by handler.function_arn keeps its function's own settings, so remove them.`,
        { pre_sign_up: { handler: { function_arn: LAMBDA_ARN }, memory_size: 512 } },
      ),
    ],
  },
  codePackages: {
    validations: [
      trigger(
        ifSet(
          't.handler.zip_file',
          `t.handler.handler != null ? (${matches('t.handler.handler', HANDLER_PATTERN)} && length(t.handler.handler) <= ${HANDLER_MAX_LENGTH}) : false`,
        ),
        `handler.zip_file needs handler.handler, <file>.<export> (at most ${HANDLER_MAX_LENGTH} characters, no spaces), e.g. index.handler.`,
        { custom_message: { handler: { zip_file: ZIP.handler.zip_file, source_code_hash: ZIP.handler.source_code_hash } } },
      ),
      trigger(
        ifSet('t.handler.zip_file', 't.handler.source_code_hash != null ? true : fileexists(t.handler.zip_file)'),
        'handler.zip_file must name an existing file (a zip made during the apply needs source_code_hash).',
        { user_migration: { handler: { zip_file: 'missing/trigger.zip', handler: 'index.handler' } } },
      ),
    ],
  },
  permissionsNeedEnvironment: {
    notExpressible:
      'the module reads the account of each invoke permission from the pool ARN and that of the sender key from a log group it creates, so it needs no declared environment',
  },

  moduleInputs: {
    validations: [
      check(
        'domain_managed_elsewhere',
        '!(var.domain_managed_elsewhere && var.domain != null)',
        'A domain managed elsewhere and a domain created here exclude each other: set domain to null, or domain_managed_elsewhere to false.',
        { domain_managed_elsewhere: true, domain: { prefix: 'acme-auth' } },
      ),
      check(
        'verification',
        oneOf('var.verification.email_style', Object.keys(VerificationEmailStyle)),
        `verification.email_style must be one of ${Object.keys(VerificationEmailStyle).join(', ')}.`,
        { verification: { email_style: 'CONFIRM_WITH_LINK' } },
      ),
      check('mfa', oneOf('var.mfa.mode', Object.keys(MFA_MODES)), `mfa.mode must be one of ${Object.keys(MFA_MODES).join(', ')}.`, {
        mfa: { mode: 'ON' },
      }),
      check(
        'email',
        oneOf('var.email.sending_account', ['COGNITO_DEFAULT', 'DEVELOPER']),
        'email.sending_account must be COGNITO_DEFAULT or DEVELOPER.',
        { email: { sending_account: 'SES' } },
      ),
      check(
        'account_recovery',
        oneOf('var.account_recovery', Object.values(AccountRecovery)),
        `account_recovery must be one of ${Object.values(AccountRecovery).join(', ')}.`,
        { account_recovery: 'PHONE' },
      ),
      check(
        'feature_plan',
        ifSet('var.feature_plan', oneOf('var.feature_plan', Object.values(FeaturePlan))),
        `feature_plan must be one of ${Object.values(FeaturePlan).join(', ')}.`,
        { feature_plan: 'FREE' },
      ),
      check(
        'threat_protection_mode',
        ifSet('var.threat_protection_mode', oneOf('var.threat_protection_mode', Object.values(ThreatProtectionMode))),
        `threat_protection_mode must be one of ${Object.values(ThreatProtectionMode).join(', ')}.`,
        { threat_protection_mode: 'ON' },
      ),
      check(
        'threat_protection_custom_auth_mode',
        ifSet(
          'var.threat_protection_custom_auth_mode',
          oneOf('var.threat_protection_custom_auth_mode', Object.values(CustomAuthThreatProtectionMode)),
        ),
        `threat_protection_custom_auth_mode must be one of ${Object.values(CustomAuthThreatProtectionMode).join(', ')}.`,
        { threat_protection_custom_auth_mode: 'OFF' },
      ),
      check(
        'passkeys',
        ifSet('var.passkeys', oneOf('var.passkeys.user_verification', Object.values(PasskeyUserVerification))),
        `passkeys.user_verification must be one of ${Object.values(PasskeyUserVerification).join(', ')}.`,
        { passkeys: { user_verification: 'always' } },
      ),
      customAttribute(oneOf('a.type', Object.values(CustomAttributeType)), `type must be one of ${Object.values(CustomAttributeType).join(', ')}.`, {
        flag: { type: 'bool' },
      }),
      check(
        'security_profile',
        ifSet('var.security_profile', oneOf('var.security_profile', Object.values(SecurityProfile))),
        `security_profile must be ${Object.values(SecurityProfile).join(', ')} (or null).`,
        { security_profile: 'STRICT' },
      ),
      check('deletion_protection', oneOf('var.deletion_protection', ['ACTIVE', 'INACTIVE']), 'deletion_protection must be ACTIVE or INACTIVE.', {
        deletion_protection: 'OFF',
      }),
      eachEntry(
        'clients',
        'var.clients',
        'c',
        'Clients',
        oneOf('c.preset', Object.values(ClientPreset)),
        `preset must be one of ${Object.values(ClientPreset).join(', ')}.`,
        { clients: { bad_preset: { preset: 'mobile' } } },
      ),
      check(
        'triggers',
        `alltrue([for operation, t in var.triggers : ${oneOf('operation', Object.keys(MODULE_TRIGGER_OPERATIONS))}])`,
        `triggers are keyed by operation: ${Object.keys(MODULE_TRIGGER_OPERATIONS).join(', ')}.`,
        { triggers: { pre_signup: { handler: { function_arn: LAMBDA_ARN } } } },
      ),
      trigger(
        'length([for form in [t.handler.function_arn, t.handler.zip_file, t.handler.email_domain_allowlist, t.handler.group_claims] : form if form != null]) == 1 && (t.handler.zip_file != null || (t.handler.handler == null && t.handler.source_code_hash == null))',
        'handler takes one of function_arn (an existing function), zip_file with handler (code the module deploys), email_domain_allowlist or group_claims (the ready-made handlers).',
        { verify_auth_challenge_response: { handler: { function_arn: LAMBDA_ARN, zip_file: ZIP.handler.zip_file } } },
      ),
      check(
        'custom_sender_kms_key_arn',
        ifSet(
          'var.custom_sender_kms_key_arn',
          `${lengthIn('var.custom_sender_kms_key_arn', 20, 2048)} && ${matches('var.custom_sender_kms_key_arn', KMS_KEY_ARN)}`,
        ),
        'custom_sender_kms_key_arn must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key id>).',
        { custom_sender_kms_key_arn: 'alias/cognito-senders' },
      ),
      // resolveClientAttributes (the library's client construct): every name a standard attribute, a verified flag, or
      // a custom attribute of this pool. The module takes Cognito's names as given, custom ones with their prefix.
      client(
        `alltrue([for n in concat(c.read_attributes, c.write_attributes) : contains(${strings([...Object.keys(STANDARD_BOUNDS), 'email_verified', 'phone_number_verified'])}, n) || (startswith(n, "custom:") && contains(keys(var.custom_attributes), trimprefix(n, "custom:")))])`,
        'read_attributes and write_attributes hold standard attributes by Cognito name (email, given_name, email_verified, ...) and custom attributes of this pool as custom:<name>.',
        { bad_attributes: { preset: ClientPreset.WEB, callback_urls: [CALLBACK], read_attributes: ['email', 'givenName', 'custom:tenant'] } },
      ),
      client(
        `alltrue([for f in c.oauth_flows : ${oneOf('f', Object.values(OAuthFlow))}])`,
        `oauth_flows may hold only ${Object.values(OAuthFlow).join(', ')}.`,
        { bad_oauth: { preset: ClientPreset.WEB, callback_urls: [CALLBACK], oauth_flows: ['password'] } },
      ),
    ],
  },
};

/** The validations of one variable, in table order. */
export function validationsOf(variable: string): ModuleValidation[] {
  return Object.values(MODULE_VALIDATIONS).flatMap((m) => ('validations' in m ? m.validations.filter((v) => v.variable === variable) : []));
}
