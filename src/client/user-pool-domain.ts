import { CognitoUserPoolDomain, CognitoUserPoolDomainConfig } from '@cdktf/provider-aws/lib/cognito-user-pool-domain';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { AwsEnvironment } from '../core/aws-environment';
import { checkLength, checkOneOf, checkPattern } from '../core/checks';
import { choose, isSet } from '../core/conditional';
import { stableOutput } from '../core/outputs';
import { formatProblem, isKnown, Problem } from '../core/problem';
import type { TerraformMetaArguments } from '../engine';
import { FeaturePlan } from '../user-pool/enums';
import type { IUserPool } from '../user-pool/i-user-pool';
import { defined } from '../core/defined';

/** Which sign-in pages the domain serves. */
export enum ManagedLoginVersion {
  /** The classic hosted UI. Works on every feature plan, without branding. */
  CLASSIC_HOSTED_UI = 1,
  /** Managed login. Needs ESSENTIALS or PLUS, and a branding style per client to show pages. */
  MANAGED_LOGIN = 2,
}

/** A domain of your own, served through CloudFront with your ACM certificate. */
export interface CustomDomainOptions {
  /** The fully qualified name, e.g. `auth.example.com` (at most 63 characters). Its parent must have an A record. */
  readonly domainName: string;
  /** An issued ACM certificate for it, in us-east-1 (CloudFront reads certificates only there). */
  readonly certificateArn: string;
  /**
   * A Route 53 hosted zone in which to create the alias records (A and AAAA) for the domain.
   * @default - no records; create them yourself
   */
  readonly hostedZoneId?: string;
}

/** Settings of a {@link UserPoolDomain} without its pool: exactly one of `prefix` or `customDomain`. */
export interface UserPoolDomainOptions {
  /**
   * A Cognito prefix: `https://<prefix>.auth.<region>.amazoncognito.com`. Prefixes are unique per region
   * across ALL AWS accounts: include something of your own (company, account, environment).
   * @default - none: set customDomain
   */
  readonly prefix?: string;
  /**
   * A domain of your own.
   * @default - none: set prefix
   */
  readonly customDomain?: CustomDomainOptions;
  /**
   * The sign-in pages served.
   * @default ManagedLoginVersion.CLASSIC_HOSTED_UI
   */
  readonly managedLoginVersion?: ManagedLoginVersion;
}

/** Settings of a {@link UserPoolDomain}. */
export interface UserPoolDomainProps extends UserPoolDomainOptions {
  /** The pool: created here or imported (`UserPool.fromUserPoolId`). */
  readonly userPool: IUserPool;
}

/**
 * The pool's OAuth 2.0 domain: the authorize, token and logout endpoints and the sign-in pages.
 * A machine-to-machine client needs one for its token endpoint.
 */
export class UserPoolDomain extends Construct {
  /** `https://<host>`, without a trailing slash. */
  public readonly baseUrl: string;
  /** Whether it is a custom domain. */
  public readonly isCustom: boolean;
  /** The sign-in pages it serves. */
  public readonly managedLoginVersion: ManagedLoginVersion;
  /** The underlying `aws_cognito_user_pool_domain`. */
  public readonly resource: CognitoUserPoolDomain;

  constructor(scope: Construct, id: string, props: UserPoolDomainProps) {
    super(scope, id);
    const env = AwsEnvironment.of(this);
    this.isCustom = props.customDomain !== undefined;
    this.managedLoginVersion = props.managedLoginVersion ?? ManagedLoginVersion.CLASSIC_HOSTED_UI;
    this.node.addValidation({ validate: () => checkDomain(props, env.region).map((p) => formatProblem(p)) });
    this.resource = new CognitoUserPoolDomain(this, 'domain', renderDomain(props, props.userPool.userPoolId));
    this.baseUrl = props.customDomain
      ? `https://${props.customDomain.domainName}`
      : `https://${this.resource.domain}.auth.${env.region ?? '<region>'}.amazoncognito.com`;

    const zone = props.customDomain?.hostedZoneId;
    if (props.customDomain && zone) {
      for (const type of ['A', 'AAAA']) {
        new Route53Record(this, `alias-${type.toLowerCase()}`, {
          zoneId: zone,
          name: props.customDomain.domainName,
          type,
          alias: { name: this.resource.cloudfrontDistribution, zoneId: this.resource.cloudfrontDistributionZoneId, evaluateTargetHealth: false },
        });
      }
    }
    stableOutput(this, 'base_url', this.baseUrl, 'The base URL of the OAuth 2.0 endpoints and sign-in pages');
    stableOutput(this, 'authorize_url', `${this.baseUrl}/oauth2/authorize`, 'The OAuth 2.0 authorize endpoint');
    stableOutput(this, 'token_url', `${this.baseUrl}/oauth2/token`, 'The OAuth 2.0 token endpoint');
    stableOutput(this, 'logout_url', `${this.baseUrl}/logout`, 'The sign-out endpoint');
    props.userPool.registerDomain(this);
  }
}

/**
 * The `aws_cognito_user_pool_domain` arguments. Pure and free of value checks; a custom domain whose
 * name is a token that may be null (the module's `domain` variable) falls back to the prefix.
 */
export function renderDomain(props: UserPoolDomainOptions, userPoolId: string): Omit<CognitoUserPoolDomainConfig, keyof TerraformMetaArguments> {
  const custom = props.customDomain;
  return defined({
    userPoolId,
    domain: custom ? choose(isSet(custom.domainName), custom.domainName, props.prefix ?? '') : (props.prefix ?? ''),
    certificateArn: custom?.certificateArn,
    managedLoginVersion: props.managedLoginVersion ?? ManagedLoginVersion.CLASSIC_HOSTED_UI,
  });
}

/** A Cognito domain prefix. */
export const PREFIX_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const FQDN_PATTERN = /^(?=.{1,63}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** An ACM certificate ARN; the first group is its region. */
export const ACM_ARN = /^arn:[\w-]+:acm:([a-z0-9-]+):\d{12}:certificate\/[\w-]+$/;

/** The domain's rules. */
export function checkDomain(props: UserPoolDomainProps, region: string | undefined): Problem[] {
  const problems: Problem[] = [];
  const { prefix, customDomain } = props;
  if ((prefix === undefined) === (customDomain === undefined)) {
    problems.push({
      path: 'prefix',
      rule: 'a domain has exactly one of prefix or customDomain',
      received: { prefix, customDomain: customDomain?.domainName },
      fix: 'set prefix for an amazoncognito.com domain, or customDomain for your own',
    });
  }
  if (prefix !== undefined) {
    problems.push(
      ...checkLength('prefix', prefix, 1, 63),
      ...checkPattern('prefix', prefix, PREFIX_PATTERN, 'may contain only lowercase letters, digits and inner hyphens', 'use e.g. "acme-prod-auth"'),
    );
    const reserved = ['aws', 'amazon', 'cognito'].filter((word) => isKnown(prefix) && prefix.includes(word));
    if (reserved.length > 0) {
      problems.push({
        path: 'prefix',
        rule: `may not contain the reserved word${reserved.length > 1 ? 's' : ''} ${reserved.join(', ')}`,
        received: prefix,
        fix: 'choose a prefix without aws, amazon or cognito',
      });
    }
    if (region === undefined) {
      problems.push({
        path: 'prefix',
        rule: 'a prefix domain URL includes the region',
        received: undefined,
        fix: "declare the stack's environment with AwsEnvironment.declare(stack, { accountId, region })",
      });
    }
  }
  if (customDomain) {
    problems.push(
      ...checkPattern(
        'customDomain.domainName',
        customDomain.domainName,
        FQDN_PATTERN,
        'must be a lowercase fully qualified domain name of at most 63 characters',
        'use e.g. "auth.example.com"',
      ),
      ...checkPattern(
        'customDomain.certificateArn',
        customDomain.certificateArn,
        ACM_ARN,
        'must be an ACM certificate ARN',
        'use arn:<partition>:acm:us-east-1:<account>:certificate/<id>',
      ),
    );
    const certRegion = isKnown(customDomain.certificateArn) ? ACM_ARN.exec(customDomain.certificateArn)?.[1] : undefined;
    if (certRegion !== undefined && certRegion !== 'us-east-1') {
      problems.push({
        path: 'customDomain.certificateArn',
        rule: 'the certificate must be in us-east-1 (CloudFront reads certificates only there)',
        received: customDomain.certificateArn,
        fix: 'request or import the certificate in us-east-1 and use that ARN',
      });
    }
  }
  problems.push(...checkOneOf('managedLoginVersion', props.managedLoginVersion, [1, 2]));
  const plan = props.userPool.known.featurePlan;
  if (props.managedLoginVersion === ManagedLoginVersion.MANAGED_LOGIN && isKnown(plan) && plan === FeaturePlan.LITE) {
    problems.push({
      path: 'managedLoginVersion',
      rule: 'managed login needs the ESSENTIALS or PLUS feature plan',
      received: { managedLoginVersion: 2, featurePlan: plan },
      fix: 'use ManagedLoginVersion.CLASSIC_HOSTED_UI, or featurePlan ESSENTIALS',
    });
  }
  const sameKind = props.userPool.domains.filter((d) => d.isCustom === (customDomain !== undefined));
  if (sameKind.length > 1) {
    problems.push({
      path: customDomain ? 'customDomain' : 'prefix',
      rule: `a pool has at most one ${customDomain ? 'custom' : 'prefix'} domain`,
      received: sameKind.map((d) => d.node.path),
      fix: 'remove the extra domain',
    });
  }
  return problems;
}
