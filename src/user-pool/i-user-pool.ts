import { IConstruct } from 'constructs';
import { FeaturePlan, Mfa, ThreatProtectionMode } from './enums';

/**
 * What the children of a pool (clients, domains, resource servers, groups, identity providers, triggers)
 * need of it. Both a pool created here ({@link UserPool}) and one created elsewhere
 * (`UserPool.fromUserPoolId`, `UserPool.fromUserPoolArn`) provide it, so every child works with either.
 *
 * This file imports nothing from the child constructs: they depend on this interface, never on the
 * `UserPool` class, so `client/` and `user-pool/` do not import each other.
 */
export interface IUserPool extends IConstruct {
  /** The pool's id, e.g. `eu-west-1_AbCdEf123`. */
  readonly userPoolId: string;
  /** The pool's ARN. */
  readonly userPoolArn: string;
  /** `cognito-idp.<region>.amazonaws.com/<pool id>` (the right DNS suffix in every partition). */
  readonly endpoint: string;
  /** The token issuer (`iss` claim): `https://<endpoint>`. */
  readonly issuerUrl: string;
  /** The JSON Web Key Set that verifies the pool's tokens. */
  readonly jwksUrl: string;
  /** What this code knows of the pool's own settings: everything for a pool created here, what was given for an imported one. */
  readonly known: KnownUserPoolSettings;
  /** The pool's domains added in this code. */
  readonly domains: readonly IUserPoolDomainRef[];
  /**
   * The base URL of the pool's OAuth 2.0 endpoints: the first domain added here, else the one given on
   * import; `undefined` when none is known. Read it at synth (a domain may be added after a client).
   */
  domainBaseUrl(): string | undefined;
  /** Called by a domain of this pool: rules that span the pool (one domain of each kind) read the list. */
  registerDomain(domain: IUserPoolDomainRef): void;
  /** Called by a client of this pool: it then depends on the identity providers it lists. */
  registerClient(client: IUserPoolClientRef): void;
  /** Called by a resource server of this pool. */
  registerResourceServer(server: IUserPoolResourceServerRef): void;
  /** Called by an identity provider of this pool: the clients that list it depend on it. */
  registerIdentityProvider(provider: IUserPoolIdentityProviderRef): void;
  /** The pool's identity providers added in this code. */
  readonly identityProviders: readonly IUserPoolIdentityProviderRef[];
  /**
   * Called by branding constructs: AWS accepts branding only once the pool has a domain, so they depend
   * on the pool's domains added in this code, whichever is created first.
   */
  registerDomainDependent(resource: DependableResourceRef): void;
}

/** What is known of a pool's settings. `undefined` means unknown: the checks that need it are skipped. */
export interface KnownUserPoolSettings {
  /** The pool's name. */
  readonly userPoolName: string | undefined;
  /** The feature plan. */
  readonly featurePlan: FeaturePlan | undefined;
  /** The names of the pool's custom attributes, without `custom:`. */
  readonly customAttributes: readonly string[] | undefined;
  /** Whether the pool has a domain that this code does not create. */
  readonly hasExternalDomain: boolean;
  /** Whether users must, may or cannot use a second factor. */
  readonly mfa?: Mfa;
  /** Threat protection for standard authentication. */
  readonly threatProtectionMode?: ThreatProtectionMode;
  /** Attributes that cannot change after sign-up, by their Cognito names (`given_name`, `custom:plan`). */
  readonly immutableAttributes?: readonly string[];
  /** The SES identity and addresses the pool sends email with; `undefined` when it does not use SES or it is unknown. */
  readonly sesSender?: { readonly sourceArn?: string; readonly from?: string; readonly replyTo?: string } | undefined;
}

/** A domain as its pool sees it. */
export interface IUserPoolDomainRef extends IConstruct {
  /** `https://<host>`. */
  readonly baseUrl: string;
  /** Whether it is a custom domain. */
  readonly isCustom: boolean;
  /** The sign-in pages it serves: 1, the classic hosted UI; 2, managed login. */
  readonly managedLoginVersion?: number;
  /** Its `aws_cognito_user_pool_domain`, which branding waits for. */
  readonly resource?: DependableResourceRef;
}

/** A Terraform resource as the pool links it: by address, in `depends_on`. */
export interface DependableResourceRef {
  readonly terraformResourceType: string;
  readonly friendlyUniqueId: string;
  dependsOn?: string[];
}

/** A client as its pool sees it. */
export interface IUserPoolClientRef extends IConstruct {
  /** The identity providers the client lists. */
  readonly settings: { readonly identityProviders?: readonly string[] | undefined };
  /** Its `aws_cognito_user_pool_client`. */
  readonly resource: DependableResourceRef;
}

/** A resource server as its pool sees it. */
export interface IUserPoolResourceServerRef extends IConstruct {
  /** The identifier (the scopes' prefix). */
  readonly identifier: string;
}

/** An identity provider as its pool sees it. */
export interface IUserPoolIdentityProviderRef extends IConstruct {
  /** The name clients list. */
  readonly providerName: string;
  /** Its `aws_cognito_identity_provider`. */
  readonly resource: DependableResourceRef;
}
