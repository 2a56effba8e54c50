import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { Construct } from 'constructs';
import { isSesEmail } from './email';
import { renderUserPool, UserPoolDependencies } from './render-user-pool';
import { resolveUserPoolProps, ResolvedUserPoolProps, sendsSms } from './resolved-props';
import { SmsRole, smsRoleNamePrefixFor } from './sms-role';
import { UserPoolGroup, UserPoolGroupProps } from './user-pool-group';
import { UserPoolProps } from './user-pool-props';
import { checkUserPool } from './user-pool-rules';
import { AwsEnvironment, ResolvedAwsEnvironment } from '../core/aws-environment';
import { addDynamicBlocks, splitDynamicBlocks } from '../core/conditional';
import { arn } from '../core/iam';
import { stableOutput } from '../core/outputs';
import { formatProblem } from '../core/problem';
import { UserPoolClient, UserPoolClientConstructProps } from '../client/user-pool-client';
import { UserPoolDomain, UserPoolDomainProps } from '../client/user-pool-domain';
import { UserPoolResourceServer, UserPoolResourceServerProps } from '../client/resource-server';
import { UserPoolIdentityProvider, UserPoolIdentityProviderProps } from '../client/identity-provider';
import { Annotations } from '../engine';
import { PoolTriggers, TriggerHandler, TriggerOptions } from '../triggers/pool-triggers';
import { TriggerOperation } from '../triggers/trigger-operation';

/**
 * An Amazon Cognito user pool with secure defaults: strong passwords (Security Hub Cognito.3), MFA
 * required with authenticator apps (Cognito.5), deletion protection plus `prevent_destroy` (Cognito.6),
 * case-insensitive usernames, admin-only sign-up, email recovery, no user-existence leaks by default.
 *
 * Every setting is checked when the stack is synthesized; every problem is reported at once.
 */
export class UserPool extends Construct {
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

  private readonly registered = {
    domains: [] as UserPoolDomain[],
    resourceServers: [] as UserPoolResourceServer[],
    identityProviders: [] as UserPoolIdentityProvider[],
    clients: [] as UserPoolClient[],
  };

  constructor(scope: Construct, id: string, props: UserPoolProps) {
    super(scope, id);
    const p = resolveUserPoolProps(props);
    const env = AwsEnvironment.of(this);
    this.settings = p;
    this.node.addValidation({ validate: () => checkUserPool(p, env).map((problem) => formatProblem(problem)) });

    const deps: { -readonly [K in keyof UserPoolDependencies]: UserPoolDependencies[K] } = {};
    if (sendsSms(p)) {
      if (p.sms?.existingRole) {
        deps.sms = p.sms.existingRole;
      } else if (env.accountId !== undefined && env.region !== undefined) {
        this.smsRole = new SmsRole(this, 'sms-role', { accountId: env.accountId, region: env.region, partition: env.partition, roleNamePrefix: smsRoleNamePrefixFor(p.userPoolName) });
        deps.sms = { roleArn: this.smsRole.roleArn, externalId: this.smsRole.externalId };
      }
    }
    deps.sesSourceArn = sesSourceArn(p, env);

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
      dependsOn: this.smsRole ? [this.smsRole.policy] : undefined,
    });
    addDynamicBlocks(this.resource, dynamicBlocks);
    this.userPoolId = this.resource.id;
    this.userPoolArn = this.resource.arn;
    this.endpoint = this.resource.endpoint;
    this.issuerUrl = `https://${this.endpoint}`;
    this.jwksUrl = `${this.issuerUrl}/.well-known/jwks.json`;

    this.triggers = new PoolTriggers(this, 'triggers', { pool: this.resource, poolName: p.userPoolName, featurePlan: p.featurePlan, env, customSenderKmsKeyArn: p.customSenderKmsKeyArn });
    for (const [operation, spec] of Object.entries(p.triggers ?? {})) {
      if (spec) this.triggers.attach(operation as TriggerOperation, spec.handler, spec, `triggers.${operation}`);
    }

    stableOutput(this, 'user_pool_id', this.userPoolId, 'The user pool id');
    stableOutput(this, 'user_pool_arn', this.userPoolArn, 'The user pool ARN');
    stableOutput(this, 'user_pool_endpoint', this.endpoint, 'The user pool endpoint');
    stableOutput(this, 'issuer_url', this.issuerUrl, 'The token issuer (iss claim)');
    stableOutput(this, 'jwks_url', this.jwksUrl, 'The JSON Web Key Set that verifies tokens');
  }

  /**
   * Attaches a Lambda trigger: code to deploy as a new function (with its role, log group and invoke
   * permission), or an existing function (invoke permission only).
   */
  public addTrigger(operation: TriggerOperation, handler: TriggerHandler, options: TriggerOptions = {}): void {
    this.triggers.attach(operation, handler, options, `addTrigger(${operation})`);
  }

  /** Adds the OAuth 2.0 domain (a Cognito prefix or your own domain). */
  public addDomain(id: string, props: Omit<UserPoolDomainProps, 'userPool'>): UserPoolDomain {
    return new UserPoolDomain(this, id, { ...props, userPool: this });
  }

  /** Adds an app client, from a preset or from scratch. */
  public addClient(id: string, props: Omit<UserPoolClientConstructProps, 'userPool'> = {}): UserPoolClient {
    return new UserPoolClient(this, id, { ...props, userPool: this });
  }

  /** Adds a group. */
  public addGroup(id: string, props: UserPoolGroupProps): UserPoolGroup {
    return new UserPoolGroup(this, id, { ...props, userPool: this });
  }

  /** Adds a resource server (an API with scopes). */
  public addResourceServer(id: string, props: Omit<UserPoolResourceServerProps, 'userPool'>): UserPoolResourceServer {
    return new UserPoolResourceServer(this, id, { ...props, userPool: this });
  }

  /** The pool's domains. */
  public get domains(): readonly UserPoolDomain[] {
    return this.registered.domains;
  }

  /** The pool's resource servers. */
  public get resourceServers(): readonly UserPoolResourceServer[] {
    return this.registered.resourceServers;
  }

  /** Called by {@link UserPoolDomain}: rules that span the pool (one domain of each kind) read this. */
  public registerDomain(domain: UserPoolDomain): void {
    this.registered.domains.push(domain);
  }

  /** Adds a federated identity provider (SAML, OIDC, social). */
  public addIdentityProvider(id: string, props: Omit<UserPoolIdentityProviderProps, 'userPool'>): UserPoolIdentityProvider {
    return new UserPoolIdentityProvider(this, id, { ...props, userPool: this });
  }

  /** The pool's identity providers. */
  public get identityProviders(): readonly UserPoolIdentityProvider[] {
    return this.registered.identityProviders;
  }

  /**
   * Called by {@link UserPoolIdentityProvider} and {@link UserPoolClient}: a client that lists a provider
   * depends on it, so the client is never created or updated before its provider exists.
   */
  public registerIdentityProvider(provider: UserPoolIdentityProvider): void {
    this.registered.identityProviders.push(provider);
    for (const client of this.registered.clients) linkClientToProviders(client, [provider]);
  }

  /** Called by {@link UserPoolClient}. */
  public registerClient(client: UserPoolClient): void {
    this.registered.clients.push(client);
    linkClientToProviders(client, this.registered.identityProviders);
  }

  /** Called by {@link UserPoolResourceServer}. */
  public registerResourceServer(server: UserPoolResourceServer): void {
    this.registered.resourceServers.push(server);
  }
}

function sesSourceArn(p: ResolvedUserPoolProps, env: ResolvedAwsEnvironment): string | undefined {
  if (!isSesEmail(p.email)) return undefined;
  const o = p.email.options;
  if (o.sesIdentityArn) return o.sesIdentityArn;
  const region = o.sesRegion ?? env.region;
  if (env.accountId === undefined || region === undefined) return undefined; // reported by the emailSettings rule
  return arn(env.partition, 'ses', region, env.accountId, `identity/${o.sesVerifiedDomain ?? o.fromEmail}`);
}

function linkClientToProviders(client: UserPoolClient, providers: readonly UserPoolIdentityProvider[]): void {
  const listed = client.settings.identityProviders ?? [];
  // depends_on takes plain addresses; `fqn` would render as an interpolation there.
  const needed = providers.filter((p) => listed.includes(p.providerName)).map((p) => `${p.resource.terraformResourceType}.${p.resource.friendlyUniqueId}`);
  if (needed.length > 0) client.resource.dependsOn = [...new Set([...(client.resource.dependsOn ?? []), ...needed])];
}
