import {
  AuthFactor,
  CustomAuthThreatProtectionMode,
  FeaturePlan,
  formatProblem,
  Mfa,
  NumberAttribute,
  resolveUserPoolProps,
  StringAttribute,
  SecurityProfile,
  ThreatProtectionMode,
  UserPool,
  UserPoolEmail,
  UserPoolProps,
  VerificationEmailStyle,
} from '../../src';
import { ResolvedAwsEnvironment } from '../../src/core/aws-environment';
import { TerraformVariable } from '../../src/engine';
import * as rules from '../../src/user-pool/user-pool-rules';
import { synth, testStack, validationErrors } from '../support/stack';
import { POOLS } from './fixtures';

const ENV: ResolvedAwsEnvironment = { accountId: '111122223333', region: 'eu-west-1', partition: 'aws' };
const NO_ENV: ResolvedAwsEnvironment = { partition: 'aws' };
const SES = UserPoolEmail.withSes({ fromEmail: 'a@example.com' });

/** The messages one rule gives for some props (on top of a valid minimal pool). */
function check(rule: rules.UserPoolRule, props: Partial<UserPoolProps>, env = ENV): string[] {
  return rule(resolveUserPoolProps({ userPoolName: 'p', ...props }), env).map((p) => formatProblem(p));
}

/**
 * Each rule, with settings that comply and settings that do not. The failing case names the setting,
 * the rule and the received value.
 */
const CASES: { name: keyof typeof rules; ok: Partial<UserPoolProps>; bad: Partial<UserPoolProps>; says: RegExp; env?: ResolvedAwsEnvironment }[] = [
  {
    name: 'securityProfile',
    ok: { securityProfile: SecurityProfile.STRICT },
    bad: { securityProfile: SecurityProfile.STRICT, mfa: Mfa.OPTIONAL },
    says: /^mfa: the strict security profile \(Security Hub Cognito\.5\) needs MFA REQUIRED; received "OPTIONAL"/,
  },
  {
    name: 'poolName',
    ok: { userPoolName: 'My pool_1+=,.@-' },
    bad: { userPoolName: 'pool/with/slashes' },
    says: /^userPoolName: may contain only letters, digits, spaces and \+ = , \. @ -; received "pool\/with\/slashes"\. Fix: /,
  },
  {
    name: 'poolName',
    ok: { userPoolName: 'x'.repeat(128) },
    bad: { userPoolName: 'x'.repeat(129) },
    says: /^userPoolName: must be 1 to 128 characters long \(it has 129\)/,
  },
  {
    name: 'signInAliases',
    ok: { signInAliases: { phone: true } },
    bad: { signInAliases: { email: false } },
    says: /^signInAliases: must allow at least one of username, email or phone; received \{"username":false,"email":false,"phone":false,"preferredUsername":false\}/,
  },
  {
    name: 'signInAliases',
    ok: { signInAliases: { username: true, preferredUsername: true } },
    bad: { signInAliases: { email: true, preferredUsername: true } },
    says: /^signInAliases\.preferredUsername: a preferred username is an alias of a username/,
  },
  {
    name: 'passwordPolicy',
    ok: { passwordPolicy: { minLength: 99 } },
    bad: { passwordPolicy: { minLength: 5 } },
    says: /^passwordPolicy\.minLength: must be a whole number from 6 to 99; received 5\. Fix: /,
  },
  {
    name: 'passwordPolicy',
    ok: { passwordPolicy: { tempPasswordValidityDays: 365 } },
    bad: { passwordPolicy: { tempPasswordValidityDays: 366 } },
    says: /^passwordPolicy\.tempPasswordValidityDays: must be a whole number from 0 to 365; received 366/,
  },
  {
    name: 'passwordPolicy',
    ok: { passwordPolicy: { passwordHistorySize: 24 }, featurePlan: FeaturePlan.PLUS },
    bad: { passwordPolicy: { passwordHistorySize: 25 }, featurePlan: FeaturePlan.PLUS },
    says: /^passwordPolicy\.passwordHistorySize: must be a whole number from 0 to 24; received 25/,
  },
  {
    name: 'passwordHistoryNeedsEssentials',
    ok: { passwordPolicy: { passwordHistorySize: 3 }, featurePlan: FeaturePlan.ESSENTIALS },
    bad: { passwordPolicy: { passwordHistorySize: 3 }, featurePlan: FeaturePlan.LITE },
    says: /^passwordPolicy\.passwordHistorySize: password history needs the ESSENTIALS or PLUS feature plan; received \{"passwordHistorySize":3,"featurePlan":"LITE"\}/,
  },
  {
    name: 'mfaNeedsFactor',
    ok: { mfa: Mfa.OFF, mfaSecondFactor: { otp: false } },
    bad: { mfa: Mfa.REQUIRED, mfaSecondFactor: { otp: false } },
    says: /^mfaSecondFactor: MFA REQUIRED needs at least one second factor; received \{"otp":false,"sms":false,"email":false\}\. Fix: set mfaSecondFactor\.otp/,
  },
  {
    name: 'emailMfaNeedsEssentialsAndSes',
    ok: { mfaSecondFactor: { email: true }, email: SES },
    bad: { mfaSecondFactor: { email: true } },
    says: /^mfaSecondFactor\.email: email MFA needs the pool to send email through Amazon SES; received \{"email":"COGNITO_DEFAULT"\}/,
  },
  {
    name: 'emailMfaNeedsEssentialsAndSes',
    ok: { mfaSecondFactor: { email: true }, email: SES, featurePlan: FeaturePlan.PLUS },
    bad: { mfaSecondFactor: { email: true }, email: SES, featurePlan: FeaturePlan.LITE },
    says: /^mfaSecondFactor\.email: email MFA needs the ESSENTIALS or PLUS feature plan; received \{"featurePlan":"LITE"\}/,
  },
  {
    name: 'threatProtectionNeedsPlus',
    ok: { threatProtection: { standardMode: ThreatProtectionMode.AUDIT }, featurePlan: FeaturePlan.PLUS },
    bad: { threatProtection: { standardMode: ThreatProtectionMode.ENFORCED } },
    says: /^threatProtection: threat protection needs the PLUS feature plan .*; received \{"standardMode":"ENFORCED","featurePlan":"ESSENTIALS"\}/,
  },
  {
    name: 'threatProtectionNeedsPlus',
    ok: { threatProtection: { standardMode: ThreatProtectionMode.OFF } },
    bad: { threatProtection: { customAuthMode: CustomAuthThreatProtectionMode.AUDIT }, featurePlan: FeaturePlan.LITE },
    says: /^threatProtection: threat protection needs the PLUS feature plan/,
  },
  {
    name: 'firstAuthFactors',
    ok: { allowedFirstAuthFactors: [AuthFactor.PASSWORD, AuthFactor.WEB_AUTHN] },
    bad: { allowedFirstAuthFactors: [AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP], featurePlan: FeaturePlan.LITE },
    says: /^allowedFirstAuthFactors: passwordless sign-in needs the ESSENTIALS or PLUS feature plan/,
  },
  {
    name: 'firstAuthFactors',
    ok: { allowedFirstAuthFactors: [AuthFactor.PASSWORD] },
    bad: { allowedFirstAuthFactors: [AuthFactor.EMAIL_OTP] },
    says: /^allowedFirstAuthFactors: must include PASSWORD; received \["EMAIL_OTP"\]/,
  },
  {
    name: 'firstAuthFactors',
    ok: { allowedFirstAuthFactors: [AuthFactor.PASSWORD, AuthFactor.SMS_OTP] },
    bad: { allowedFirstAuthFactors: [AuthFactor.PASSWORD, AuthFactor.PASSWORD] },
    says: /^allowedFirstAuthFactors: must not repeat an item/,
  },
  {
    name: 'passkeys',
    ok: { passkeys: { relyingPartyId: 'auth.example.com' } },
    bad: { passkeys: { relyingPartyId: `${'a.'.repeat(63)}ab` } },
    says: /^passkeys\.relyingPartyId: must be 1 to 127 characters long/,
  },
  {
    name: 'passkeys',
    ok: { passkeys: { relyingPartyId: 'example-pool.auth.eu-west-1.amazoncognito.com' } },
    bad: { passkeys: { relyingPartyId: 'https://auth.example.com/' } },
    says: /^passkeys\.relyingPartyId: must be a host name \(no scheme, port, path or wildcard\); received "https:\/\/auth\.example\.com\/"/,
  },
  {
    name: 'standardAttributes',
    ok: { standardAttributes: { givenName: {} } },
    bad: { standardAttributes: { given_name: {} } as any },
    says: /^standardAttributes\.given_name: is not a standard attribute; received "given_name"\. Fix: use one of address, birthdate/,
  },
  {
    name: 'customAttributes',
    ok: { customAttributes: { ['x'.repeat(20)]: new StringAttribute() } },
    bad: { customAttributes: { ['x'.repeat(21)]: new StringAttribute() } },
    says: /^customAttributes\.x{21}: must be 1 to 20 characters long \(it has 21\); received "x{21}"\. Fix: use a name of at most 20 characters/,
  },
  {
    name: 'customAttributes',
    ok: { customAttributes: { tenant: new StringAttribute() } },
    bad: { customAttributes: { 'custom:tenant': new StringAttribute() } },
    says: /^customAttributes\.custom:tenant: the name is given without the custom: prefix.*Fix: use "tenant"/,
  },
  {
    name: 'customAttributes',
    ok: { customAttributes: { a: new StringAttribute({ minLen: 2, maxLen: 2 }) } },
    bad: { customAttributes: { a: new StringAttribute({ minLen: 5, maxLen: 2 }) } },
    says: /^customAttributes\.a\.minLen: must not exceed maxLen; received \{"minLen":5,"maxLen":2\}/,
  },
  {
    name: 'customAttributes',
    ok: { customAttributes: { a: new StringAttribute({ maxLen: 2048 }) } },
    bad: { customAttributes: { a: new StringAttribute({ maxLen: 4096 }) } },
    says: /^customAttributes\.a\.maxLen: must be a whole number from 1 to 2048; received 4096/,
  },
  {
    name: 'customAttributes',
    ok: { customAttributes: { n: new NumberAttribute({ min: -5, max: 5 }) } },
    bad: { customAttributes: { n: new NumberAttribute({ min: 9, max: 1 }) } },
    says: /^customAttributes\.n\.min: must not exceed max; received \{"min":9,"max":1\}/,
  },
  {
    name: 'customAttributes',
    ok: { customAttributes: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`a${i}`, new StringAttribute()])) },
    bad: { customAttributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`a${i}`, new StringAttribute()])) },
    says: /^customAttributes: a pool has at most 50 schema attributes/,
  },
  {
    name: 'keepOriginalNeedsAutoVerify',
    ok: { autoVerify: { phone: true }, keepOriginal: { phone: true } },
    bad: { autoVerify: { email: false }, keepOriginal: { email: true } },
    says: /^keepOriginal\.email: keeping the original email until a new one is verified needs autoVerify\.email/,
  },
  {
    name: 'verificationMessages',
    ok: { userVerification: { emailStyle: VerificationEmailStyle.LINK, emailBody: 'Go {##here##}' }, email: SES },
    bad: { userVerification: { emailStyle: VerificationEmailStyle.LINK, emailBody: 'Your code is {####}' }, email: SES },
    says: /^userVerification\.emailBody: a LINK verification email must contain a \{##link text##\} placeholder; received "Your code is \{####\}"/,
  },
  {
    name: 'verificationMessages',
    ok: { userVerification: { emailBody: 'Code {####}' }, email: SES },
    bad: { userVerification: { emailBody: 'Hello there' }, email: SES },
    says: /^userVerification\.emailBody: must contain the \{####\} placeholder; received "Hello there"/,
  },
  {
    name: 'verificationMessages',
    ok: { userVerification: { smsMessage: 'C {####}' } },
    bad: { userVerification: { smsMessage: `${'x'.repeat(140)}{####}` } },
    says: /^userVerification\.smsMessage: must be 6 to 140 characters long \(it has 146\)/,
  },
  {
    name: 'verificationMessages',
    ok: { userVerification: { emailSubject: 'S' }, email: SES },
    bad: { userVerification: { emailSubject: '' }, email: SES },
    says: /^userVerification\.emailSubject: must be 1 to 140 characters long \(it has 0\)/,
  },
  {
    name: 'invitationMessages',
    ok: { userInvitation: { smsMessage: '{username} {####}' } },
    bad: { userInvitation: { smsMessage: 'Your password is {####}' } },
    says: /^userInvitation\.smsMessage: an invitation must contain the \{username\} placeholder/,
  },
  {
    name: 'invitationMessages',
    ok: { userInvitation: { emailBody: '{username} {####}' }, email: SES },
    bad: { userInvitation: { emailBody: '{username} {####}' } },
    says: /^userInvitation: a custom invitation email needs the pool to send email through Amazon SES \(API reference, MessageTemplateType: .*\); received \{"email":"COGNITO_DEFAULT"\}/,
  },
  {
    name: 'verificationMessages',
    ok: { userVerification: { emailSubject: 'Welcome', emailBody: 'Code {####}' }, email: SES },
    bad: { userVerification: { emailSubject: 'Welcome', emailBody: 'Code {####}' } },
    says: /^userVerification: a custom verification email \(emailSubject, emailBody\) needs the pool to send email through Amazon SES \(API reference, VerificationMessageTemplateType: .*\); received \{"email":"COGNITO_DEFAULT"\}/,
  },
  {
    name: 'mfaMessages',
    ok: { mfaMessage: 'Code {####}' },
    bad: { mfaMessage: `${'x'.repeat(135)}{####}` },
    says: /^mfaMessage: must be 6 to 140 characters long \(it has 141\)/,
  },
  {
    name: 'mfaMessages',
    ok: { emailMfaMessage: { body: 'Code {####}' } },
    bad: { emailMfaMessage: { body: 'Code goes here' } },
    says: /^emailMfaMessage\.body: must contain the \{####\} placeholder/,
  },
  {
    name: 'emailSettings',
    ok: { email: UserPoolEmail.withCognito({ replyTo: 'a@b.c' }) },
    bad: { email: UserPoolEmail.withCognito({ replyTo: 'nobody' }) },
    says: /^email\.replyTo: must be an email address; received "nobody"/,
  },
  {
    name: 'emailSettings',
    ok: { email: UserPoolEmail.withSes({ fromEmail: 'a@b.c', configurationSet: 'my_set-1' }) },
    bad: { email: UserPoolEmail.withSes({ fromEmail: 'a@b.c', configurationSet: 'my set' }) },
    says: /^email\.configurationSet: may contain only letters, digits, _ and -; received "my set"/,
  },
  {
    name: 'emailSettings',
    ok: { email: UserPoolEmail.withSes({ fromEmail: 'a@b.c', sesIdentityArn: 'arn:aws:ses:eu-west-1:111122223333:identity/b.c' }) },
    bad: { email: UserPoolEmail.withSes({ fromEmail: 'a@b.c', sesIdentityArn: 'identity/b.c' }) },
    says: /^email\.sesIdentityArn: must be an ARN/,
  },
  {
    name: 'emailSettings',
    ok: { email: UserPoolEmail.withSes({ fromEmail: 'a@b.c', sesIdentityArn: 'arn:aws:ses:eu-west-1:111122223333:identity/b.c' }) },
    bad: { email: SES },
    env: NO_ENV,
    says: /^email\.sesIdentityArn: building the SES identity ARN needs the account and region; received nothing \(not set\)\. Fix: set email sesIdentityArn, or declare the stack's environment/,
  },
  {
    name: 'smsSettings',
    ok: { sms: { existingRole: { roleArn: 'arn:aws:iam::111122223333:role/sms', externalId: 'x' } }, autoVerify: { phone: true } },
    bad: { autoVerify: { phone: true } },
    env: NO_ENV,
    says: /^sms: the SMS role is scoped to this account's user pools .*, so it needs the account id and region; received \{\}\. Fix: declare the stack's environment/,
  },
  {
    name: 'smsSettings',
    ok: { sms: { snsRegion: 'us-east-1' } },
    bad: { sms: { snsRegion: 'eu-centrall-1' } },
    says: /^sms\.snsRegion: must be an AWS region \(botocore .*\); received "eu-centrall-1"\. Fix: did you mean "eu-central-1"\?/,
  },
  {
    name: 'smsSettings',
    ok: { sms: { existingRole: { roleArn: 'arn:aws-cn:iam::111122223333:role/sms', externalId: 'x' } } },
    bad: { sms: { existingRole: { roleArn: 'sms-role', externalId: 'x' } } },
    says: /^sms\.existingRole\.roleArn: must be an IAM role ARN; received "sms-role"/,
  },
  {
    name: 'tags',
    ok: { tags: { ['k'.repeat(128)]: 'v'.repeat(256) } },
    bad: { tags: { k: 'v'.repeat(257) } },
    says: /^tags\.k: must be 0 to 256 characters long \(it has 257\)/,
  },
  {
    name: 'tags',
    ok: { tags: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v'])) },
    bad: { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) },
    says: /^tags: a pool has at most 50 tags; received 51/,
  },
];

describe.each(CASES)('rule $name', ({ name, ok, bad, says, env }) => {
  const rule = rules[name] as rules.UserPoolRule;
  test(`passes ${JSON.stringify(ok).slice(0, 80)}`, () => expect(check(rule, ok, env)).toEqual([]));
  test(`fails ${JSON.stringify(bad).slice(0, 80)}`, () => expect(check(rule, bad, env)).toEqual([expect.stringMatching(says)]));
});

test('every rule has a passing and a failing case', () => {
  const tested = new Set(CASES.map((c) => c.name));
  const all = Object.entries(rules)
    .filter(([, v]) => typeof v === 'function' && rules.USER_POOL_RULES.includes(v as rules.UserPoolRule))
    .map(([k]) => k);
  expect(all.length).toBe(rules.USER_POOL_RULES.length);
  expect(all.filter((n) => !tested.has(n as keyof typeof rules))).toEqual([]);
});

test('every representative configuration passes every rule', () => {
  for (const props of Object.values(POOLS)) expect(rules.checkUserPool(resolveUserPoolProps(props), ENV)).toEqual([]);
});

describe('in a stack', () => {
  test('synth fails with every problem at once, each with the construct path', () => {
    const stack = testStack();
    new UserPool(stack, 'pool', {
      userPoolName: 'bad/name',
      passwordPolicy: { minLength: 3 },
      threatProtection: { standardMode: ThreatProtectionMode.AUDIT },
      mfaSecondFactor: { otp: false },
    });
    const errors = validationErrors(stack);
    expect(errors).toEqual([
      expect.stringMatching(/^\s*\[test\/pool\] userPoolName: may contain only/),
      expect.stringMatching(/^\s*\[test\/pool\] passwordPolicy\.minLength: must be a whole number from 6 to 99; received 3/),
      expect.stringMatching(/^\s*\[test\/pool\] mfaSecondFactor: MFA REQUIRED needs at least one second factor/),
      expect.stringMatching(/^\s*\[test\/pool\] threatProtection: threat protection needs the PLUS feature plan/),
    ]);
  });

  test('values that are tokens (Terraform variables) skip the value checks', () => {
    const stack = testStack();
    const minLength = new TerraformVariable(stack, 'min_length', { type: 'number' }).numberValue;
    const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    new UserPool(stack, 'pool', { userPoolName: name, passwordPolicy: { minLength } });
    expect(validationErrors(stack)).toEqual([]);
    expect(synth(stack).resource.aws_cognito_user_pool).toBeDefined();
  });
});
