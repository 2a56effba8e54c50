import {
  AccountRecovery,
  AuthFactor,
  BooleanAttribute,
  CustomAuthThreatProtectionMode,
  DateTimeAttribute,
  FeaturePlan,
  Mfa,
  NumberAttribute,
  PasskeyUserVerification,
  StringAttribute,
  ThreatProtectionMode,
  UserPoolEmail,
  UserPoolProps,
  VerificationEmailStyle,
} from '../../src';

/** The representative configurations every test suite (and the offline terraform checks) uses. */
export const POOLS: { readonly [name: string]: UserPoolProps } = {
  minimal: { userPoolName: 'minimal' },

  full: {
    userPoolName: 'full featured',
    signInAliases: { username: true, email: true, phone: true, preferredUsername: true },
    signInCaseSensitive: false,
    autoVerify: { email: true, phone: true },
    keepOriginal: { email: true, phone: true },
    standardAttributes: {
      email: { required: true, mutable: true },
      givenName: { required: false },
      birthdate: { mutable: false },
      lastUpdateTime: {},
    },
    customAttributes: {
      tenant: new StringAttribute({ minLen: 3, maxLen: 64, mutable: false }),
      seats: new NumberAttribute({ min: 1, max: 1000 }),
      beta: new BooleanAttribute(),
      joined: new DateTimeAttribute({ mutable: false }),
    },
    passwordPolicy: { minLength: 14, tempPasswordValidityDays: 1, passwordHistorySize: 5 },
    selfSignUpEnabled: true,
    mfa: Mfa.OPTIONAL,
    mfaSecondFactor: { otp: true, sms: true, email: true },
    mfaMessage: 'Your sign-in code is {####}',
    emailMfaMessage: { subject: 'Your sign-in code', body: 'Use {####} to sign in.' },
    userVerification: {
      emailStyle: VerificationEmailStyle.LINK,
      emailSubject: 'Confirm your address',
      emailBody: 'Please {##confirm your email##}.',
      smsMessage: 'Code: {####}',
    },
    userInvitation: {
      emailSubject: 'Welcome',
      emailBody: 'Hello {username}, your temporary password is {####}',
      smsMessage: 'Hi {username}: {####}',
    },
    accountRecovery: AccountRecovery.EMAIL_AND_PHONE,
    email: UserPoolEmail.withSes({
      fromEmail: 'no-reply@example.com',
      fromName: 'Example',
      replyTo: 'support@example.com',
      sesVerifiedDomain: 'example.com',
      configurationSet: 'cognito-events',
    }),
    sms: { snsRegion: 'eu-west-1' },
    deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
    featurePlan: FeaturePlan.PLUS,
    threatProtection: { standardMode: ThreatProtectionMode.ENFORCED, customAuthMode: CustomAuthThreatProtectionMode.AUDIT },
    allowedFirstAuthFactors: [AuthFactor.PASSWORD, AuthFactor.EMAIL_OTP, AuthFactor.WEB_AUTHN],
    passkeys: { relyingPartyId: 'auth.example.com', userVerification: PasskeyUserVerification.REQUIRED },
    tags: { team: 'identity', 'cost-center': '' },
  },

  sms: {
    userPoolName: 'sms',
    signInAliases: { phone: true },
    mfaSecondFactor: { otp: false, sms: true },
    mfaMessage: 'Your code is {####}',
    accountRecovery: AccountRecovery.PHONE_ONLY,
  },

  ses: {
    userPoolName: 'ses',
    email: UserPoolEmail.withSes({
      fromEmail: 'auth@example.com',
      sesIdentityArn: 'arn:aws:ses:eu-west-1:111122223333:identity/example.com',
      configurationSet: 'auth',
    }),
    mfaSecondFactor: { otp: true, email: true },
    userInvitation: { emailSubject: 'Your account', emailBody: 'User {username}, password {####}' },
  },

  threatProtection: {
    userPoolName: 'threat-protection',
    featurePlan: FeaturePlan.PLUS,
    mfa: Mfa.OPTIONAL,
    threatProtection: { standardMode: ThreatProtectionMode.ENFORCED },
  },
};
