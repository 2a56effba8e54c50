/** Whether users must, may or cannot use a second factor. */
export enum Mfa {
  /** No second factor. Fails AWS Security Hub Cognito.5. */
  OFF = 'OFF',
  /** Users who registered a factor use it; others sign in with one factor. */
  OPTIONAL = 'OPTIONAL',
  /** Every user must register and use a second factor. */
  REQUIRED = 'ON',
}

/** The user pool feature plan (`user_pool_tier`). */
export enum FeaturePlan {
  /** Basic features only. */
  LITE = 'LITE',
  /** Adds email MFA, passwordless sign-in and managed login. The AWS default for new pools. */
  ESSENTIALS = 'ESSENTIALS',
  /** Adds threat protection and password history. */
  PLUS = 'PLUS',
}

/** Threat protection for standard (password and SRP) authentication. Needs {@link FeaturePlan.PLUS}. */
export enum ThreatProtectionMode {
  /** Off. */
  OFF = 'OFF',
  /** Detects and logs risks, takes no action. */
  AUDIT = 'AUDIT',
  /** Detects risks and acts on them (AWS Security Hub Cognito.1). */
  ENFORCED = 'ENFORCED',
}

/** Threat protection for custom authentication flows. Needs {@link FeaturePlan.PLUS}. */
export enum CustomAuthThreatProtectionMode {
  /** Detects and logs risks, takes no action. */
  AUDIT = 'AUDIT',
  /** Detects risks and acts on them. */
  ENFORCED = 'ENFORCED',
}

/** How users confirm their email address. */
export enum VerificationEmailStyle {
  /** A code (`{####}`) that the user types in. */
  CODE = 'CONFIRM_WITH_CODE',
  /** A link (`{##Click here##}`) that the user follows. */
  LINK = 'CONFIRM_WITH_LINK',
}

/** Which verified channel users recover their account through, in order of preference. */
export enum AccountRecovery {
  /** Verified email only. */
  EMAIL_ONLY = 'EMAIL_ONLY',
  /** Verified phone first, then verified email. */
  PHONE_AND_EMAIL = 'PHONE_AND_EMAIL',
  /** Verified email first, then verified phone. */
  EMAIL_AND_PHONE = 'EMAIL_AND_PHONE',
  /** Verified phone only. */
  PHONE_ONLY = 'PHONE_ONLY',
  /** No self-service recovery: an administrator resets the account. */
  ADMIN_ONLY = 'ADMIN_ONLY',
}

/** A factor users can start sign-in with (`sign_in_policy.allowed_first_auth_factors`). */
export enum AuthFactor {
  /** Password (always allowed). */
  PASSWORD = 'PASSWORD',
  /** A one-time code sent by email. Needs ESSENTIALS or PLUS. */
  EMAIL_OTP = 'EMAIL_OTP',
  /** A one-time code sent by SMS. Needs ESSENTIALS or PLUS. */
  SMS_OTP = 'SMS_OTP',
  /** A passkey (WebAuthn). Needs ESSENTIALS or PLUS. */
  WEB_AUTHN = 'WEB_AUTHN',
}

/** Whether passkeys must verify the user (biometrics or PIN). */
export enum PasskeyUserVerification {
  /** Only authenticators that verify the user. */
  REQUIRED = 'required',
  /** Preferred, not required. */
  PREFERRED = 'preferred',
}
