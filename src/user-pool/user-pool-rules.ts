import { STANDARD_ATTRIBUTES, CustomAttributeType } from './attributes';
import { isCognitoEmail, isSesEmail, SesEmailOptions } from './email';
import { asciiDomain, hasAsciiLocalPart, isWithinDomain, splitAddress } from './ses-address';
import { AuthFactor, FeaturePlan, Mfa, ThreatProtectionMode, VerificationEmailStyle } from './enums';
import { DEFAULTS, ResolvedUserPoolProps, sendsSms, usesEmailMfa } from './resolved-props';
import { checkIntegerRange, checkLength, checkMaxItems, checkOneOf, checkPattern, checkUnique, PRINTABLE } from '../core/checks';
import { ResolvedAwsEnvironment } from '../core/aws-environment';
import { checkRegion } from '../core/regions';
import { isKnown, Problem } from '../core/problem';
import { Token } from '../engine';
import { checkSecurityProfile } from './security-profile';

/**
 * The user pool's rules: every cross-field rule and API constraint that the provider does not check at
 * plan time and AWS would reject at apply (reference: cognito-facts §2, the API constraint table).
 *
 * Each rule is a small pure function of the resolved props. Values that are tokens are skipped, so the
 * same rules serve the Terraform module, whose settings are variables.
 */
export type UserPoolRule = (p: ResolvedUserPoolProps, env: ResolvedAwsEnvironment) => Problem[];

const TIERS_WITH_ESSENTIALS: readonly string[] = [FeaturePlan.ESSENTIALS, FeaturePlan.PLUS];
/** Pool, client and resource server names (`UserPoolNameType`), anchored. */
export const NAME_PATTERN = /^[\w\s+=,.@-]+$/u;
/** `ArnType` of the API, anchored. */
export const ARN_PATTERN = /^arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
/** What AWS accepts as an email address. */
export const EMAIL_PATTERN = new RegExp(`^[${PRINTABLE}]+@[${PRINTABLE}]+$`, 'u');
const CODE_PLACEHOLDER = '{####}';
/** The library's default verification texts: with Cognito's sender they are not rendered, so they are not "custom". */
export const DEFAULT_VERIFICATION_EMAIL: readonly string[] = [
  DEFAULTS.verificationEmailSubject,
  DEFAULTS.verificationCodeBody,
  DEFAULTS.verificationLinkBody,
];
/** `{##link text##}` with some link text: `{####}` is the code placeholder, not an empty link. */
export const LINK_PLACEHOLDER = /\{##[^#}][\s\S]*?##\}/;

export const poolName: UserPoolRule = (p) => [
  ...checkLength('userPoolName', p.userPoolName, 1, 128),
  ...checkPattern(
    'userPoolName',
    p.userPoolName,
    NAME_PATTERN,
    'may contain only letters, digits, spaces and + = , . @ -',
    'remove the other characters',
  ),
];

export const signInAliases: UserPoolRule = (p) => {
  const s = p.signInAliases;
  const problems: Problem[] = [];
  if (!s.username && !s.email && !s.phone) {
    problems.push({
      path: 'signInAliases',
      rule: 'must allow at least one of username, email or phone',
      received: s,
      fix: 'set signInAliases.email (or username, or phone) to true',
    });
  }
  if (s.preferredUsername && !s.username) {
    problems.push({
      path: 'signInAliases.preferredUsername',
      rule: 'a preferred username is an alias of a username, so it needs signInAliases.username',
      received: s,
      fix: 'set signInAliases.username to true, or preferredUsername to false',
    });
  }
  return problems;
};

export const passwordPolicy: UserPoolRule = (p) => [
  ...checkIntegerRange('passwordPolicy.minLength', p.passwordPolicy.minLength, 6, 99),
  ...checkIntegerRange('passwordPolicy.tempPasswordValidityDays', p.passwordPolicy.tempPasswordValidityDays, 0, 365),
  ...checkIntegerRange('passwordPolicy.passwordHistorySize', p.passwordPolicy.passwordHistorySize, 0, 24),
];

/** `PasswordPolicyType.PasswordHistorySize` (API reference): "Essentials tier or higher". */
export const passwordHistoryNeedsEssentials: UserPoolRule = (p) =>
  isKnown(p.passwordPolicy.passwordHistorySize) &&
  p.passwordPolicy.passwordHistorySize > 0 &&
  isKnown(p.featurePlan) &&
  !TIERS_WITH_ESSENTIALS.includes(p.featurePlan)
    ? [
        {
          path: 'passwordPolicy.passwordHistorySize',
          rule: 'password history needs the ESSENTIALS or PLUS feature plan',
          received: { passwordHistorySize: p.passwordPolicy.passwordHistorySize, featurePlan: p.featurePlan },
          fix: 'set featurePlan to FeaturePlan.ESSENTIALS (or PLUS), or passwordHistorySize to 0',
        },
      ]
    : [];

export const mfaNeedsFactor: UserPoolRule = (p) => {
  const f = p.mfaSecondFactor;
  return isKnown(p.mfa) && p.mfa !== Mfa.OFF && !f.otp && !f.sms && !f.email
    ? [
        {
          path: 'mfaSecondFactor',
          rule: `MFA ${p.mfa === Mfa.REQUIRED ? 'REQUIRED' : 'OPTIONAL'} needs at least one second factor`,
          received: f,
          fix: 'set mfaSecondFactor.otp to true (authenticator apps need no SMS or email set-up), or set mfa to Mfa.OFF',
        },
      ]
    : [];
};

export const emailMfaNeedsEssentialsAndSes: UserPoolRule = (p) => {
  if (!usesEmailMfa(p)) return [];
  const problems: Problem[] = [];
  if (isKnown(p.featurePlan) && !TIERS_WITH_ESSENTIALS.includes(p.featurePlan)) {
    problems.push({
      path: 'mfaSecondFactor.email',
      rule: 'email MFA needs the ESSENTIALS or PLUS feature plan',
      received: { featurePlan: p.featurePlan },
      fix: 'set featurePlan to FeaturePlan.ESSENTIALS or PLUS, or turn email MFA off',
    });
  }
  if (isCognitoEmail(p.email)) {
    problems.push({
      path: 'mfaSecondFactor.email',
      rule: 'email MFA needs the pool to send email through Amazon SES',
      received: { email: p.email.sendingAccount },
      fix: 'set email to UserPoolEmail.withSes({ fromEmail: ... }), or turn email MFA off',
    });
  }
  return problems;
};

export const threatProtectionNeedsPlus: UserPoolRule = (p) => {
  const t = p.threatProtection;
  const active = (isKnown(t.standardMode) && t.standardMode !== ThreatProtectionMode.OFF) || t.customAuthMode !== undefined;
  return active && isKnown(p.featurePlan) && p.featurePlan !== FeaturePlan.PLUS
    ? [
        {
          path: 'threatProtection',
          rule: 'threat protection needs the PLUS feature plan (AWS answers FeatureUnavailableInTierException at apply)',
          received: { ...t, featurePlan: p.featurePlan },
          fix: 'set featurePlan to FeaturePlan.PLUS, or threatProtection.standardMode to OFF and remove customAuthMode',
        },
      ]
    : [];
};

export const firstAuthFactors: UserPoolRule = (p) => {
  const factors = p.allowedFirstAuthFactors;
  if (!isKnown(factors)) return [];
  const problems: Problem[] = [
    ...checkUnique('allowedFirstAuthFactors', factors),
    ...checkMaxItems('allowedFirstAuthFactors', factors, 4),
    ...factors.flatMap((f, i) => checkOneOf(`allowedFirstAuthFactors[${i}]`, f, Object.values(AuthFactor))),
  ];
  if (!factors.includes(AuthFactor.PASSWORD)) {
    problems.push({ path: 'allowedFirstAuthFactors', rule: 'must include PASSWORD', received: factors, fix: 'add AuthFactor.PASSWORD' });
  }
  const passwordless = factors.filter((f) => f !== AuthFactor.PASSWORD);
  if (passwordless.length > 0 && isKnown(p.featurePlan) && !TIERS_WITH_ESSENTIALS.includes(p.featurePlan)) {
    problems.push({
      path: 'allowedFirstAuthFactors',
      rule: 'passwordless sign-in needs the ESSENTIALS or PLUS feature plan',
      received: { allowedFirstAuthFactors: factors, featurePlan: p.featurePlan },
      fix: 'set featurePlan to FeaturePlan.ESSENTIALS, or allow PASSWORD only',
    });
  }
  return problems;
};

/** A host name: dot-separated labels of letters, digits and inner hyphens (no scheme, port or path). */
export const HOST_NAME_PATTERN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** WebAuthn: the relying-party id is a host name, the domain users sign in at (API: `RelyingPartyId`, 1-127). */
export const passkeys: UserPoolRule = (p) => [
  ...checkLength('passkeys.relyingPartyId', p.passkeys?.relyingPartyId, 1, 127),
  ...checkPattern(
    'passkeys.relyingPartyId',
    p.passkeys?.relyingPartyId,
    HOST_NAME_PATTERN,
    'must be a host name (no scheme, port, path or wildcard)',
    'use the domain users sign in at, e.g. auth.example.com (for an internationalised domain, its punycode form)',
  ),
];

export const customAttributes: UserPoolRule = (p) => {
  // Attributes given as Terraform variables (the module's) are checked by its validations.
  if (Token.isUnresolved(p.customAttributes) || Token.isUnresolved(p.standardAttributes)) return [];
  const entries = Object.entries(p.customAttributes ?? {});
  const standardCount = Object.keys(p.standardAttributes ?? {}).length;
  const problems: Problem[] = [];
  if (entries.length + standardCount > 50) {
    problems.push({
      path: 'customAttributes',
      rule: 'a pool has at most 50 schema attributes (standard and custom together)',
      received: `${standardCount} standard + ${entries.length} custom`,
      fix: 'remove attributes',
    });
  }
  for (const [name, attribute] of entries) {
    const path = `customAttributes.${name}`;
    problems.push(
      ...checkLength(path, name, 1, 20, 'use a name of at most 20 characters (without the custom: prefix)'),
      ...checkPattern(
        path,
        name,
        new RegExp(`^[${PRINTABLE}]+$`, 'u'),
        'a custom attribute name may contain no spaces or control characters',
        'remove them from the name',
      ),
    );
    if (name.startsWith('custom:')) {
      problems.push({
        path,
        rule: 'the name is given without the custom: prefix, which Cognito adds',
        received: name,
        fix: `use "${name.slice('custom:'.length)}"`,
      });
    }
    const c = attribute.bind();
    if (c.dataType === CustomAttributeType.STRING && c.stringConstraints) {
      const { minLength, maxLength } = c.stringConstraints;
      problems.push(...checkIntegerRange(`${path}.minLen`, minLength, 0, 2048), ...checkIntegerRange(`${path}.maxLen`, maxLength, 1, 2048));
      if (isKnown(minLength) && isKnown(maxLength) && minLength > maxLength) {
        problems.push({
          path: `${path}.minLen`,
          rule: 'must not exceed maxLen',
          received: { minLen: minLength, maxLen: maxLength },
          fix: 'swap or correct the bounds',
        });
      }
    }
    if (c.dataType === CustomAttributeType.NUMBER && c.numberConstraints) {
      const { min, max } = c.numberConstraints;
      if (isKnown(min) && isKnown(max) && min > max) {
        problems.push({ path: `${path}.min`, rule: 'must not exceed max', received: { min, max }, fix: 'swap or correct the bounds' });
      }
    }
  }
  return problems;
};

export const standardAttributes: UserPoolRule = (p) =>
  Object.entries(Token.isUnresolved(p.standardAttributes) ? {} : (p.standardAttributes ?? {})).flatMap(([key, attribute]) => {
    const spec = STANDARD_ATTRIBUTES[key as keyof typeof STANDARD_ATTRIBUTES];
    if (!spec)
      return [
        {
          path: `standardAttributes.${key}`,
          rule: 'is not a standard attribute',
          received: key,
          fix: `use one of ${Object.keys(STANDARD_ATTRIBUTES).join(', ')}, or a custom attribute`,
        },
      ];
    const { minLen, maxLen } = attribute ?? {};
    const path = `standardAttributes.${key}`;
    if (spec.type !== 'String') {
      return minLen !== undefined || maxLen !== undefined
        ? [
            {
              path: `${path}.minLen`,
              rule: `${key} is a ${spec.type} attribute: length bounds are for strings`,
              received: { minLen, maxLen },
              fix: 'remove minLen and maxLen',
            },
          ]
        : [];
    }
    // AWS's StringAttributeConstraintsType: lengths up to 2048.
    const problems = [...checkIntegerRange(`${path}.minLen`, minLen, 0, 2048), ...checkIntegerRange(`${path}.maxLen`, maxLen, 1, 2048)];
    const min = minLen ?? spec.minLength;
    const max = maxLen ?? spec.maxLength;
    if (isKnown(min) && isKnown(max) && min > max)
      problems.push({
        path: `${path}.minLen`,
        rule: 'must not exceed maxLen',
        received: { minLen: min, maxLen: max },
        fix: 'swap or correct the bounds',
      });
    return problems;
  });

export const keepOriginalNeedsAutoVerify: UserPoolRule = (p) =>
  (['email', 'phone'] as const)
    .filter((a) => p.keepOriginal[a] && !p.autoVerify[a])
    .map((a) => ({
      path: `keepOriginal.${a}`,
      rule: `keeping the original ${a} until a new one is verified needs autoVerify.${a}`,
      received: { keepOriginal: p.keepOriginal, autoVerify: p.autoVerify },
      fix: `set autoVerify.${a} to true, or keepOriginal.${a} to false`,
    }));

export const verificationMessages: UserPoolRule = (p) => {
  const v = p.userVerification;
  const problems: Problem[] = [
    ...checkOneOf('userVerification.emailStyle', v.emailStyle, Object.values(VerificationEmailStyle)),
    ...checkLength('userVerification.emailSubject', v.emailSubject, 1, 140),
    ...checkLength('userVerification.emailBody', v.emailBody, 6, 20000),
    ...checkLength('userVerification.smsMessage', v.smsMessage, 6, 140),
    ...needsCode('userVerification.smsMessage', v.smsMessage),
  ];
  const custom = (['emailSubject', 'emailBody'] as const).filter((k) => isKnown(v[k]) && !DEFAULT_VERIFICATION_EMAIL.includes(v[k]));
  if (custom.length > 0 && isCognitoEmail(p.email)) {
    problems.push({
      path: 'userVerification',
      rule: `a custom verification email (${custom.join(', ')}) needs the pool to send email through Amazon SES (API reference, VerificationMessageTemplateType: "only if the value of EmailSendingAccount is DEVELOPER")`,
      received: { email: p.email.sendingAccount },
      fix: 'set email to UserPoolEmail.withSes({ fromEmail: ... }) (configuration: email: { sender: ses, fromEmail: ... }), or remove userVerification.emailSubject and emailBody',
    });
  }
  for (const [key, template, style] of [
    ['codeEmail', v.codeEmail, VerificationEmailStyle.CODE],
    ['linkEmail', v.linkEmail, VerificationEmailStyle.LINK],
  ] as const) {
    if (!template) continue;
    const path = `userVerification.${key}`;
    problems.push(...checkLength(`${path}.subject`, template.subject, 1, 140), ...checkLength(`${path}.body`, template.body, 6, 20000));
    problems.push(
      ...(style === VerificationEmailStyle.LINK
        ? checkPattern(
            `${path}.body`,
            template.body,
            LINK_PLACEHOLDER,
            'a link template must contain a {##link text##} placeholder',
            'add {##Verify your email##} where the link goes',
          )
        : needsCode(`${path}.body`, template.body)),
    );
    if (v.emailStyle === style && custom.length > 0) {
      problems.push({
        path,
        rule: `with emailStyle ${style}, emailSubject and emailBody are this same template: give it once`,
        received: { emailSubject: v.emailSubject, emailBody: v.emailBody, [key]: template },
        fix: `move emailSubject and emailBody into ${key}, or remove ${key}`,
      });
    }
    if (isCognitoEmail(p.email)) {
      problems.push({
        path,
        rule: 'a custom verification email needs the pool to send email through Amazon SES (API reference, VerificationMessageTemplateType)',
        received: { email: p.email.sendingAccount },
        fix: `set email to an SES sender, or remove ${key}`,
      });
    }
  }
  if (v.emailStyle === VerificationEmailStyle.LINK) {
    problems.push(
      ...checkPattern(
        'userVerification.emailBody',
        v.emailBody,
        LINK_PLACEHOLDER,
        'a LINK verification email must contain a {##link text##} placeholder',
        'add {##Verify your email##} where the link goes',
      ),
    );
  } else {
    problems.push(...needsCode('userVerification.emailBody', v.emailBody));
  }
  return problems;
};

export const invitationMessages: UserPoolRule = (p) => {
  const i = p.userInvitation;
  if (!i) return [];
  const problems: Problem[] = [
    ...checkLength('userInvitation.emailSubject', i.emailSubject, 1, 140),
    ...checkLength('userInvitation.emailBody', i.emailBody, 6, 20000),
    ...checkLength('userInvitation.smsMessage', i.smsMessage, 6, 140),
    ...(['emailBody', 'smsMessage'] as const).flatMap((k) => [
      ...needsCode(`userInvitation.${k}`, i[k]),
      ...checkPattern(
        `userInvitation.${k}`,
        i[k],
        /\{username\}/,
        'an invitation must contain the {username} placeholder',
        'add {username} where the user name goes',
      ),
    ]),
  ];
  if ((i.emailSubject !== undefined || i.emailBody !== undefined) && isCognitoEmail(p.email)) {
    problems.push({
      path: 'userInvitation',
      rule: 'a custom invitation email needs the pool to send email through Amazon SES (API reference, MessageTemplateType: "EmailMessage is allowed only if EmailSendingAccount is DEVELOPER")',
      received: { email: p.email.sendingAccount },
      fix: 'set email to UserPoolEmail.withSes({ fromEmail: ... }) (configuration: email: { sender: ses, fromEmail: ... }), or remove userInvitation.emailSubject and emailBody',
    });
  }
  return problems;
};

export const mfaMessages: UserPoolRule = (p) => [
  ...checkLength('mfaMessage', p.mfaMessage, 6, 140),
  ...needsCode('mfaMessage', p.mfaMessage),
  ...checkLength('emailMfaMessage.subject', p.emailMfaMessage?.subject, 1, 140),
  ...checkLength('emailMfaMessage.body', p.emailMfaMessage?.body, 6, 20000),
  ...needsCode('emailMfaMessage.body', p.emailMfaMessage?.body),
];

export const emailSettings: UserPoolRule = (p, env) => {
  if (!isSesEmail(p.email)) {
    const replyTo = p.email.options.replyTo;
    return checkPattern('email.replyTo', replyTo, EMAIL_PATTERN, 'must be an email address', 'use an address like support@example.com');
  }
  const o: SesEmailOptions = p.email.options;
  const problems: Problem[] = [
    ...checkPattern(
      'email.fromEmail',
      o.fromEmail,
      EMAIL_PATTERN,
      'must be an email address',
      'use an address verified in SES, like no-reply@example.com',
    ),
    ...checkPattern('email.replyTo', o.replyTo, EMAIL_PATTERN, 'must be an email address', 'use an address like support@example.com'),
    ...checkLength('email.configurationSet', o.configurationSet, 1, 64),
    ...checkPattern(
      'email.configurationSet',
      o.configurationSet,
      /^[a-zA-Z0-9_-]+$/,
      'may contain only letters, digits, _ and -',
      'use the configuration set name as SES shows it',
    ),
    ...checkRegion('email.sesRegion', o.sesRegion),
    ...checkPattern(
      'email.sesIdentityArn',
      o.sesIdentityArn,
      ARN_PATTERN,
      'must be an ARN (arn:<partition>:ses:<region>:<account>:identity/<address or domain>)',
      'copy the identity ARN from the SES console',
    ),
  ];
  problems.push(...sesSender(o));
  if (o.sesIdentityArn === undefined && (env.accountId === undefined || (o.sesRegion ?? env.region) === undefined)) {
    problems.push({
      path: 'email.sesIdentityArn',
      rule: 'building the SES identity ARN needs the account and region',
      received: undefined,
      fix: "set email sesIdentityArn, or declare the stack's environment with AwsEnvironment.declare(stack, { accountId, region })",
    });
  }
  return problems;
};

export const smsSettings: UserPoolRule = (p, env) => {
  const role = p.sms?.existingRole;
  const problems: Problem[] = [
    ...checkPattern(
      'sms.existingRole.roleArn',
      role?.roleArn,
      ARN_PATTERN,
      'must be an IAM role ARN',
      'use arn:<partition>:iam::<account>:role/<name>',
    ),
    ...checkRegion('sms.snsRegion', p.sms?.snsRegion),
  ];
  if (sendsSms(p) && role === undefined && (env.accountId === undefined || env.region === undefined)) {
    problems.push({
      path: 'sms',
      rule: "the SMS role is scoped to this account's user pools (aws:SourceAccount, aws:SourceArn), so it needs the account id and region",
      received: { accountId: env.accountId, region: env.region },
      fix: "declare the stack's environment with AwsEnvironment.declare(stack, { accountId, region }), or set sms.existingRole",
    });
  }
  return problems;
};

export const tags: UserPoolRule = (p) => {
  const entries = Object.entries(p.tags ?? {});
  return [
    ...(entries.length > 50 ? [{ path: 'tags', rule: 'a pool has at most 50 tags', received: entries.length, fix: 'remove tags' }] : []),
    ...entries.flatMap(([k, v]) => [...checkLength(`tags.${k}`, k, 1, 128), ...checkLength(`tags.${k}`, v, 0, 256)]),
  ];
};

/** The From address and name as SES takes them (see ses-address.ts). */
function sesSender(o: SesEmailOptions): Problem[] {
  const problems: Problem[] = [];
  const from = isKnown(o.fromEmail) ? splitAddress(o.fromEmail) : undefined;
  if (from && !hasAsciiLocalPart(o.fromEmail)) {
    problems.push({
      path: 'email.fromEmail',
      rule: 'the part before @ must be 7-bit ASCII (SES sends no internationalised local parts)',
      received: o.fromEmail,
      fix: 'use an ASCII address such as no-reply@ your domain',
    });
  }
  const fromDomain = from && asciiDomain(from.domain);
  if (from && fromDomain === undefined) {
    problems.push({
      path: 'email.fromEmail',
      rule: 'the part after @ must be a domain name',
      received: o.fromEmail,
      fix: 'use an address like no-reply@example.com',
    });
  }
  if (isKnown(o.sesVerifiedDomain)) {
    const verified = asciiDomain(o.sesVerifiedDomain);
    if (verified === undefined || !verified.includes('.')) {
      problems.push({
        path: 'email.sesVerifiedDomain',
        rule: 'must be a domain name',
        received: o.sesVerifiedDomain,
        fix: 'use the domain as SES shows it, e.g. example.com',
      });
    } else if (fromDomain !== undefined && !isWithinDomain(fromDomain, verified)) {
      problems.push({
        path: 'email.fromEmail',
        rule: `must be an address of the verified domain ${o.sesVerifiedDomain} (SES refuses to send from any other)`,
        received: o.fromEmail,
        fix: `use an address @${o.sesVerifiedDomain}, or set sesVerifiedDomain to the domain of fromEmail`,
      });
    }
  }
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  if (isKnown(o.fromName) && /[\u0000-\u001f\u007f]/.test(o.fromName)) {
    problems.push({
      path: 'email.fromName',
      rule: 'must not contain line breaks or control characters (they would break the From header)',
      received: o.fromName,
      fix: 'write the name on one line',
    });
  }
  return problems;
}

export const securityProfile: UserPoolRule = (p) => checkSecurityProfile(p);

function needsCode(path: string, value: string | undefined): Problem[] {
  return checkPattern(path, value, /\{####\}/, `must contain the ${CODE_PLACEHOLDER} placeholder`, `add ${CODE_PLACEHOLDER} where the code goes`);
}

/** Every rule of the user pool, in the order their problems are reported. */
export const USER_POOL_RULES: readonly UserPoolRule[] = [
  poolName,
  signInAliases,
  passwordPolicy,
  passwordHistoryNeedsEssentials,
  mfaNeedsFactor,
  emailMfaNeedsEssentialsAndSes,
  threatProtectionNeedsPlus,
  firstAuthFactors,
  passkeys,
  standardAttributes,
  customAttributes,
  keepOriginalNeedsAutoVerify,
  verificationMessages,
  invitationMessages,
  mfaMessages,
  emailSettings,
  smsSettings,
  tags,
  securityProfile,
];

/** Runs every rule. */
export function checkUserPool(p: ResolvedUserPoolProps, env: ResolvedAwsEnvironment): Problem[] {
  return USER_POOL_RULES.flatMap((rule) => rule(p, env));
}
