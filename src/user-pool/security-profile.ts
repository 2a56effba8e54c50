import { isSesEmail } from './email';
import { CustomAuthThreatProtectionMode, FeaturePlan, Mfa, ThreatProtectionMode } from './enums';
import { AccountTakeoverAction, CompromisedCredentialsAction, hasRiskResponses, RiskConfigurationOptions } from './risk-responses';
import { isKnown, Problem } from '../core/problem';
import type { ResolvedUserPoolProps } from './resolved-props';
import type { UserPoolProps } from './user-pool-props';

/** A set of settings chosen in one line. */
export enum SecurityProfile {
  /**
   * What AWS Security Hub's Cognito controls ask for: the PLUS plan, threat protection ENFORCED for
   * standard and custom authentication with a risk configuration, MFA required, a strong password
   * policy and deletion protection. Settings left out get these values; settings given that fall short
   * are synth errors naming the control.
   */
  STRICT = 'strict',
}

/**
 * The responses the strict profile sets when none are given. Account-takeover responses need an SES
 * sender (the AWS provider requires `notify_configuration` with its `source_arn` whenever they are set),
 * so they are set, notifying users, only for a pool that sends through SES.
 */
export function strictRiskResponses(props: UserPoolProps): RiskConfigurationOptions {
  const ses = props.email !== undefined && isSesEmail(props.email);
  return {
    compromisedCredentials: { action: CompromisedCredentialsAction.BLOCK },
    ...(ses
      ? {
          accountTakeover: {
            low: { action: AccountTakeoverAction.NO_ACTION, notify: false },
            medium: { action: AccountTakeoverAction.MFA_REQUIRED, notify: true },
            high: { action: AccountTakeoverAction.BLOCK, notify: true },
          },
        }
      : {}),
  };
}

/** The defaults a profile brings, applied under the settings given. */
export function profileDefaults(props: UserPoolProps): Partial<UserPoolProps> {
  if (props.securityProfile !== SecurityProfile.STRICT) return {};
  const t = props.threatProtection;
  return {
    featurePlan: FeaturePlan.PLUS,
    mfa: Mfa.REQUIRED,
    threatProtection: {
      ...(hasRiskResponses(t) ? {} : strictRiskResponses(props)),
      ...t,
      standardMode: t?.standardMode ?? ThreatProtectionMode.ENFORCED,
      customAuthMode: t?.customAuthMode ?? CustomAuthThreatProtectionMode.ENFORCED,
    },
  };
}

/** One AWS Security Hub control for Cognito user pools, and how the strict profile meets it. */
export interface SecurityHubControl {
  /** The control id, e.g. `Cognito.1`. */
  readonly id: string;
  /** What the control checks (the control's title). */
  readonly title: string;
  /** The settings that meet it, in words, for the README. */
  readonly howMet: string;
  /** The settings that fall short of it, as problems; none when it is met (or a value is a token). */
  readonly check: (p: ResolvedUserPoolProps) => Problem[];
}

const short = (id: string, path: string, rule: string, received: unknown, fix: string): Problem => ({
  path,
  rule: `the strict security profile (Security Hub ${id}) needs ${rule}`,
  received,
  fix,
});

/**
 * AWS Security Hub's controls for user pools
 * (https://docs.aws.amazon.com/securityhub/latest/userguide/cognito-controls.html). Cognito.2 checks
 * identity pools, which this project does not create.
 */
export const SECURITY_HUB_CONTROLS: readonly SecurityHubControl[] = [
  {
    id: 'Cognito.1',
    title: 'threat protection activated with full function enforcement mode for standard authentication',
    howMet:
      '`featurePlan: PLUS`, `threatProtection.standardMode: ENFORCED`, and a risk configuration: leaked credentials blocked; for a pool sending through SES also account-takeover responses (low recorded, medium MFA required, high blocked, users notified)',
    check: (p) => [
      ...(isKnown(p.featurePlan) && p.featurePlan !== FeaturePlan.PLUS
        ? [short('Cognito.1', 'featurePlan', 'the PLUS plan', p.featurePlan, 'remove featurePlan, or set it to PLUS')]
        : []),
      ...(isKnown(p.threatProtection.standardMode) && p.threatProtection.standardMode !== ThreatProtectionMode.ENFORCED
        ? [short('Cognito.1', 'threatProtection.standardMode', 'ENFORCED', p.threatProtection.standardMode, 'remove it, or set it to ENFORCED')]
        : []),
      ...(hasRiskResponses(p.threatProtection)
        ? []
        : [
            short(
              'Cognito.1',
              'threatProtection',
              'a risk configuration',
              undefined,
              "leave compromisedCredentials, accountTakeover and ipRanges out for the profile's responses, or set them",
            ),
          ]),
    ],
  },
  {
    id: 'Cognito.3',
    title: 'password policies with strong configurations',
    howMet:
      'the default password policy: at least 12 characters (the control asks 8), lowercase, uppercase, digits and symbols, temporary passwords valid 3 days (at most 7)',
    check: (p) => {
      const pp = p.passwordPolicy;
      const weak = [
        ...(isKnown(pp.minLength) && pp.minLength < 8 ? ['minLength'] : []),
        ...(['requireLowercase', 'requireUppercase', 'requireDigits', 'requireSymbols'] as const).filter((k) => isKnown(pp[k]) && pp[k] === false),
        ...(isKnown(pp.tempPasswordValidityDays) && pp.tempPasswordValidityDays > 7 ? ['tempPasswordValidityDays'] : []),
      ];
      return weak.map((k) =>
        short(
          'Cognito.3',
          `passwordPolicy.${k}`,
          'at least 8 characters, all four character classes and temporary passwords valid at most 7 days',
          pp[k as keyof typeof pp],
          `remove passwordPolicy.${k} (the default meets the control)`,
        ),
      );
    },
  },
  {
    id: 'Cognito.4',
    title: 'threat protection activated with full function enforcement mode for custom authentication',
    howMet: '`threatProtection.customAuthMode: ENFORCED`',
    check: (p) =>
      p.threatProtection.customAuthMode !== undefined &&
      isKnown(p.threatProtection.customAuthMode) &&
      p.threatProtection.customAuthMode !== CustomAuthThreatProtectionMode.ENFORCED
        ? [short('Cognito.4', 'threatProtection.customAuthMode', 'ENFORCED', p.threatProtection.customAuthMode, 'remove it, or set it to ENFORCED')]
        : [],
  },
  {
    id: 'Cognito.5',
    title: 'MFA enabled for user pools',
    howMet: '`mfa: REQUIRED` (authenticator apps, no SMS set-up needed)',
    check: (p) =>
      isKnown(p.mfa) && p.mfa !== Mfa.REQUIRED ? [short('Cognito.5', 'mfa', 'MFA REQUIRED', p.mfa, 'remove mfa, or set it to REQUIRED')] : [],
  },
  {
    id: 'Cognito.6',
    title: 'deletion protection enabled for user pools',
    howMet: 'deletion protection `ACTIVE` (the default; `dangerouslyAllowDeletionOfAllUsers` is refused)',
    check: (p) =>
      isKnown(p.dangerouslyAllowDeletionOfAllUsers) && p.dangerouslyAllowDeletionOfAllUsers
        ? [
            short(
              'Cognito.6',
              'dangerouslyAllowDeletionOfAllUsers',
              'deletion protection',
              true,
              'remove dangerouslyAllowDeletionOfAllUsers, or the securityProfile',
            ),
          ]
        : [],
  },
];

/** The strict profile's rule: every control met. */
export function checkSecurityProfile(p: ResolvedUserPoolProps): Problem[] {
  if (p.securityProfile !== SecurityProfile.STRICT) return [];
  return SECURITY_HUB_CONTROLS.flatMap((control) => control.check(p));
}
