import { z } from 'zod';
import {
  custom,
  Declarations,
  FileObject,
  objectShape,
  flag,
  listOf,
  mapOf,
  object,
  oneOf,
  oneOfByName,
  required,
  text,
  whole,
  decimal,
  enumValues,
  Setting,
} from './setting';
import { TRIGGER_SETTINGS, triggerSpec, TriggerFile } from './trigger-settings';
import {
  CLASSIC_BRANDING,
  POOL_RESPONSES_INPUT,
  POOL_RISK_RESPONSE_SETTINGS,
  profiled,
  profiledDescription,
  SECURITY_PROFILE,
  STRICT_DEFAULTS,
} from './federation-settings';
import {
  STANDARD_ATTRIBUTES,
  BooleanAttribute,
  DateTimeAttribute,
  ICustomAttribute,
  NumberAttribute,
  StringAttribute,
  CustomAttributeType,
} from '../user-pool/attributes';
import { UserPoolEmail } from '../user-pool/email';
import {
  AccountRecovery,
  AuthFactor,
  CustomAuthThreatProtectionMode,
  FeaturePlan,
  Mfa,
  PasskeyUserVerification,
  ThreatProtectionMode,
  VerificationEmailStyle,
} from '../user-pool/enums';
import { DEFAULTS } from '../user-pool/resolved-props';
import { UserPoolProps } from '../user-pool/user-pool-props';
import { renderUserPool } from '../user-pool/render-user-pool';
import { resolveUserPoolProps } from '../user-pool/resolved-props';
import { optional } from '../module/hcl-type';
import { terraformName } from '../core/conditional';
import { Fn, Op, ref, Token } from '../engine';
import { TriggerOperation } from '../triggers/trigger-operation';
import type { TriggerSpec } from '../triggers/pool-triggers';

/**
 * Every setting of a user pool, declared once: the configuration file's `pool:` keys (and their JSON
 * Schema), the conversion to {@link UserPoolProps}, the module's inputs and the README's settings table
 * all come from here. `satisfies Declarations<UserPoolProps>` makes a prop without a declaration, or a
 * declaration of the wrong type, a compile error. Defaults are read from `DEFAULTS`, never retyped.
 */

/** `value`, or when it is null `fallback`: a computed default, computed by Terraform in the module. */
const orElse = (value: string, fallback: string) => `(${value} != null ? ${value} : ${fallback})`;
/** The module's sign-in flags, which default to null so that the module can tell which were given. */
const SIGN_IN_FLAGS = Object.keys(DEFAULTS.signInAliases) as (keyof typeof DEFAULTS.signInAliases)[];
/**
 * A sign-in flag of the module as `resolveUserPoolProps` resolves it: when none is given, the default set
 * (email); otherwise the flags given replace it whole (`sign_in = { phone = true }` is phone only, as in the file).
 */
export const moduleSignIn = (key: keyof typeof DEFAULTS.signInAliases) =>
  `(${SIGN_IN_FLAGS.map((f) => `var.sign_in.${terraformName(f)} == null`).join(' && ')} ? ${DEFAULTS.signInAliases[key]} : var.sign_in.${terraformName(key)} == true)`;
/** A sign-in flag: false unless given in the file; null unless given in the module, which resolves it with {@link moduleSignIn}. */
const signInFlag = (key: keyof typeof DEFAULTS.signInAliases, description: string) => ({
  ...flag(description, { default: false, moduleDefault: null }),
  fromTerraform: () => ref(moduleSignIn(key)) as unknown as boolean,
});
/** The module's auto-verified flag of an attribute (the library's default: the sign-in flag). */
export const moduleAutoVerified = (attribute: 'email' | 'phone') => orElse(`var.auto_verify.${attribute}`, moduleSignIn(attribute));

/** Email and phone flags, defaulting in the module to `fallback(attribute)`, as `resolveUserPoolProps` does. */
const verified = (what: string, defaultText: string, fallback: (attribute: 'email' | 'phone') => string) => ({
  email: {
    ...flag(`${what} email addresses.`, { defaultText: `${defaultText} email` }),
    fromTerraform: (e: string) => ref(orElse(e, fallback('email'))) as unknown as boolean,
  },
  phone: {
    ...flag(`${what} phone numbers (sends SMS).`, { defaultText: `${defaultText} phone` }),
    fromTerraform: (e: string) => ref(orElse(e, fallback('phone'))) as unknown as boolean,
  },
});

/** One verification email template (subject and body), for pools that keep both styles' templates. */
const verificationTemplate = (description: string, defaultBody: string) =>
  object(
    {
      subject: text('Subject, 1 to 140 characters.', { default: DEFAULTS.verificationEmailSubject }),
      // In the module both fields have defaults, so a pair given there is never half null (render-user-pool relies on it).
      body: text('Body, 6 to 20000 characters, with the placeholder of its style.', {
        defaultText: 'the default body of its style',
        moduleDefault: defaultBody,
      }),
    },
    `${description} Needs an SES sender.`,
    { defaultText: 'none', moduleDefault: null },
  );

const standardAttribute = object(
  {
    required: flag('Every user must have it at sign-up. Fixed at creation.', { default: false }),
    mutable: flag('Users can change it after sign-up. Fixed at creation.', { default: true }),
    minLen: whole('String attributes only: the minimum length, 0 to 2048 (e.g. 7 for email).', { defaultText: "AWS's bound: 0 (10 for birthdate)" }),
    maxLen: whole('String attributes only: the maximum length, 1 to 2048 (e.g. 256 for email).', {
      defaultText: "AWS's bound: 2048 (10 for birthdate)",
    }),
  },
  'How a standard attribute behaves.',
);

/** The bounds a custom attribute gets when none are given (the classes' own defaults). */
const STRING_BOUNDS = new StringAttribute().bind().stringConstraints!;
const NUMBER_BOUNDS = new NumberAttribute().bind().numberConstraints!;

const customAttributeFields = {
  type: required(oneOf(CustomAttributeType, 'The data type. Fixed at creation.')),
  mutable: flag('Whether the value can change after it is first set. Fixed at creation.', { default: true }),
  minLen: whole('String only: the minimum length.', { default: STRING_BOUNDS.minLength }),
  maxLen: whole('String only: the maximum length, at most 2048.', { default: STRING_BOUNDS.maxLength }),
  min: decimal('Number only: the smallest value.', { default: NUMBER_BOUNDS.min }),
  max: decimal('Number only: the largest value.', { default: NUMBER_BOUNDS.max }),
};
const customAttributeObject = object(customAttributeFields, 'A custom attribute.');

/** A custom attribute's class from its file form. */
function customAttribute(a: z.infer<typeof customAttributeObject.schema>): ICustomAttribute {
  switch (a.type) {
    case CustomAttributeType.STRING:
      return new StringAttribute({ mutable: a.mutable, minLen: a.minLen, maxLen: a.maxLen });
    case CustomAttributeType.NUMBER:
      return new NumberAttribute({ mutable: a.mutable, min: a.min, max: a.max });
    case CustomAttributeType.BOOLEAN:
      return new BooleanAttribute({ mutable: a.mutable });
    default:
      return new DateTimeAttribute({ mutable: a.mutable });
  }
}

const cognitoEmail = { replyTo: text('Where replies go (an email address).') };
const sesEmail = {
  fromEmail: required(text('The sender address, verified in SES.')),
  fromName: text('A display name shown before the address.'),
  ...cognitoEmail,
  sesIdentityArn: text('The ARN of the verified SES identity (address or domain).', { defaultText: 'built from the address, or sesVerifiedDomain' }),
  sesVerifiedDomain: text('A verified SES domain that the address belongs to.'),
  sesRegion: text('The region of the SES identity.', { defaultText: "the pool's region" }),
  configurationSet: text('An SES configuration set.'),
};
type EmailFile = ({ sender: 'cognito' } & FileObject<typeof cognitoEmail>) | ({ sender: 'ses' } & FileObject<typeof sesEmail>);
const emailFile = z.discriminatedUnion('sender', [
  z.strictObject({ sender: z.literal('cognito').describe("Cognito's own sender (50 messages a day)."), ...objectShape(cognitoEmail) }),
  z.strictObject({ sender: z.literal('ses').describe('Your verified SES identity.'), ...objectShape(sesEmail) }),
]) as unknown as z.ZodType<EmailFile>;

function withoutSender<T extends { sender: string }>(email: T): Omit<T, 'sender'> {
  const { sender: _sender, ...rest } = email;
  return rest;
}

/**
 * A setting the strict security profile sets: in the module its input defaults to null, and the value in
 * force is the input, else the profile's value when the profile is chosen, else the setting's default.
 */
function inForce<P, F>(setting: Setting<P, F>, strict: P | undefined): Setting<P, F> {
  const otherwise = setting.default && 'value' in setting.default ? setting.default.value : undefined;
  return {
    ...setting,
    moduleDefault: null,
    moduleDescription: profiledDescription(setting.description, otherwise, strict),
    fromTerraform: (e) => setting.fromTerraform!(profiled(e, strict, otherwise)),
  };
}

/** Every pool setting. */
export const POOL_SETTINGS = {
  userPoolName: text("The pool's name, 1 to 128 letters, digits, spaces and `+=,.@-`.", {
    defaultText: 'the environment name, in the app',
    module: 'name',
    moduleRequired: true,
  }),
  signInAliases: object(
    {
      username: signInFlag('username', "A username of the user's choosing; email, phone and preferred username become aliases of it."),
      email: signInFlag('email', 'Sign in with an email address.'),
      phone: signInFlag('phone', 'Sign in with a phone number (sends SMS).'),
      preferredUsername: signInFlag('preferredUsername', 'Preferred username, an alias (needs `username`).'),
    },
    'What users sign in with. Fixed at creation: a change replaces the pool. Given settings replace the default set whole: `{ phone: true }` is phone only.',
    // Only the attributes that are on: given settings replace the set, so each field's default is false.
    {
      default: Object.fromEntries(Object.entries(DEFAULTS.signInAliases).filter(([, on]) => on)),
      module: 'sign_in',
      moduleDefault: {},
      moduleDescription:
        'What users sign in with, and whether usernames are case-sensitive. Fixed at creation: a change replaces the pool, which prevent_destroy stops. Sign-in flags given replace the default set (email) whole: `{ phone = true }` is phone only.',
    },
  ),
  signInCaseSensitive: flag('Whether `User@Example.com` and `user@example.com` are different users. Fixed at creation.', {
    default: DEFAULTS.signInCaseSensitive,
    module: 'sign_in.case_sensitive',
  }),
  leaveCaseSensitivityUnset: flag(
    "Render no case-sensitivity setting (`username_configuration`), only to take over a pool created without one (e.g. by lgallard's module): such a pool compares usernames case-sensitively, and adding the setting would replace it. The case-sensitivity flag is then not rendered.",
    { default: DEFAULTS.leaveCaseSensitivityUnset, module: 'sign_in.leave_case_sensitivity_unset' },
  ),
  autoVerify: object(verified('Verify', 'true when users sign in with', moduleSignIn), 'Attributes that Cognito verifies by sending a code or link.'),
  keepOriginal: object(
    verified('Until a new one is verified, keep the old', 'true when Cognito verifies', moduleAutoVerified),
    'Keep the old, verified email or phone in force until the user verifies a new one.',
    {
      defaultText: 'the auto-verified attributes',
    },
  ),
  standardAttributes: mapOf(
    standardAttribute,
    "Standard attributes by name (`email`, `givenName`, ...): required and mutable flags, and for strings the length bounds (AWS's own unless given). Fixed at creation.",
    {
      keys: z.enum(Object.keys(STANDARD_ATTRIBUTES) as [string, ...string[]]),
      defaultText: 'only what sign-in needs',
      moduleDefault: {},
      // The module keys them by Cognito's names, which its clients' attribute lists use too (render-user-pool reads them so).
      moduleDescription: `Standard attributes by their Cognito names (${Object.values(STANDARD_ATTRIBUTES)
        .map((a) => `\`${a.name}\``)
        .join(
          ', ',
        )}): required and mutable flags, and for strings the length bounds (AWS's own unless given). Fixed at creation: changed or removed later, AWS refuses the apply.`,
    },
  ),
  customAttributes: custom<{ readonly [name: string]: ICustomAttribute }, { [name: string]: z.infer<typeof customAttributeObject.schema> }>({
    description:
      'Custom attributes by name (without `custom:`, at most 20 characters). Can be added later, never changed or removed. Both bounds are always rendered.',
    schema: z.record(z.string(), customAttributeObject.schema),
    toProp: (v) => Object.fromEntries(Object.entries(v).map(([name, a]) => [name, customAttribute(a)])),
    entry: customAttributeObject,
    // A map of the entry's fields (moduleType reads them from `entry`), which render-user-pool renders as a dynamic schema block.
    module: { map: { object: {} } },
    moduleDefault: {},
    fromTerraform: (e) => Token.asAnyMap(ref(e)) as { readonly [name: string]: ICustomAttribute },
  }),
  passwordPolicy: object(
    {
      minLength: whole('Minimum length, 6 to 99.', { default: DEFAULTS.passwordPolicy.minLength }),
      requireLowercase: flag('Require a lowercase letter.', { default: DEFAULTS.passwordPolicy.requireLowercase }),
      requireUppercase: flag('Require an uppercase letter.', { default: DEFAULTS.passwordPolicy.requireUppercase }),
      requireDigits: flag('Require a digit.', { default: DEFAULTS.passwordPolicy.requireDigits }),
      requireSymbols: flag('Require a symbol.', { default: DEFAULTS.passwordPolicy.requireSymbols }),
      tempPasswordValidityDays: whole('Days a password set by an administrator stays valid, 0 to 365.', {
        default: DEFAULTS.passwordPolicy.tempPasswordValidityDays,
        module: 'temporary_password_validity_days',
      }),
      passwordHistorySize: whole('Previous passwords a user cannot reuse, 0 to 24; above 0 needs the ESSENTIALS or PLUS plan.', {
        default: DEFAULTS.passwordPolicy.passwordHistorySize,
      }),
    },
    'Password rules. The defaults pass AWS Security Hub Cognito.3.',
  ),
  selfSignUpEnabled: flag('Whether anyone can sign up, or only administrators create users.', { default: DEFAULTS.selfSignUpEnabled }),
  mfa: oneOfByName(Mfa, 'Multi-factor authentication (Security Hub Cognito.5 wants it on).', { default: DEFAULTS.mfa, module: 'mfa.mode' }),
  mfaSecondFactor: object(
    {
      otp: flag('Authenticator apps (TOTP); need no SMS or email set-up.', { default: DEFAULTS.mfaSecondFactor.otp }),
      sms: flag('Codes by SMS (sends SMS).', { default: DEFAULTS.mfaSecondFactor.sms }),
      email: flag('Codes by email: needs the ESSENTIALS or PLUS plan and an SES sender.', { default: DEFAULTS.mfaSecondFactor.email }),
    },
    'The second factors offered when MFA is OPTIONAL or REQUIRED.',
    { module: 'mfa', moduleDescription: 'Multi-factor authentication: the mode, the second factors offered, and the email that carries codes.' },
  ),
  mfaMessage: text('The SMS text that carries an MFA code, 6 to 140 characters, with `{####}`.', {
    defaultText: "AWS's default message",
    module: 'mfa.sms_message',
  }),
  emailMfaMessage: object(
    {
      subject: text('Subject, 1 to 140 characters.', { defaultText: "AWS's default subject", module: 'email_subject' }),
      body: text('Body, 6 to 20000 characters, with `{####}`.', { defaultText: "AWS's default message", module: 'email_body' }),
    },
    'The email that carries an MFA or sign-in code.',
    { module: 'mfa' },
  ),
  userVerification: object(
    {
      emailStyle: oneOfByName(VerificationEmailStyle, 'A code (`{####}`) to type in, or a link (`{##link text##}`) to follow.', {
        default: VerificationEmailStyle.CODE,
      }),
      emailSubject: text(
        "Email subject, 1 to 140 characters. Sent as given only with an SES sender (Cognito's sender uses AWS's text; a custom one needs SES).",
        { default: DEFAULTS.verificationEmailSubject },
      ),
      emailBody: {
        ...text(
          `Email body, 6 to 20000 characters, with \`{####}\` (CODE) or \`{##link text##}\` (LINK). For LINK the default is \`${DEFAULTS.verificationLinkBody}\`. Like the subject, needs an SES sender when not the default.`,
          {
            default: DEFAULTS.verificationCodeBody,
            // The module's default depends on email_style, as the library's does.
            moduleDefault: null,
          },
        ),
        fromTerraform: (e: string) => {
          const style = e.replace(/email_body(, null\))?$/, 'email_style$1');
          return Token.asString(
            Fn.conditional(
              Op.neq(ref(e), Token.nullValue()),
              ref(e),
              Fn.conditional(Op.eq(ref(style), 'LINK'), DEFAULTS.verificationLinkBody, DEFAULTS.verificationCodeBody),
            ),
          );
        },
      },
      smsMessage: text('SMS text, 6 to 140 characters, with `{####}`.', { default: DEFAULTS.verificationSms }),
      codeEmail: verificationTemplate(
        'The code template (`{####}`) as a pair, kept beside a link template: AWS sends it for attribute updates and password resets even with LINK.',
        DEFAULTS.verificationCodeBody,
      ),
      linkEmail: verificationTemplate(
        'The link template (`{##link text##}`) as a pair, kept beside a code template, so that switching emailStyle keeps both.',
        DEFAULTS.verificationLinkBody,
      ),
    },
    'The message that confirms an email address or phone number.',
    { module: 'verification' },
  ),
  userInvitation: object(
    {
      emailSubject: text('Email subject, 1 to 140 characters. Needs an SES sender.', { defaultText: "AWS's default subject" }),
      emailBody: text('Email body, 6 to 20000 characters, with `{username}` and `{####}` (the temporary password). Needs an SES sender.', {
        defaultText: "AWS's default message",
      }),
      smsMessage: text('SMS text, 6 to 140 characters, with `{username}` and `{####}`.', { defaultText: "AWS's default message" }),
    },
    'The message new users get when an administrator creates them.',
    { defaultText: "AWS's default messages" },
  ),
  accountRecovery: oneOf(AccountRecovery, 'How users recover their account; phone recovery creates the SMS role.', {
    default: DEFAULTS.accountRecovery,
  }),
  email: custom<UserPoolEmail, EmailFile>({
    description:
      "How the pool sends email: `{ sender: cognito, replyTo }` (Cognito's limited sender), or `{ sender: ses, fromEmail, ... }` (your verified SES identity). With SES, `fromName` is quoted or RFC 2047-encoded as the header needs, an internationalised domain goes in punycode into the address and the identity ARN, and `fromEmail` must have an ASCII local part and lie inside `sesVerifiedDomain`.",
    schema: emailFile,
    toProp: (e) => (e.sender === 'ses' ? UserPoolEmail.withSes(withoutSender(e)) : UserPoolEmail.withCognito(withoutSender(e))),
    default: { text: "Cognito's sender" },
    module: {
      object: {
        sending_account: optional('string', UserPoolEmail.withCognito().sendingAccount, "`COGNITO_DEFAULT` (Cognito's sender) or `DEVELOPER` (SES)."),
        from_email: optional('string', null, `${sesEmail.fromEmail.description} (\`DEVELOPER\` only).`),
        from_name: optional('string', null, sesEmail.fromName.description),
        reply_to: optional('string', null, cognitoEmail.replyTo.description),
        source_arn: optional('string', null, 'The ARN of the verified SES identity (`DEVELOPER` only).'),
        configuration_set: optional('string', null, sesEmail.configurationSet.description),
      },
    },
    moduleDefault: {},
    moduleDescription: "How the pool sends email: Cognito's limited sender (`COGNITO_DEFAULT`), or your verified SES identity (`DEVELOPER`).",
    moduleKeys: {
      sender: 'sending_account',
      fromEmail: 'from_email',
      fromName: 'from_name',
      replyTo: 'reply_to',
      sesIdentityArn: 'source_arn',
      sesVerifiedDomain: {
        notInModule:
          "the module builds no SES identity ARN: that needs the account id, which the module could only read from a data source that calls AWS (aws_caller_identity) or take as an input it does not have; give `source_arn`, the identity's ARN (its domain or address)",
      },
      sesRegion: { notInModule: 'the region is part of `source_arn`, which the module takes whole (see sesVerifiedDomain)' },
      configurationSet: 'configuration_set',
    },
    fromTerraform: (e) => {
      const replyTo = Token.asString(ref(`${e}.reply_to`));
      const option = (name: string) => Token.asString(ref(`${e}.${name}`));
      const ses = {
        fromEmail: option('from_email'),
        fromName: option('from_name'),
        replyTo,
        sesIdentityArn: option('source_arn'),
        configurationSet: option('configuration_set'),
      };
      return UserPoolEmail.chosenByTerraform(Op.eq(ref(`${e}.sending_account`), 'DEVELOPER') as unknown as boolean, ses, { replyTo });
    },
  }),
  sms: object(
    {
      existingRole: object(
        {
          roleArn: required(text("The role's ARN, in the pool's account.")),
          externalId: required(text('The external id its trust policy requires.')),
        },
        'Your own role for sending SMS, instead of the one created for you.',
      ),
      snsRegion: text('The region whose Amazon SNS sends the messages.', { defaultText: "the pool's region" }),
    },
    'How the pool sends SMS.',
    {
      defaultText: 'a least-privilege role is created when anything sends SMS',
      // Without a declared account (as the module has none), the library too needs your role: the role
      // it would create trusts only this account's pools, which needs the account id.
      moduleDescription:
        'How the pool sends SMS: through your role (`existing_role`), which anything that sends SMS needs here (phone sign-in or verification, SMS MFA, SMS codes, phone recovery).',
    },
  ),
  deviceTracking: object(
    {
      challengeRequiredOnNewDevice: required(flag('Ask for MFA on a new device, even when it would otherwise be skipped.')),
      deviceOnlyRememberedOnUserPrompt: required(flag('Remember a device only when the user asks to.')),
    },
    'Remembered devices.',
    { defaultText: 'devices are not remembered' },
  ),
  featurePlan: inForce(oneOf(FeaturePlan, 'The feature plan (`user_pool_tier`).', { default: DEFAULTS.featurePlan }), STRICT_DEFAULTS.featurePlan),
  threatProtection: object(
    {
      standardMode: inForce(
        oneOf(ThreatProtectionMode, 'For password and SRP sign-in (Security Hub Cognito.1 wants ENFORCED); AUDIT and ENFORCED need PLUS.', {
          default: DEFAULTS.threatProtectionMode,
          module: 'threat_protection_mode',
        }),
        STRICT_DEFAULTS.threatProtection?.standardMode,
      ),
      customAuthMode: inForce(
        oneOf(CustomAuthThreatProtectionMode, 'For custom authentication flows; needs PLUS.', {
          defaultText: 'not protected',
          module: 'threat_protection_custom_auth_mode',
        }),
        STRICT_DEFAULTS.threatProtection?.customAuthMode,
      ),
      ...POOL_RISK_RESPONSE_SETTINGS,
    },
    "Threat protection (adaptive authentication, compromised credentials) and its responses, which become the pool's risk configuration.",
    {
      module: '.',
      moduleGroups: {
        [POOL_RESPONSES_INPUT]:
          "The pool's threat protection responses (aws_cognito_risk_configuration), for every client without its own: needs feature_plan PLUS and threat protection on. None given: AWS's defaults, or with security_profile `strict` the profile's (leaked credentials blocked; through SES also account-takeover responses).",
      },
    },
  ),
  allowedFirstAuthFactors: listOf(
    oneOf(AuthFactor, 'A first factor.'),
    'The factors users may start sign-in with; beyond PASSWORD (passwordless) needs ESSENTIALS or PLUS.',
    {
      default: DEFAULTS.allowedFirstAuthFactors,
    },
  ),
  passkeys: object(
    {
      relyingPartyId: text("The relying party id, a host name (no scheme, port or path): the pool's domain, or your custom domain's name.", {
        defaultText: "the pool's prefix domain",
      }),
      userVerification: oneOf(PasskeyUserVerification, 'Whether authenticators must verify the user.', {
        default: PasskeyUserVerification.PREFERRED,
      }),
    },
    'Passkey (WebAuthn) settings, used when allowedFirstAuthFactors has WEB_AUTHN.',
    { defaultText: "AWS's defaults" },
  ),
  triggers: custom<{ readonly [O in TriggerOperation]?: TriggerSpec }, { [O in TriggerOperation]?: TriggerFile }>({
    description: 'Lambda triggers by operation: code deployed here (a file, a folder, a ready-made handler) or an existing function.',
    schema: z.partialRecord(z.enum(enumValues(TriggerOperation)), TRIGGER_SETTINGS.schema),
    toProp: (v) => Object.fromEntries(Object.entries(v).map(([operation, t]) => [operation, t && triggerSpec(t)])),
    entry: TRIGGER_SETTINGS,
    // Wired by the module builder itself (functions, lambda_config and invoke permissions), not through props.
    module: { map: { object: {} } },
    moduleDefault: {},
    moduleDescription:
      'Lambda triggers by operation (pre_sign_up, custom_email_sender, ...): an existing function, or a zip of built code from which the module creates the function (its own role, log group and permission, as the library does).',
  }),
  customSenderKmsKeyArn: text('A KMS key you manage for custom email and SMS senders; its policy must let Cognito encrypt and the senders decrypt.', {
    defaultText: 'a key is created when a sender function is created here',
  }),
  tags: mapOf(text('A tag value.'), 'Tags on the pool, at most 50.', { moduleDefault: {} }),
  dangerouslyAllowDeletionOfAllUsers: custom<boolean, boolean>({
    description: 'THROW-AWAY ENVIRONMENTS ONLY: turns off deletion protection and `prevent_destroy`, so a destroy or replacement deletes every user.',
    schema: z.boolean(),
    toProp: (v) => v,
    default: { value: false },
    // The module keeps prevent_destroy (Terraform takes only a literal there) and offers AWS's own switch.
    moduleAt: 'deletion_protection',
    module: 'string',
    moduleDefault: renderUserPool(resolveUserPoolProps({ userPoolName: 'defaults' }), {}).deletionProtection,
    moduleDescription:
      '`ACTIVE` or `INACTIVE`: AWS deletion protection. The pool also has `prevent_destroy`, which only editing the module turns off.',
    fromTerraform: (e) => Op.eq(ref(e), 'INACTIVE') as unknown as boolean,
  }),
  securityProfile: SECURITY_PROFILE,
  classicBranding: CLASSIC_BRANDING,
} satisfies Declarations<UserPoolProps>;
