import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { Construct } from 'constructs';
import { isSesEmail } from './email';
import { asciiAddress, asciiDomain } from './ses-address';
import { renderUserPool, UserPoolDependencies } from './render-user-pool';
import { resolveUserPoolProps, ResolvedUserPoolProps, sendsSms } from './resolved-props';
import { SmsRole, smsRoleNamePrefixFor } from './sms-role';
import { KnownUserPoolSettings } from './i-user-pool';
import { ImportedUserPool, ImportedUserPoolOptions } from './imported-user-pool';
import { UserPoolBase } from './user-pool-base';
import { UserPoolProps } from './user-pool-props';
import { checkUserPool } from './user-pool-rules';
import { STANDARD_ATTRIBUTES } from './attributes';
import { hasRiskResponses, UserPoolRiskConfiguration } from './risk-configuration';
import { AwsEnvironment, ResolvedAwsEnvironment } from '../core/aws-environment';
import { addDynamicBlocks, splitDynamicBlocks } from '../core/conditional';
import { arn } from '../core/iam';
import { stableOutput } from '../core/outputs';
import { defined } from '../core/defined';
import { formatProblem } from '../core/problem';
import { Annotations } from '../engine';
import { PoolTriggers } from '../triggers/pool-triggers';
import { TriggerOperation } from '../triggers/trigger-operation';

/**
 * An Amazon Cognito user pool with secure defaults: strong passwords (Security Hub Cognito.3), MFA
 * required with authenticator apps (Cognito.5), deletion protection plus `prevent_destroy` (Cognito.6),
 * case-insensitive usernames, admin-only sign-up, email recovery, no user-existence leaks by default.
 *
 * Every setting is checked when the stack is synthesized; every problem is reported at once.
 */
export class UserPool extends UserPoolBase {
  /** The pool's id. */
  public readonly userPoolId: string;
  /** The pool's ARN. */
  public readonly userPoolArn: string;
  /** `cognito-idp.<region>.amazonaws.com/<pool id>` (the right DNS suffix in every partition). */
  public readonly endpoint: string;
  /** The token issuer (`iss` claim): `https://<endpoint>`. */
  public readonly issuerUrl: string;
  /** The JSON Web Key Set that verifies the pool's tokens. */
  public readonly jwksUrl: string;
  /** The settings with every default applied. */
  public readonly settings: ResolvedUserPoolProps;
  /** The underlying `aws_cognito_user_pool`, for what the construct does not expose. */
  public readonly resource: CognitoUserPool;
  /** The SMS role, when one was created. */
  public readonly smsRole?: SmsRole;
  /** The pool's Lambda triggers. */
  public readonly triggers: PoolTriggers;
  /** The pool's threat protection responses, when it has any. */
  public readonly riskConfiguration?: UserPoolRiskConfiguration;

  public readonly known: KnownUserPoolSettings;

  /**
   * Declares that the pool's domain exists but is managed elsewhere (another Terraform state or stack), so
   * that OAuth clients are accepted without a domain here; they get no sign-in URL output then.
   */
  public useDomainManagedElsewhere(): void {
    (this as { known: KnownUserPoolSettings }).known = { ...this.known, hasExternalDomain: true };
  }

  constructor(scope: Construct, id: string, props: UserPoolProps) {
    super(scope, id);
    const p = resolveUserPoolProps(props);
    const env = AwsEnvironment.of(this);
    this.settings = p;
    const ses = sesSourceArn(p, env);
    this.known = {
      userPoolName: p.userPoolName,
      featurePlan: p.featurePlan,
      customAttributes: Object.keys(p.customAttributes ?? {}),
      hasExternalDomain: false,
      mfa: p.mfa,
      threatProtectionMode: p.threatProtection.standardMode,
      immutableAttributes: immutableAttributes(p),
      sesSender: isSesEmail(p.email) ? defined({ sourceArn: ses, from: p.email.options.fromEmail, replyTo: p.email.options.replyTo }) : undefined,
    };
    this.node.addValidation({ validate: () => checkUserPool(p, env).map((problem) => formatProblem(problem)) });

    const deps: { -readonly [K in keyof UserPoolDependencies]: UserPoolDependencies[K] } = {};
    if (sendsSms(p)) {
      if (p.sms?.existingRole) {
        deps.sms = p.sms.existingRole;
      } else if (env.accountId !== undefined && env.region !== undefined) {
        this.smsRole = new SmsRole(this, 'sms-role', {
          accountId: env.accountId,
          region: env.region,
          partition: env.partition,
          roleNamePrefix: smsRoleNamePrefixFor(p.userPoolName),
        });
        deps.sms = { roleArn: this.smsRole.roleArn, externalId: this.smsRole.externalId };
      }
    }
    deps.sesSourceArn = ses;

    const allowDeletion = p.dangerouslyAllowDeletionOfAllUsers;
    if (allowDeletion) {
      Annotations.of(this).addWarning(
        'dangerouslyAllowDeletionOfAllUsers is on: deletion protection is INACTIVE and prevent_destroy is off. A destroy, or a change of sign-in attributes, deletes every user of this pool. Use it for throw-away environments only.',
      );
    }
    const { config, dynamicBlocks } = splitDynamicBlocks(renderUserPool(p, deps));
    this.resource = new CognitoUserPool(this, 'pool', {
      ...config,
      // prevent_destroy turns any planned deletion or replacement (which loses every user) into a plan error.
      lifecycle: { preventDestroy: !allowDeletion },
      // Cognito checks the SMS role when the pool is created; without the policy in place it fails.
      ...(this.smsRole ? { dependsOn: [this.smsRole.policy] } : {}),
    });
    addDynamicBlocks(this.resource, dynamicBlocks);
    this.userPoolId = this.resource.id;
    this.userPoolArn = this.resource.arn;
    this.endpoint = this.resource.endpoint;
    this.issuerUrl = `https://${this.endpoint}`;
    this.jwksUrl = `${this.issuerUrl}/.well-known/jwks.json`;

    this.triggers = new PoolTriggers(this, 'triggers', {
      pool: this.resource,
      poolArn: this.resource.arn,
      poolName: p.userPoolName,
      featurePlan: p.featurePlan,
      env,
      customSenderKmsKeyArn: p.customSenderKmsKeyArn,
    });
    for (const [operation, spec] of Object.entries(p.triggers ?? {})) {
      if (spec) this.triggers.attach(operation as TriggerOperation, spec.handler, spec, `triggers.${operation}`);
    }

    if (hasRiskResponses(p.threatProtection)) {
      const { compromisedCredentials, accountTakeover, ipRanges } = p.threatProtection;
      this.riskConfiguration = this.addRiskConfiguration('risk-configuration', defined({ compromisedCredentials, accountTakeover, ipRanges }));
    }

    if (p.classicBranding) this.addClassicBranding('classic-branding', p.classicBranding);

    stableOutput(this, 'user_pool_id', this.userPoolId, 'The user pool id');
    stableOutput(this, 'user_pool_arn', this.userPoolArn, 'The user pool ARN');
    stableOutput(this, 'user_pool_endpoint', this.endpoint, 'The user pool endpoint');
    stableOutput(this, 'issuer_url', this.issuerUrl, 'The token issuer (iss claim)');
    stableOutput(this, 'jwks_url', this.jwksUrl, 'The JSON Web Key Set that verifies tokens');
  }

  /**
   * A pool created elsewhere (another stack, the console), by its id (`<region>_<id>`): clients, domains,
   * resource servers, groups, identity providers and trigger functions can be added to it. The region is
   * read from the id; the account is the stack's (declare it with `AwsEnvironment.declare`).
   */
  public static fromUserPoolId(scope: Construct, id: string, userPoolId: string, options: ImportedUserPoolOptions = {}): ImportedUserPool {
    return ImportedUserPool.fromId(scope, id, userPoolId, options);
  }

  /** A pool created elsewhere, by its ARN (`arn:<partition>:cognito-idp:<region>:<account>:userpool/<id>`). */
  public static fromUserPoolArn(scope: Construct, id: string, userPoolArn: string, options: ImportedUserPoolOptions = {}): ImportedUserPool {
    return ImportedUserPool.fromArn(scope, id, userPoolArn, options);
  }
}

/** Attributes that cannot change after sign-up, by their Cognito names. */
function immutableAttributes(p: ResolvedUserPoolProps): string[] {
  const standard = Object.entries(p.standardAttributes ?? {})
    .filter(([, a]) => a?.mutable === false)
    .map(([key]) => STANDARD_ATTRIBUTES[key as keyof typeof STANDARD_ATTRIBUTES]?.name ?? key);
  const custom = Object.entries(p.customAttributes ?? {})
    .filter(([, a]) => a.bind().mutable === false)
    .map(([name]) => `custom:${name}`);
  return [...standard, ...custom];
}

function sesSourceArn(p: ResolvedUserPoolProps, env: ResolvedAwsEnvironment): string | undefined {
  if (!isSesEmail(p.email)) return undefined;
  const o = p.email.options;
  if (o.sesIdentityArn) return o.sesIdentityArn;
  const region = o.sesRegion ?? env.region;
  if (env.accountId === undefined || region === undefined) return undefined; // reported by the emailSettings rule
  // The identity as SES names it: an internationalised domain in punycode.
  const identity = o.sesVerifiedDomain !== undefined ? (asciiDomain(o.sesVerifiedDomain) ?? o.sesVerifiedDomain) : asciiAddress(o.fromEmail);
  return arn(env.partition, 'ses', region, env.accountId, `identity/${identity}`);
}
