import { ICustomAttribute, StandardAttributes } from './attributes';
import type { TriggerSpec } from '../triggers/pool-triggers';
import type { TriggerOperation } from '../triggers/trigger-operation';
import { UserPoolEmail } from './email';
import type { RiskConfigurationOptions } from './risk-responses';
import type { SecurityProfile } from './security-profile';
import type { ClassicBranding } from '../client/ui-customization';
import {
  AccountRecovery,
  AuthFactor,
  CustomAuthThreatProtectionMode,
  FeaturePlan,
  Mfa,
  PasskeyUserVerification,
  ThreatProtectionMode,
  VerificationEmailStyle,
} from './enums';

/**
 * What users sign in with. Fixed when the pool is created: changing it replaces the pool and loses every
 * user, which `prevent_destroy` turns into a plan error.
 */
export interface SignInAliases {
  /**
   * A username of the user's choosing. When true, email, phone and preferred username are aliases of it
   * (`alias_attributes`); when false, email and/or phone are the username itself (`username_attributes`).
   * @default false
   */
  readonly username?: boolean;
  /**
   * Email address.
   * @default true
   */
  readonly email?: boolean;
  /**
   * Phone number.
   * @default false
   */
  readonly phone?: boolean;
  /**
   * Preferred username (an alias; needs `username`).
   * @default false
   */
  readonly preferredUsername?: boolean;
}

/** Attributes Cognito verifies by sending a code or link. */
export interface AutoVerifiedAttributes {
  /**
   * Verify email addresses.
   * @default - true when users sign in with email
   */
  readonly email?: boolean;
  /**
   * Verify phone numbers (sends SMS: needs the SMS role).
   * @default - true when users sign in with phone
   */
  readonly phone?: boolean;
}

/** The password policy. The defaults pass AWS Security Hub Cognito.3. */
export interface PasswordPolicy {
  /**
   * Minimum length, 6 to 99.
   * @default 12
   */
  readonly minLength?: number;
  /** @default true */
  readonly requireLowercase?: boolean;
  /** @default true */
  readonly requireUppercase?: boolean;
  /** @default true */
  readonly requireDigits?: boolean;
  /** @default true */
  readonly requireSymbols?: boolean;
  /**
   * Days a temporary password (set by an administrator) stays valid, 0 to 365.
   * @default 3
   */
  readonly tempPasswordValidityDays?: number;
  /**
   * How many previous passwords a user cannot reuse, 0 to 24. Above 0 needs the ESSENTIALS or PLUS feature plan.
   * @default 0
   */
  readonly passwordHistorySize?: number;
}

/** Which second factors are offered when MFA is OPTIONAL or REQUIRED. */
export interface MfaSecondFactor {
  /**
   * Authenticator apps (TOTP). Needs no SMS or email set-up.
   * @default true
   */
  readonly otp?: boolean;
  /**
   * Codes by SMS (needs the SMS role, which is created for you).
   * @default false
   */
  readonly sms?: boolean;
  /**
   * Codes by email. Needs the ESSENTIALS or PLUS plan and an SES email sender.
   * @default false
   */
  readonly email?: boolean;
}

/** The message that confirms an email address or phone number. */
export interface UserVerificationConfig {
  /**
   * Code or link.
   * @default VerificationEmailStyle.CODE
   */
  readonly emailStyle?: VerificationEmailStyle;
  /**
   * Email subject, 1 to 140 characters.
   * @default "Verify your email"
   */
  readonly emailSubject?: string;
  /**
   * Email body, 6 to 20000 characters, with `{####}` (CODE) or `{##link text##}` (LINK).
   * @default "Your verification code is {####}" (CODE) or "Verify your email: {##Click here##}" (LINK)
   */
  readonly emailBody?: string;
  /**
   * SMS text, 6 to 140 characters, with `{####}`.
   * @default "Your verification code is {####}"
   */
  readonly smsMessage?: string;
  /**
   * The code template as a pair, kept beside a link template (AWS sends the code template for attribute
   * updates and password resets even when `emailStyle` is LINK). Not together with `emailSubject`/`emailBody`
   * when `emailStyle` is CODE (those are then the same pair).
   * @default - `emailSubject`/`emailBody` when the style is CODE; otherwise none
   */
  readonly codeEmail?: VerificationEmailTemplate;
  /**
   * The link template as a pair, kept beside a code template, so that switching `emailStyle` keeps both.
   * Not together with `emailSubject`/`emailBody` when `emailStyle` is LINK.
   * @default - `emailSubject`/`emailBody` when the style is LINK; otherwise none
   */
  readonly linkEmail?: VerificationEmailTemplate;
}

/** One verification email template. */
export interface VerificationEmailTemplate {
  /**
   * Subject, 1 to 140 characters.
   * @default "Verify your email"
   */
  readonly subject?: string;
  /**
   * Body, 6 to 20000 characters: with `{####}` for the code template, `{##link text##}` for the link template.
   * @default the library's default body of that style
   */
  readonly body?: string;
}

/** The message sent to users that an administrator creates. */
export interface UserInvitationConfig {
  /**
   * Email subject. Needs an SES email sender.
   * @default - AWS's default subject
   */
  readonly emailSubject?: string;
  /**
   * Email body, 6 to 20000 characters, with `{username}` and `{####}` (the temporary password). Needs an
   * SES email sender.
   * @default - AWS's default message
   */
  readonly emailBody?: string;
  /**
   * SMS text, 6 to 140 characters, with `{username}` and `{####}`.
   * @default - AWS's default message
   */
  readonly smsMessage?: string;
}

/** The email message that carries an MFA or sign-in code. */
export interface EmailMfaMessage {
  /**
   * Subject.
   * @default - AWS's default subject
   */
  readonly subject?: string;
  /**
   * Body, 6 to 20000 characters, with `{####}`.
   * @default - AWS's default message
   */
  readonly body?: string;
}

/** An IAM role that you manage, through which Cognito sends SMS. */
export interface ExistingSmsRole {
  /** The role's ARN (same account as the pool). */
  readonly roleArn: string;
  /** The external id its trust policy requires. */
  readonly externalId: string;
}

/** SMS sending. */
export interface SmsSettings {
  /**
   * Your own role instead of the one created for you.
   * @default - a least-privilege role is created when anything sends SMS
   */
  readonly existingRole?: ExistingSmsRole;
  /**
   * The region whose Amazon SNS sends the messages.
   * @default - the pool's region
   */
  readonly snsRegion?: string;
}

/** Remembered devices. */
export interface DeviceTracking {
  /** Ask for MFA on a new device, even when it would otherwise be skipped. */
  readonly challengeRequiredOnNewDevice: boolean;
  /** Remember a device only when the user asks to. */
  readonly deviceOnlyRememberedOnUserPrompt: boolean;
}

/**
 * Threat protection (adaptive authentication, compromised-credential checks) and its responses, which
 * become the pool's risk configuration. Needs the PLUS plan.
 */
export interface ThreatProtection extends RiskConfigurationOptions {
  /**
   * For password and SRP sign-in.
   * @default ThreatProtectionMode.OFF
   */
  readonly standardMode?: ThreatProtectionMode;
  /**
   * For custom authentication flows.
   * @default - not protected
   */
  readonly customAuthMode?: CustomAuthThreatProtectionMode;
}

/** Passkey (WebAuthn) settings. */
export interface PasskeySettings {
  /**
   * The relying party id: the pool's domain, or your custom domain's FQDN.
   * @default - the pool's prefix domain
   */
  readonly relyingPartyId?: string;
  /**
   * Whether authenticators must verify the user.
   * @default PasskeyUserVerification.PREFERRED
   */
  readonly userVerification?: PasskeyUserVerification;
}

/** Settings of a {@link UserPool}. Every default is secure; each is listed in the README. */
export interface UserPoolProps {
  /** The pool's name, 1 to 128 characters of letters, digits, spaces and `+=,.@-`. */
  readonly userPoolName: string;
  /**
   * What users sign in with. Fixed at creation.
   * @default { email: true }
   */
  readonly signInAliases?: SignInAliases;
  /**
   * Whether `User@Example.com` and `user@example.com` are different users. Fixed at creation, so it is
   * always rendered explicitly.
   * @default false
   */
  readonly signInCaseSensitive?: boolean;
  /**
   * Render no case-sensitivity setting (`username_configuration`): only for a pool that was created
   * without one (lgallard's module leaves it out by default), to take it over. Such a pool compares
   * usernames case-sensitively, AWS's default when the setting is absent (API reference,
   * UsernameConfigurationType: "true ... This is the default value"), and adding the setting would
   * replace the pool. `signInCaseSensitive` is then not rendered. New pools: leave it false.
   * @default false
   */
  readonly leaveCaseSensitivityUnset?: boolean;
  /**
   * Attributes that Cognito verifies.
   * @default - the sign-in attributes
   */
  readonly autoVerify?: AutoVerifiedAttributes;
  /**
   * Keep the old, verified email or phone in force until the user verifies a new one.
   * @default - the auto-verified attributes
   */
  readonly keepOriginal?: AutoVerifiedAttributes;
  /**
   * Standard attributes: required and mutable flags. Fixed at creation.
   * @default - only what sign-in needs
   */
  readonly standardAttributes?: StandardAttributes;
  /**
   * Custom attributes by name (without `custom:`; at most 20 characters). Can be added later, never
   * changed or removed.
   * @default - none
   */
  readonly customAttributes?: { readonly [name: string]: ICustomAttribute };
  /**
   * Password rules.
   * @default - 12 characters with all four character classes; temporary passwords valid 3 days
   */
  readonly passwordPolicy?: PasswordPolicy;
  /**
   * Whether anyone can sign up, or only administrators create users.
   * @default false
   */
  readonly selfSignUpEnabled?: boolean;
  /**
   * Multi-factor authentication.
   * @default Mfa.REQUIRED
   */
  readonly mfa?: Mfa;
  /**
   * The second factors offered.
   * @default { otp: true }
   */
  readonly mfaSecondFactor?: MfaSecondFactor;
  /**
   * The SMS text that carries an MFA code, 6 to 140 characters, with `{####}`.
   * @default - AWS's default message
   */
  readonly mfaMessage?: string;
  /**
   * The email that carries an MFA or sign-in code.
   * @default - AWS's default message
   */
  readonly emailMfaMessage?: EmailMfaMessage;
  /**
   * How users confirm email and phone.
   * @default - a code, with the default messages
   */
  readonly userVerification?: UserVerificationConfig;
  /**
   * The message new users get when an administrator creates them.
   * @default - AWS's default messages
   */
  readonly userInvitation?: UserInvitationConfig;
  /**
   * How users recover their account.
   * @default AccountRecovery.EMAIL_ONLY
   */
  readonly accountRecovery?: AccountRecovery;
  /**
   * How the pool sends email.
   * @default UserPoolEmail.withCognito()
   */
  readonly email?: UserPoolEmail;
  /**
   * How the pool sends SMS.
   * @default - a role is created when anything sends SMS
   */
  readonly sms?: SmsSettings;
  /**
   * Remembered devices.
   * @default - devices are not remembered
   */
  readonly deviceTracking?: DeviceTracking;
  /**
   * The feature plan.
   * @default FeaturePlan.ESSENTIALS
   */
  readonly featurePlan?: FeaturePlan;
  /**
   * Threat protection and its responses. Needs `featurePlan: FeaturePlan.PLUS`.
   * @default - off (with `securityProfile: STRICT`: ENFORCED for standard and custom auth, with responses)
   */
  readonly threatProtection?: ThreatProtection;
  /**
   * Settings chosen in one line. `SecurityProfile.STRICT` sets what AWS Security Hub's Cognito controls
   * ask for (PLUS, threat protection ENFORCED with a risk configuration, MFA required); settings given
   * that fall short of a control are synth errors.
   * @default - none
   */
  readonly securityProfile?: SecurityProfile;
  /**
   * Branding of the classic hosted UI (managed login version 1) for every client without its own:
   * CSS and a logo. Needs a domain serving the classic hosted UI.
   * @default - AWS's look
   */
  readonly classicBranding?: ClassicBranding;
  /**
   * The factors users may start sign-in with. Anything beyond PASSWORD needs ESSENTIALS or PLUS.
   * @default [AuthFactor.PASSWORD]
   */
  readonly allowedFirstAuthFactors?: AuthFactor[];
  /**
   * Passkey settings, used when `allowedFirstAuthFactors` has WEB_AUTHN.
   * @default - AWS's defaults
   */
  readonly passkeys?: PasskeySettings;
  /**
   * Lambda triggers by operation. More can be added with `addTrigger`.
   * @default - none
   */
  readonly triggers?: { readonly [O in TriggerOperation]?: TriggerSpec };
  /**
   * A KMS key you manage for custom email and SMS senders. Its policy must let `cognito-idp.amazonaws.com`
   * encrypt and the sender functions decrypt.
   * @default - a key is created when a sender function is created here
   */
  readonly customSenderKmsKeyArn?: string;
  /**
   * Tags on the pool.
   * @default - none (the provider's default tags still apply)
   */
  readonly tags?: { readonly [key: string]: string };
  /**
   * THROW-AWAY ENVIRONMENTS ONLY. Turns off both guards that keep the pool, and every user in it, from
   * being destroyed: AWS deletion protection and Terraform's `prevent_destroy`. With it, a change of
   * sign-in attributes or a `terraform destroy` deletes all users, unrecoverably.
   * @default false
   */
  readonly dangerouslyAllowDeletionOfAllUsers?: boolean;
}
