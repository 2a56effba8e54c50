import { Construct } from 'constructs';
import {
  DependableResourceRef,
  IUserPool,
  IUserPoolClientRef,
  IUserPoolDomainRef,
  IUserPoolIdentityProviderRef,
  IUserPoolResourceServerRef,
  KnownUserPoolSettings,
} from './i-user-pool';
import { UserPoolGroup, UserPoolGroupProps } from './user-pool-group';
import { UserPoolClient, UserPoolClientConstructProps } from '../client/user-pool-client';
import { UserPoolDomain, UserPoolDomainOptions } from '../client/user-pool-domain';
import { UserPoolResourceServer, UserPoolResourceServerOptions } from '../client/resource-server';
import { UserPoolIdentityProvider, UserPoolIdentityProviderOptions } from '../client/identity-provider';
import { PoolTriggers, TriggerHandler, TriggerOptions } from '../triggers/pool-triggers';
import { RiskConfigurationOptions, UserPoolRiskConfiguration } from './risk-configuration';
import { ClassicBranding, UserPoolUiCustomization } from '../client/ui-customization';
import { TriggerOperation } from '../triggers/trigger-operation';

/**
 * What a pool created here and a pool imported from elsewhere share: adding children, and keeping the
 * lists that rules spanning the pool read (one domain of each kind, clients depending on providers).
 */
export abstract class UserPoolBase extends Construct implements IUserPool {
  public abstract readonly userPoolId: string;
  public abstract readonly userPoolArn: string;
  public abstract readonly endpoint: string;
  public abstract readonly issuerUrl: string;
  public abstract readonly jwksUrl: string;
  public abstract readonly known: KnownUserPoolSettings;
  /** The pool's Lambda triggers. */
  public abstract readonly triggers: PoolTriggers;

  private readonly registered = {
    domains: [] as IUserPoolDomainRef[],
    resourceServers: [] as IUserPoolResourceServerRef[],
    identityProviders: [] as IUserPoolIdentityProviderRef[],
    clients: [] as IUserPoolClientRef[],
    domainDependents: [] as DependableResourceRef[],
  };

  /**
   * Attaches a Lambda trigger: code to deploy as a new function (with its role, log group and invoke
   * permission), or an existing function (invoke permission only).
   */
  public addTrigger(operation: TriggerOperation, handler: TriggerHandler, options: TriggerOptions = {}): void {
    this.triggers.attach(operation, handler, options, `addTrigger(${operation})`);
  }

  /** Adds the OAuth 2.0 domain (a Cognito prefix or your own domain). */
  public addDomain(id: string, options: UserPoolDomainOptions): UserPoolDomain {
    return new UserPoolDomain(this, id, { ...options, userPool: this });
  }

  /** Adds an app client, from a preset or from scratch. */
  public addClient(id: string, options: Omit<UserPoolClientConstructProps, 'userPool'> = {}): UserPoolClient {
    return new UserPoolClient(this, id, { ...options, userPool: this });
  }

  /** Adds a group. */
  public addGroup(id: string, props: UserPoolGroupProps): UserPoolGroup {
    return new UserPoolGroup(this, id, { ...props, userPool: this });
  }

  /** Adds a resource server (an API with scopes). */
  public addResourceServer(id: string, options: UserPoolResourceServerOptions): UserPoolResourceServer {
    return new UserPoolResourceServer(this, id, { ...options, userPool: this });
  }

  /** Adds a federated identity provider (SAML, OIDC, social). */
  public addIdentityProvider(id: string, options: UserPoolIdentityProviderOptions): UserPoolIdentityProvider {
    return new UserPoolIdentityProvider(this, id, { ...options, userPool: this });
  }

  /** The pool's domains added in this code. */
  public get domains(): readonly IUserPoolDomainRef[] {
    return this.registered.domains;
  }

  /** The pool's resource servers added in this code. */
  public get resourceServers(): readonly IUserPoolResourceServerRef[] {
    return this.registered.resourceServers;
  }

  /** The pool's identity providers added in this code. */
  public get identityProviders(): readonly IUserPoolIdentityProviderRef[] {
    return this.registered.identityProviders;
  }

  public domainBaseUrl(): string | undefined {
    return this.registered.domains[0]?.baseUrl;
  }

  public registerDomain(domain: IUserPoolDomainRef): void {
    this.registered.domains.push(domain);
    if (domain.resource) for (const dependent of this.registered.domainDependents) dependOn(dependent, [domain.resource]);
  }

  public registerDomainDependent(resource: DependableResourceRef): void {
    this.registered.domainDependents.push(resource);
    dependOn(
      resource,
      this.registered.domains.flatMap((d) => (d.resource ? [d.resource] : [])),
    );
  }

  /**
   * Adds threat protection responses: for the whole pool, or with `clientId` for one client (which then
   * no longer falls back to the pool's). A pool created here takes its own from `threatProtection`.
   */
  public addRiskConfiguration(id: string, options: RiskConfigurationOptions & { readonly clientId?: string }): UserPoolRiskConfiguration {
    return new UserPoolRiskConfiguration(this, id, { ...options, userPool: this });
  }

  /** Brands the classic hosted UI (managed login version 1) of every client that has no branding of its own. */
  public addClassicBranding(id: string, branding: ClassicBranding): UserPoolUiCustomization {
    return new UserPoolUiCustomization(this, id, { ...branding, userPool: this });
  }

  public registerIdentityProvider(provider: IUserPoolIdentityProviderRef): void {
    this.registered.identityProviders.push(provider);
    for (const client of this.registered.clients) linkClientToProviders(client, [provider]);
  }

  public registerClient(client: IUserPoolClientRef): void {
    this.registered.clients.push(client);
    linkClientToProviders(client, this.registered.identityProviders);
  }

  public registerResourceServer(server: IUserPoolResourceServerRef): void {
    this.registered.resourceServers.push(server);
  }
}

/** A client that lists a provider depends on it, whichever was added first. */
function linkClientToProviders(client: IUserPoolClientRef, providers: readonly IUserPoolIdentityProviderRef[]): void {
  const listed = client.settings.identityProviders ?? [];
  dependOn(
    client.resource,
    providers.filter((p) => listed.includes(p.providerName)).map((p) => p.resource),
  );
}

/** Adds `depends_on` entries, each once. */
function dependOn(resource: DependableResourceRef, on: readonly DependableResourceRef[]): void {
  // depends_on takes plain addresses; `fqn` would render as an interpolation there.
  const needed = on.map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`);
  if (needed.length > 0) resource.dependsOn = [...new Set([...(resource.dependsOn ?? []), ...needed])];
}
