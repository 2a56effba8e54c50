import type { ResourceServerScope, UserPoolResourceServer } from './resource-server';

/** The OpenID Connect scopes Cognito knows, and the custom ones of resource servers. */
export class OAuthScope {
  /** `openid`: an ID token. */
  public static readonly OPENID = new OAuthScope('openid');
  /** `email`: the email claims. */
  public static readonly EMAIL = new OAuthScope('email');
  /** `phone`: the phone claims. */
  public static readonly PHONE = new OAuthScope('phone');
  /** `profile`: the other readable attributes. */
  public static readonly PROFILE = new OAuthScope('profile');
  /** `aws.cognito.signin.user.admin`: the user's own Cognito API calls. */
  public static readonly COGNITO_ADMIN = new OAuthScope('aws.cognito.signin.user.admin');

  /** The standard scopes, which a machine-to-machine client cannot have. */
  public static readonly STANDARD: readonly string[] = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];

  /**
   * A scope of a resource server in this stack. Pass the scope object for a compile-time check, or its
   * name: a name the server does not define fails synth.
   */
  public static resourceServer(server: UserPoolResourceServer, scope: ResourceServerScope | string): OAuthScope {
    const name = typeof scope === 'string' ? scope : scope.scopeName;
    return new OAuthScope(`${server.identifier}/${name}`, { server, name });
  }

  /** Any scope string, `<resource server identifier>/<scope>` for custom ones. */
  public static custom(name: string): OAuthScope {
    return new OAuthScope(name);
  }

  private constructor(
    /** The scope as the token carries it. */
    public readonly scopeName: string,
    /** The resource server it belongs to, for scopes made by {@link OAuthScope.resourceServer}. */
    public readonly resourceServer?: { readonly server: UserPoolResourceServer; readonly name: string },
  ) {}

  /** Whether this is one of the OpenID Connect / Cognito standard scopes. */
  public get isStandard(): boolean {
    return OAuthScope.STANDARD.includes(this.scopeName);
  }

  public toJSON(): string {
    return this.scopeName;
  }
}
