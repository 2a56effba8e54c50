import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { Construct } from 'constructs';
import { resolveClientAttributes } from './client-attributes';
import { LEGACY_AUTH_FLOWS, OAuthFlow, UserPoolClientProps } from './client-props';
import { checkClient } from './client-rules';
import { customAttributesWritableByPublicClient, resolveClientProps } from './presets';
import { renderClient } from './render-client';
import { ClientSecretHandOff } from './secret-hand-off';
import { ManagedLoginBranding } from './managed-login-branding';
import { UserPoolUiCustomization } from './ui-customization';
import { UserPoolRiskConfiguration } from '../user-pool/risk-configuration';
import { AwsEnvironment } from '../core/aws-environment';
import { defined } from '../core/defined';
import { stableOutput } from '../core/outputs';
import { formatProblem, isKnown } from '../core/problem';
import { Annotations, ITerraformDependable, Lazy } from '../engine';
import type { IUserPool } from '../user-pool/i-user-pool';

/** Settings of a {@link UserPoolClient}: the client settings plus its pool. */
export interface UserPoolClientConstructProps extends UserPoolClientProps {
  /** The pool. */
  readonly userPool: IUserPool;
}

/**
 * An app client of a user pool, from a preset (`spa`, `web`, `native`, `machine`) or from scratch.
 * Every setting is checked at synth; secrets only reach sensitive outputs.
 */
export class UserPoolClient extends Construct {
  /** The client id. */
  public readonly clientId: string;
  /** The client secret (sensitive), when the client has one. */
  public readonly clientSecret?: string;
  /** The settings with defaults and preset applied. */
  public readonly settings: UserPoolClientProps;
  /** The underlying `aws_cognito_user_pool_client`. */
  public readonly resource: CognitoUserPoolClient;
  /** Where the credentials were handed off, when they were. */
  public readonly secretHandOff?: ClientSecretHandOff;

  constructor(scope: Construct, id: string, props: UserPoolClientConstructProps) {
    super(scope, id);
    const { userPool, ...clientProps } = props;
    const resolved = resolveClientProps({ ...clientProps, clientName: clientProps.clientName ?? id });
    // Attribute names as Cognito spells them, `custom:` added; a name the pool does not have fails synth.
    const read = resolveClientAttributes('readAttributes', resolved.readAttributes, userPool.known.customAttributes);
    const write = resolveClientAttributes('writeAttributes', resolved.writeAttributes, userPool.known.customAttributes);
    const c: UserPoolClientProps = { ...resolved, ...defined({ readAttributes: read.names, writeAttributes: write.names }) };
    this.settings = c;
    this.node.addValidation({
      validate: () =>
        [
          ...read.problems,
          ...write.problems,
          ...checkClient(c, {
            featurePlan: userPool.known.featurePlan,
            hasDomain: userPool.domains.length > 0 || userPool.known.hasExternalDomain,
            identityProviderNames: userPool.identityProviders.map((p) => p.providerName),
          }),
        ].map((p) => formatProblem(p)),
    });
    if ((c.oAuthFlows ?? []).includes(OAuthFlow.IMPLICIT)) {
      Annotations.of(this).addWarning(
        'The implicit flow puts tokens in the redirect URL, where browser history, logs and referrers can leak them. Use the authorization code flow with PKCE instead.',
      );
    }
    const legacy = (c.authFlows ?? []).filter((f) => isKnown(f) && LEGACY_AUTH_FLOWS.includes(f));
    if (legacy.length > 0) {
      Annotations.of(this).addWarning(
        `Legacy explicit auth flows (${legacy.join(', ')}) are superseded by the ALLOW_* values: AWS accepts them only alone, and they cannot be combined with choice-based sign-in. Replace them with ALLOW_USER_SRP_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_USER_PASSWORD_AUTH or ALLOW_CUSTOM_AUTH.`,
      );
    }
    const writable = customAttributesWritableByPublicClient(c, userPool.known.customAttributes ?? []);
    if (writable.length > 0) {
      Annotations.of(this).addWarning(
        `This public client (no secret) lets its users write ${writable.join(', ')} about themselves. If an attribute decides what a user may do (a tenant, a role), ` +
          'leave it out of writeAttributes and set it from the backend (AdminUpdateUserAttributes) or a trigger.',
      );
    }

    // Clients depend on the resource servers their scopes name: a scope that does not exist yet fails the create.
    const servers = (c.scopes ?? []).flatMap((s) => (s.resourceServer ? [s.resourceServer.server.resource] : []));
    const dependsOn: ITerraformDependable[] = [...new Set([...servers, ...(c.dependsOn ?? [])])];
    this.resource = new CognitoUserPoolClient(this, 'client', {
      ...renderClient(c, c.clientName!, userPool.userPoolId),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    });
    this.clientId = this.resource.id;
    userPool.registerClient(this);
    stableOutput(this, 'client_id', this.clientId, `The id of client ${c.clientName}`);

    if (c.generateSecret) {
      this.clientSecret = this.resource.clientSecret;
      stableOutput(this, 'client_secret', this.clientSecret, `The secret of client ${c.clientName}`, true);
    }
    if (c.threatProtection) new UserPoolRiskConfiguration(this, 'risk-configuration', { ...c.threatProtection, userPool, clientId: this.clientId });
    if (c.classicBranding) new UserPoolUiCustomization(this, 'classic-branding', { ...c.classicBranding, userPool, clientId: this.clientId });
    if (c.managedLoginBranding)
      new ManagedLoginBranding(this, 'managed-login-branding', { ...c.managedLoginBranding, userPool, clientId: this.clientId });

    const flows = c.oAuthFlows ?? [];
    const redirect = c.defaultRedirectUri ?? c.callbackUrls?.[0];
    if (
      flows.includes(OAuthFlow.AUTHORIZATION_CODE) &&
      redirect !== undefined &&
      !(userPool.known.hasExternalDomain && userPool.domainBaseUrl() === undefined)
    ) {
      // The pool's domain may be added after the client: read it when the stack is synthesized.
      const signInUrl = Lazy.stringValue({
        produce: () =>
          `${userPool.domainBaseUrl()}/login?client_id=${this.clientId}&response_type=code&scope=${(c.scopes ?? []).map((s) => encodeURIComponent(s.scopeName)).join('+')}&redirect_uri=${encodeURIComponent(redirect)}`,
      });
      stableOutput(this, 'sign_in_url', signInUrl, `The hosted sign-in page of client ${c.clientName}`);
    }

    if (c.secretHandOff && this.clientSecret) {
      const env = AwsEnvironment.of(this);
      if (env.accountId === undefined || env.region === undefined) {
        const problem = {
          path: 'secretHandOff',
          rule: 'the key policy names the owning account and region',
          received: undefined,
          fix: "declare the stack's environment with AwsEnvironment.declare(stack, { accountId, region })",
        };
        this.node.addValidation({ validate: () => [formatProblem(problem)] });
      } else {
        this.secretHandOff = new ClientSecretHandOff(this, 'hand-off', {
          secretName: c.secretHandOff.secretName ?? `cognito/${userPool.known.userPoolName ?? userPool.userPoolId}/${c.clientName}`,
          readers: c.secretHandOff.readers,
          accountId: env.accountId,
          region: env.region,
          partition: env.partition,
          value: {
            client_id: this.clientId,
            client_secret: this.clientSecret,
            token_endpoint: Lazy.stringValue({ produce: () => `${userPool.domainBaseUrl()}/oauth2/token` }),
            scopes: (c.scopes ?? []).map((s) => s.scopeName),
          },
        });
        stableOutput(
          this,
          'secret_arn',
          this.secretHandOff.secretArn,
          `The Secrets Manager secret holding the credentials of client ${c.clientName}`,
        );
      }
    }
  }
}
