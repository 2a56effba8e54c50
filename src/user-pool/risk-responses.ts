/**
 * The responses of threat protection as settings: the types and closed sets that the pool's props, the
 * strict security profile and the risk configuration construct share. Nothing here imports the rules,
 * so the props and their defaults can use it.
 */

/** What happens when a user signs in, signs up or changes the password with credentials known to be leaked. */
export enum CompromisedCredentialsAction {
  /** Refuse the request. */
  BLOCK = 'BLOCK',
  /** Only record the event. */
  NO_ACTION = 'NO_ACTION',
}

/** The requests checked against leaked credentials. */
export enum CompromisedCredentialsEvent {
  SIGN_IN = 'SIGN_IN',
  PASSWORD_CHANGE = 'PASSWORD_CHANGE',
  SIGN_UP = 'SIGN_UP',
}

/** What happens to a sign-in that threat protection rates as an account-takeover risk. */
export enum AccountTakeoverAction {
  /** Refuse the sign-in. */
  BLOCK = 'BLOCK',
  /** Ask for a second factor when the user has one; allow otherwise. */
  MFA_IF_CONFIGURED = 'MFA_IF_CONFIGURED',
  /** Ask for a second factor; refuse when the user has none. */
  MFA_REQUIRED = 'MFA_REQUIRED',
  /** Only record the event. */
  NO_ACTION = 'NO_ACTION',
}

/** The response to one risk level. */
export interface AccountTakeoverResponse {
  /** What happens to the sign-in. */
  readonly action: AccountTakeoverAction;
  /**
   * Whether the user gets an email about it (needs `notifications` with an SES sender).
   * @default false
   */
  readonly notify?: boolean;
}

/** One notification email. */
export interface RiskNotificationEmail {
  /** Subject, 1 to 140 characters. */
  readonly subject: string;
  /** HTML body, 6 to 20000 characters. */
  readonly htmlBody: string;
  /** Plain-text body, 6 to 20000 characters. */
  readonly textBody: string;
}

/** The emails that tell users about risky sign-ins. AWS sends them through Amazon SES only. */
export interface RiskNotifications {
  /**
   * The SES identity that sends them.
   * @default - the pool's own SES identity, when the pool sends email through SES
   */
  readonly sourceArn?: string;
  /**
   * The sender address.
   * @default - the pool's SES sender address
   */
  readonly from?: string;
  /**
   * Where replies go.
   * @default - the pool's reply-to address
   */
  readonly replyTo?: string;
  /** @default - AWS's default message */
  readonly blockEmail?: RiskNotificationEmail;
  /** @default - AWS's default message */
  readonly mfaEmail?: RiskNotificationEmail;
  /** @default - AWS's default message */
  readonly noActionEmail?: RiskNotificationEmail;
}

/** Responses to account-takeover risks, by risk level. */
export interface AccountTakeoverResponses {
  /** @default - AWS's default for the level */
  readonly low?: AccountTakeoverResponse;
  /** @default - AWS's default for the level */
  readonly medium?: AccountTakeoverResponse;
  /** @default - AWS's default for the level */
  readonly high?: AccountTakeoverResponse;
  /**
   * The emails sent when a response has `notify`.
   * @default - none
   */
  readonly notifications?: RiskNotifications;
}

/** Responses to leaked credentials. */
export interface CompromisedCredentialsResponse {
  /** What happens. */
  readonly action: CompromisedCredentialsAction;
  /**
   * The requests checked.
   * @default - all: sign-in, sign-up and password change
   */
  readonly events?: readonly CompromisedCredentialsEvent[];
}

/** Addresses that threat protection never blocks, or always blocks. */
export interface RiskIpRanges {
  /**
   * CIDR ranges never assessed for risk, at most 200.
   * @default - none
   */
  readonly alwaysAllow?: readonly string[];
  /**
   * CIDR ranges always blocked, at most 200.
   * @default - none
   */
  readonly alwaysBlock?: readonly string[];
}

/**
 * The responses of threat protection (`aws_cognito_risk_configuration`), for a pool or one client.
 * Needs the PLUS plan and threat protection on; with no responses set, AWS's defaults apply.
 */
export interface RiskConfigurationOptions {
  /**
   * Responses to leaked credentials.
   * @default - AWS's default
   */
  readonly compromisedCredentials?: CompromisedCredentialsResponse;
  /**
   * Responses to account-takeover risks by level, with notification emails.
   * @default - AWS's default
   */
  readonly accountTakeover?: AccountTakeoverResponses;
  /**
   * Addresses always allowed or always blocked.
   * @default - none
   */
  readonly ipRanges?: RiskIpRanges;
}

/** Whether any response is set, so that a risk configuration is created. */
export function hasRiskResponses(o: RiskConfigurationOptions | undefined): boolean {
  return o !== undefined && (o.compromisedCredentials !== undefined || o.accountTakeover !== undefined || o.ipRanges !== undefined);
}
