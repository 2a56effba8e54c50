import { UserPoolEmail } from './email';
import { definedOnly } from '../core/defined';
import { profileDefaults } from './security-profile';
import { AccountRecovery, AuthFactor, FeaturePlan, Mfa, ThreatProtectionMode, VerificationEmailStyle } from './enums';
import {
  AutoVerifiedAttributes,
  MfaSecondFactor,
  PasswordPolicy,
  SignInAliases,
  ThreatProtection,
  UserPoolProps,
  UserVerificationConfig,
} from './user-pool-props';

/** {@link UserPoolProps} with every default applied: what rules check and what rendering reads. */
export interface ResolvedUserPoolProps extends UserPoolProps {
  readonly signInAliases: Required<SignInAliases>;
  readonly signInCaseSensitive: boolean;
  readonly leaveCaseSensitivityUnset: boolean;
  readonly autoVerify: Required<AutoVerifiedAttributes>;
  readonly keepOriginal: Required<AutoVerifiedAttributes>;
  readonly passwordPolicy: Required<PasswordPolicy>;
  readonly selfSignUpEnabled: boolean;
  readonly mfa: Mfa;
  readonly mfaSecondFactor: Required<MfaSecondFactor>;
  readonly userVerification: Required<Omit<UserVerificationConfig, 'codeEmail' | 'linkEmail'>> &
    Pick<UserVerificationConfig, 'codeEmail' | 'linkEmail'>;
  readonly accountRecovery: AccountRecovery;
  readonly email: UserPoolEmail;
  readonly featurePlan: FeaturePlan;
  readonly threatProtection: ThreatProtection & { readonly standardMode: ThreatProtectionMode };
  readonly allowedFirstAuthFactors: AuthFactor[];
  readonly dangerouslyAllowDeletionOfAllUsers: boolean;
}

/** The secure defaults, in one place (the README's defaults table is checked against these in the tests). */
export const DEFAULTS = {
  signInAliases: { username: false, email: true, phone: false, preferredUsername: false },
  signInCaseSensitive: false,
  leaveCaseSensitivityUnset: false,
  passwordPolicy: {
    minLength: 12,
    requireLowercase: true,
    requireUppercase: true,
    requireDigits: true,
    requireSymbols: true,
    tempPasswordValidityDays: 3,
    passwordHistorySize: 0,
  },
  selfSignUpEnabled: false,
  mfa: Mfa.REQUIRED,
  mfaSecondFactor: { otp: true, sms: false, email: false },
  accountRecovery: AccountRecovery.EMAIL_ONLY,
  featurePlan: FeaturePlan.ESSENTIALS,
  threatProtectionMode: ThreatProtectionMode.OFF,
  allowedFirstAuthFactors: [AuthFactor.PASSWORD],
  verificationEmailSubject: 'Verify your email',
  verificationCodeBody: 'Your verification code is {####}',
  verificationLinkBody: 'Verify your email: {##Click here##}',
  verificationSms: 'Your verification code is {####}',
} as const;

/** Applies the defaults. Pure: the same props always give the same result. */
export function resolveUserPoolProps(given: UserPoolProps): ResolvedUserPoolProps {
  // A key present with the value undefined is not set: it never hides a default. A security profile's
  // values fill in what is not given, before the general defaults.
  const explicit = definedOnly(given) as UserPoolProps;
  const profile = profileDefaults(explicit);
  const props = { ...profile, ...explicit, threatProtection: profile.threatProtection ?? explicit.threatProtection } as UserPoolProps;
  // Explicit sign-in settings replace the default set as a whole, as in aws-cdk-lib: `{ phone: true }`
  // means phone only, not phone and email.
  const signIn = props.signInAliases
    ? { username: false, email: false, phone: false, preferredUsername: false, ...definedOnly(props.signInAliases) }
    : { ...DEFAULTS.signInAliases };
  const autoVerify = {
    email: props.autoVerify?.email ?? signIn.email,
    phone: props.autoVerify?.phone ?? signIn.phone,
  };
  const emailStyle = props.userVerification?.emailStyle ?? VerificationEmailStyle.CODE;
  return {
    ...props,
    signInAliases: signIn,
    signInCaseSensitive: props.signInCaseSensitive ?? DEFAULTS.signInCaseSensitive,
    leaveCaseSensitivityUnset: props.leaveCaseSensitivityUnset ?? DEFAULTS.leaveCaseSensitivityUnset,
    autoVerify,
    keepOriginal: {
      email: props.keepOriginal?.email ?? autoVerify.email,
      phone: props.keepOriginal?.phone ?? autoVerify.phone,
    },
    passwordPolicy: { ...DEFAULTS.passwordPolicy, ...definedOnly(props.passwordPolicy ?? {}) },
    selfSignUpEnabled: props.selfSignUpEnabled ?? DEFAULTS.selfSignUpEnabled,
    mfa: props.mfa ?? DEFAULTS.mfa,
    mfaSecondFactor: { ...DEFAULTS.mfaSecondFactor, ...definedOnly(props.mfaSecondFactor ?? {}) },
    userVerification: {
      emailStyle,
      emailSubject: props.userVerification?.emailSubject ?? DEFAULTS.verificationEmailSubject,
      emailBody:
        props.userVerification?.emailBody ??
        (emailStyle === VerificationEmailStyle.LINK ? DEFAULTS.verificationLinkBody : DEFAULTS.verificationCodeBody),
      smsMessage: props.userVerification?.smsMessage ?? DEFAULTS.verificationSms,
      ...(props.userVerification?.codeEmail ? { codeEmail: props.userVerification.codeEmail } : {}),
      ...(props.userVerification?.linkEmail ? { linkEmail: props.userVerification.linkEmail } : {}),
    },
    accountRecovery: props.accountRecovery ?? DEFAULTS.accountRecovery,
    email: props.email ?? UserPoolEmail.withCognito(),
    featurePlan: props.featurePlan ?? DEFAULTS.featurePlan,
    threatProtection: { ...props.threatProtection, standardMode: props.threatProtection?.standardMode ?? DEFAULTS.threatProtectionMode },
    allowedFirstAuthFactors: props.allowedFirstAuthFactors ?? [...DEFAULTS.allowedFirstAuthFactors],
    dangerouslyAllowDeletionOfAllUsers: props.dangerouslyAllowDeletionOfAllUsers ?? false,
  };
}

/** Whether anything in the pool sends SMS, so that it needs an SMS role. */
export function sendsSms(p: ResolvedUserPoolProps): boolean {
  return (
    (p.mfa !== Mfa.OFF && p.mfaSecondFactor.sms) ||
    p.autoVerify.phone ||
    p.allowedFirstAuthFactors.includes(AuthFactor.SMS_OTP) ||
    [AccountRecovery.PHONE_AND_EMAIL, AccountRecovery.EMAIL_AND_PHONE, AccountRecovery.PHONE_ONLY].includes(p.accountRecovery) ||
    p.sms?.existingRole !== undefined
  );
}

/** Whether email MFA is on. */
export function usesEmailMfa(p: ResolvedUserPoolProps): boolean {
  return p.mfa !== Mfa.OFF && p.mfaSecondFactor.email;
}
