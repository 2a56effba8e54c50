import { CognitoRiskConfiguration, CognitoRiskConfigurationConfig } from '@cdktf/provider-aws/lib/cognito-risk-configuration';
import { Construct } from 'constructs';
import { FeaturePlan, Mfa, ThreatProtectionMode } from './enums';
import { checkLength, checkMaxItems, checkOneOf, checkPattern, checkUnique, PRINTABLE } from '../core/checks';
import { defined } from '../core/defined';
import { formatProblem, isKnown, Problem } from '../core/problem';
import { ARN_PATTERN } from './user-pool-rules';
import type { TerraformMetaArguments } from '../engine';
import type { IUserPool, KnownUserPoolSettings } from './i-user-pool';
import {
  AccountTakeoverAction,
  AccountTakeoverResponse,
  CompromisedCredentialsAction,
  CompromisedCredentialsEvent,
  RiskConfigurationOptions,
} from './risk-responses';

export * from './risk-responses';

/** Settings of a {@link UserPoolRiskConfiguration}. */
export interface UserPoolRiskConfigurationProps extends RiskConfigurationOptions {
  /** The pool: created here or imported (what is not known of it is not checked). */
  readonly userPool: IUserPool;
  /**
   * The client these responses are for; they replace the pool's for that client.
   * @default - the pool's responses (every client without its own)
   */
  readonly clientId?: string;
}

/** What the rules know about the pool. */
export interface RiskConfigurationContext {
  /** What is known of the pool; what is not known is not checked. */
  readonly pool: Pick<KnownUserPoolSettings, 'featurePlan' | 'mfa' | 'threatProtectionMode' | 'sesSender'>;
}

/** A rule of risk configurations: a small pure function; tokens are skipped. */
export type RiskConfigurationRule = (o: RiskConfigurationOptions, ctx: RiskConfigurationContext) => Problem[];

const LEVELS = ['low', 'medium', 'high'] as const;
const EMAILS = ['blockEmail', 'mfaEmail', 'noActionEmail'] as const;
/** IPv4 or IPv6 CIDR notation. */
export const CIDR =
  /^((25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)|[0-9a-fA-F:]*:[0-9a-fA-F:.]*\/(12[0-8]|1[01]\d|[1-9]?\d))$/;
/** What a notification subject may hold: printable characters and spaces. */
export const EMAIL_TEXT = new RegExp(`^[${PRINTABLE}\\s]+$`, 'u');

export const riskNeedsPlus: RiskConfigurationRule = (o, { pool }) => {
  const problems: Problem[] = [];
  // Reported at the first response set: the responses are what needs the plan.
  const path = (['compromisedCredentials', 'accountTakeover', 'ipRanges'] as const).find((k) => o[k] !== undefined) ?? 'accountTakeover';
  if (isKnown(pool.featurePlan) && pool.featurePlan !== FeaturePlan.PLUS) {
    problems.push({
      path,
      rule: 'threat protection responses need the PLUS feature plan',
      received: { featurePlan: pool.featurePlan },
      fix: 'set featurePlan to PLUS (or securityProfile to strict), or remove the responses',
    });
  }
  if (isKnown(pool.threatProtectionMode) && pool.threatProtectionMode === ThreatProtectionMode.OFF) {
    problems.push({
      path,
      rule: 'threat protection responses need threat protection on',
      received: { standardMode: pool.threatProtectionMode },
      fix: 'set threatProtection.standardMode to ENFORCED (AUDIT only records risks)',
    });
  }
  return problems;
};

export const compromisedCredentials: RiskConfigurationRule = (o) => {
  const c = o.compromisedCredentials;
  if (!c) return [];
  return [
    ...checkOneOf('compromisedCredentials.action', c.action, Object.values(CompromisedCredentialsAction)),
    ...checkUnique('compromisedCredentials.events', c.events),
    ...(c.events ?? []).flatMap((e, i) => checkOneOf(`compromisedCredentials.events[${i}]`, e, Object.values(CompromisedCredentialsEvent))),
    ...(c.events !== undefined && isKnown(c.events) && c.events.length === 0
      ? [
          {
            path: 'compromisedCredentials.events',
            rule: 'must name at least one event',
            received: [],
            fix: 'list SIGN_IN, SIGN_UP and/or PASSWORD_CHANGE, or leave events out for all three',
          },
        ]
      : []),
  ];
};

export const accountTakeover: RiskConfigurationRule = (o, { pool }) => {
  const a = o.accountTakeover;
  if (!a) return [];
  const problems: Problem[] = [];
  for (const level of LEVELS) {
    const response = a[level];
    if (!response) continue;
    problems.push(...checkOneOf(`accountTakeover.${level}.action`, response.action, Object.values(AccountTakeoverAction)));
    const mfaAction = response.action === AccountTakeoverAction.MFA_IF_CONFIGURED || response.action === AccountTakeoverAction.MFA_REQUIRED;
    if (mfaAction && isKnown(pool.mfa) && pool.mfa === Mfa.OFF) {
      problems.push({
        path: `accountTakeover.${level}.action`,
        rule: 'an MFA response needs MFA on in the pool',
        received: { action: response.action, mfa: pool.mfa },
        fix: 'set mfa to OPTIONAL or REQUIRED, or use BLOCK or NO_ACTION',
      });
    }
  }
  // The AWS provider requires notify_configuration, with an SES source ARN, whenever account-takeover
  // responses are set (the API itself would take them without). An imported pool's sender is unknown.
  if (a.notifications?.sourceArn === undefined && pool.sesSender?.sourceArn === undefined && pool.featurePlan !== undefined) {
    problems.push({
      path: 'accountTakeover.notifications.sourceArn',
      rule: 'account-takeover responses need an Amazon SES identity to notify from (the AWS provider requires notify_configuration with source_arn)',
      received: undefined,
      fix: "set accountTakeover.notifications.sourceArn (and from), or send the pool's email through SES",
    });
  }
  const n = a.notifications;
  if (n) {
    problems.push(
      ...checkPattern(
        'accountTakeover.notifications.sourceArn',
        n.sourceArn,
        ARN_PATTERN,
        'must be an SES identity ARN',
        'use arn:<partition>:ses:<region>:<account>:identity/<address or domain>',
      ),
    );
    for (const email of EMAILS) {
      const e = n[email];
      if (!e) continue;
      const at = `accountTakeover.notifications.${email}`;
      problems.push(
        ...checkLength(`${at}.subject`, e.subject, 1, 140),
        ...checkPattern(`${at}.subject`, e.subject, EMAIL_TEXT, 'may contain only printable characters and spaces', 'remove control characters'),
        ...checkLength(`${at}.htmlBody`, e.htmlBody, 6, 20000),
        ...checkLength(`${at}.textBody`, e.textBody, 6, 20000),
      );
    }
  }
  return problems;
};

export const ipRanges: RiskConfigurationRule = (o) => {
  const r = o.ipRanges;
  if (!r) return [];
  const problems: Problem[] = [];
  for (const key of ['alwaysAllow', 'alwaysBlock'] as const) {
    const list = r[key];
    problems.push(...checkMaxItems(`ipRanges.${key}`, list, 200), ...checkUnique(`ipRanges.${key}`, list));
    (isKnown(list) ? list : []).forEach((cidr, i) =>
      problems.push(
        ...checkPattern(
          `ipRanges.${key}[${i}]`,
          cidr,
          CIDR,
          'must be an IPv4 or IPv6 range in CIDR notation',
          'use e.g. 203.0.113.0/24 or 2001:db8::/32',
        ),
      ),
    );
  }
  const both = (isKnown(r.alwaysAllow) ? r.alwaysAllow : []).filter((cidr) => isKnown(r.alwaysBlock) && r.alwaysBlock.includes(cidr));
  if (both.length > 0)
    problems.push({
      path: 'ipRanges',
      rule: 'a range cannot be both always allowed and always blocked',
      received: both,
      fix: 'remove it from one of the lists',
    });
  return problems;
};

/** Every risk configuration rule, in the order their problems are reported. */
export const RISK_CONFIGURATION_RULES: readonly RiskConfigurationRule[] = [riskNeedsPlus, compromisedCredentials, accountTakeover, ipRanges];

/** Runs every risk configuration rule. */
export function checkRiskConfiguration(o: RiskConfigurationOptions, ctx: RiskConfigurationContext): Problem[] {
  return RISK_CONFIGURATION_RULES.flatMap((rule) => rule(o, ctx));
}

/** What rendering takes from the pool: its SES sender, the default for notifications. */
export interface PoolSender {
  readonly sourceArn?: string;
  readonly from?: string;
  readonly replyTo?: string;
}

type RiskArguments = Omit<CognitoRiskConfigurationConfig, keyof TerraformMetaArguments>;

/** The `aws_cognito_risk_configuration` arguments. Pure and free of value checks. */
export function renderRiskConfiguration(
  o: RiskConfigurationOptions,
  userPoolId: string,
  clientId: string | undefined,
  sender: PoolSender,
): RiskArguments {
  const a = o.accountTakeover;
  const n = a?.notifications;
  const action = (r: AccountTakeoverResponse | undefined) => r && { eventAction: r.action, notify: r.notify ?? false };
  const c = o.compromisedCredentials;
  return defined({
    userPoolId,
    clientId,
    compromisedCredentialsRiskConfiguration: c && {
      // Rendered in full: AWS reports the events it checks, so an absent list would show as drift.
      eventFilter: [...(c.events ?? Object.values(CompromisedCredentialsEvent))],
      actions: { eventAction: c.action },
    },
    accountTakeoverRiskConfiguration: a && {
      actions: defined({ lowAction: action(a.low), mediumAction: action(a.medium), highAction: action(a.high) }),
      // Always rendered: the provider requires it with account-takeover responses (the rules ask for the sender).
      notifyConfiguration: defined({
        sourceArn: n?.sourceArn ?? sender.sourceArn ?? '',
        from: n?.from ?? sender.from,
        replyTo: n?.replyTo ?? sender.replyTo,
        blockEmail: n?.blockEmail,
        mfaEmail: n?.mfaEmail,
        noActionEmail: n?.noActionEmail,
      }),
    },
    riskExceptionConfiguration:
      o.ipRanges &&
      defined({
        blockedIpRangeList: o.ipRanges.alwaysBlock && [...o.ipRanges.alwaysBlock],
        skippedIpRangeList: o.ipRanges.alwaysAllow && [...o.ipRanges.alwaysAllow],
      }),
  });
}

/**
 * The responses of threat protection for a pool, or for one of its clients (which then no longer
 * falls back to the pool's): what happens on leaked credentials and on account-takeover risks, the
 * notification emails, and the IP ranges always allowed or blocked.
 */
export class UserPoolRiskConfiguration extends Construct {
  /** The underlying `aws_cognito_risk_configuration`. */
  public readonly resource: CognitoRiskConfiguration;

  constructor(scope: Construct, id: string, props: UserPoolRiskConfigurationProps) {
    super(scope, id);
    const { userPool, clientId, ...options } = props;
    // Problems are reported under `threatProtection`, the setting's name on the pool and on clients.
    this.node.addValidation({
      validate: () => checkRiskConfiguration(options, { pool: userPool.known }).map((p) => formatProblem(p, 'threatProtection')),
    });
    this.resource = new CognitoRiskConfiguration(
      this,
      'risk',
      renderRiskConfiguration(options, userPool.userPoolId, clientId, userPool.known.sesSender ?? {}),
    );
  }
}
