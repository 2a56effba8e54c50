import { Construct } from 'constructs';
import { FeaturePlan } from './enums';
import { KnownUserPoolSettings } from './i-user-pool';
import { UserPoolBase } from './user-pool-base';
import { AwsEnvironment, partitionOfRegion } from '../core/aws-environment';
import { checkLength, checkPattern } from '../core/checks';
import { arn } from '../core/iam';
import { formatProblem, isKnown, Problem } from '../core/problem';
import { Fn, Token } from '../engine';
import { PoolTriggers } from '../triggers/pool-triggers';

/** What you may tell about a pool created elsewhere; what is left out is unknown, and the checks that need it are skipped. */
export interface ImportedUserPoolOptions {
  /**
   * The pool's name, for the default names of trigger functions and hand-off secrets.
   * @default - the pool id
   */
  readonly userPoolName?: string;
  /**
   * The pool's feature plan, for the rules that depend on it (`ALLOW_USER_AUTH`, managed login, V2 triggers).
   * @default - unknown: those rules are skipped
   */
  readonly featurePlan?: FeaturePlan;
  /**
   * The names of the pool's custom attributes (without `custom:`), so that client attribute lists can
   * name them without the prefix and a misspelt one fails synth.
   * @default - unknown: custom attributes must be given as `custom:<name>`
   */
  readonly customAttributes?: readonly string[];
  /**
   * The base URL of a domain the pool already has (`https://<prefix>.auth.<region>.amazoncognito.com`),
   * for clients' sign-in URLs and the rule that code-flow and machine clients need a domain.
   * @default - none known: add one with `addDomain`, or clients with OAuth flows fail synth
   */
  readonly domainBaseUrl?: string;
}

/** `UserPoolIdType` of the API (1-55 characters); the part before `_` is the region. */
const POOL_ID = /^([\w-]+)_[0-9a-zA-Z]+$/;
const POOL_ARN = /^arn:([\w-]+):cognito-idp:([a-z0-9-]+):(\d{12}):userpool\/([\w-]+_[0-9a-zA-Z]+)$/;

/** Where an imported pool lives. */
interface PoolLocation {
  readonly userPoolId: string;
  readonly region: string | undefined;
  readonly accountId: string | undefined;
  /** How the location was given, for messages. */
  readonly given: { readonly setting: string; readonly value: string };
}

/**
 * A user pool created and managed elsewhere (another stack, another tool, the console). Nothing of the
 * pool itself is rendered: children added to it name it by id, and it can never be replaced or deleted
 * from here. Made with `UserPool.fromUserPoolId` or `UserPool.fromUserPoolArn`.
 */
export class ImportedUserPool extends UserPoolBase {
  /** @internal */
  public static fromId(scope: Construct, id: string, userPoolId: string, options: ImportedUserPoolOptions): ImportedUserPool {
    const env = AwsEnvironment.of(scope);
    const region = isKnown(userPoolId) ? POOL_ID.exec(userPoolId)?.[1] : undefined;
    return new ImportedUserPool(
      scope,
      id,
      { userPoolId, region: region ?? env.region, accountId: env.accountId, given: { setting: 'userPoolId', value: userPoolId } },
      options,
    );
  }

  /** @internal */
  public static fromArn(scope: Construct, id: string, userPoolArn: string, options: ImportedUserPoolOptions): ImportedUserPool {
    if (Token.isUnresolved(userPoolArn)) {
      // A reference (another stack's output, a variable): the id is the last part of the ARN.
      const userPoolId = Fn.element(Fn.split('/', userPoolArn), 1);
      return new ImportedUserPool(
        scope,
        id,
        {
          userPoolId,
          region: AwsEnvironment.of(scope).region,
          accountId: AwsEnvironment.of(scope).accountId,
          given: { setting: 'userPoolArn', value: userPoolArn },
        },
        options,
        userPoolArn,
      );
    }
    const match = POOL_ARN.exec(userPoolArn);
    const location = {
      userPoolId: match?.[4] ?? userPoolArn,
      region: match?.[2],
      accountId: match?.[3],
      given: { setting: 'userPoolArn', value: userPoolArn },
    };
    return new ImportedUserPool(scope, id, location, options, match ? userPoolArn : undefined);
  }

  public readonly userPoolId: string;
  public readonly userPoolArn: string;
  public readonly endpoint: string;
  public readonly issuerUrl: string;
  public readonly jwksUrl: string;
  public readonly known: KnownUserPoolSettings;
  public readonly triggers: PoolTriggers;
  private readonly externalDomainBaseUrl: string | undefined;

  private constructor(scope: Construct, id: string, location: PoolLocation, options: ImportedUserPoolOptions, givenArn?: string) {
    super(scope, id);
    const env = AwsEnvironment.of(this);
    const region = location.region ?? '<region>';
    const partition = location.region !== undefined && isKnown(location.region) ? partitionOfRegion(location.region) : env.partition;
    this.userPoolId = location.userPoolId;
    this.userPoolArn = givenArn ?? arn(partition, 'cognito-idp', region, location.accountId ?? '<account>', `userpool/${location.userPoolId}`);
    this.endpoint = `cognito-idp.${region}.${dnsSuffix(partition)}/${location.userPoolId}`;
    this.issuerUrl = `https://${this.endpoint}`;
    this.jwksUrl = `${this.issuerUrl}/.well-known/jwks.json`;
    this.externalDomainBaseUrl = options.domainBaseUrl;
    this.known = {
      userPoolName: options.userPoolName,
      featurePlan: options.featurePlan,
      customAttributes: options.customAttributes,
      hasExternalDomain: options.domainBaseUrl !== undefined,
    };
    this.node.addValidation({ validate: () => checkImportedPool(location, env).map((p) => formatProblem(p)) });
    this.triggers = new PoolTriggers(this, 'triggers', {
      poolArn: this.userPoolArn,
      poolName: options.userPoolName ?? location.userPoolId,
      featurePlan: options.featurePlan,
      env,
    });
  }

  public override domainBaseUrl(): string | undefined {
    return super.domainBaseUrl() ?? this.externalDomainBaseUrl;
  }
}

/** The DNS suffix of AWS endpoints in a partition. */
function dnsSuffix(partition: string): string {
  const suffixes: { readonly [partition: string]: string } = { 'aws-cn': 'amazonaws.com.cn', 'aws-iso': 'c2s.ic.gov', 'aws-iso-b': 'sc2s.sgov.gov' };
  return Token.isUnresolved(partition) ? 'amazonaws.com' : (suffixes[partition] ?? 'amazonaws.com');
}

/** The imported pool must be one this stack's provider can reach: its account and region. */
export function checkImportedPool(
  location: PoolLocation,
  env: { readonly accountId?: string | undefined; readonly region?: string | undefined },
): Problem[] {
  const { setting, value } = location.given;
  const problems: Problem[] = [];
  if (setting === 'userPoolId') {
    problems.push(
      ...checkLength('userPoolId', value, 1, 55),
      ...checkPattern(
        'userPoolId',
        value,
        POOL_ID,
        'must be a user pool id, <region>_<id>',
        'copy the id from the pool (e.g. "eu-west-1_AbCdEf123")',
      ),
    );
  } else if (isKnown(value) && !POOL_ARN.test(value)) {
    problems.push({
      path: 'userPoolArn',
      rule: 'must be a user pool ARN',
      received: value,
      fix: 'use arn:<partition>:cognito-idp:<region>:<account>:userpool/<pool id>',
    });
  }
  if (location.accountId === undefined || location.region === undefined) {
    problems.push({
      path: setting,
      rule: "the pool's ARN names its account and region",
      received: value,
      fix: "declare the stack's environment with AwsEnvironment.declare(stack, { accountId, region })",
    });
  }
  const mismatch = (what: 'region' | 'accountId', poolValue: string | undefined, stackValue: string | undefined): Problem[] =>
    isKnown(poolValue) && isKnown(stackValue) && poolValue !== stackValue
      ? [
          {
            path: setting,
            rule: `the pool must be in the stack's ${what === 'region' ? 'region' : 'account'} (its provider creates the children there)`,
            received: { pool: poolValue, stack: stackValue },
            fix: `import the pool in a stack of ${what === 'region' ? 'region' : 'account'} ${poolValue}`,
          },
        ]
      : [];
  return [...problems, ...mismatch('region', location.region, env.region), ...mismatch('accountId', location.accountId, env.accountId)];
}
