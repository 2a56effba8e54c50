import { CognitoUserPoolClientConfig } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { UserPoolClientProps } from './client-props';
import type { OAuthScope } from './oauth-scope';
import { choose, given, hasItems, nonEmpty, optionalListBlock } from '../core/conditional';
import { Token } from '../engine';
import type { TerraformMetaArguments } from '../engine';
import { defined } from '../core/defined';

type ClientArguments = Omit<CognitoUserPoolClientConfig, keyof TerraformMetaArguments>;

/**
 * The `aws_cognito_user_pool_client` arguments for resolved settings. Pure and free of value checks;
 * where it branches on a setting that is a token, Terraform branches instead.
 *
 * Token validity is always rendered with all three units: a number without its unit is read as hours
 * (access, ID) or days (refresh), and removing the units later would re-read every number.
 */
export function renderClient(c: UserPoolClientProps, name: string, userPoolId: string): ClientArguments {
  const flows = c.oAuthFlows ?? [];
  const t = c.tokenValidity!;
  return defined({
    name,
    userPoolId,
    generateSecret: c.generateSecret,
    allowedOauthFlowsUserPoolClient: hasItems(flows),
    ...nonEmpty('allowedOauthFlows', flows),
    ...nonEmpty('allowedOauthScopes', scopeNames(c.scopes ?? [])),
    ...nonEmpty('callbackUrls', c.callbackUrls),
    ...nonEmpty('logoutUrls', c.logoutUrls),
    ...(c.defaultRedirectUri !== undefined ? { defaultRedirectUri: c.defaultRedirectUri } : {}),
    ...nonEmpty('explicitAuthFlows', c.authFlows),
    ...nonEmpty('readAttributes', c.readAttributes),
    ...nonEmpty('writeAttributes', c.writeAttributes),
    ...nonEmpty('supportedIdentityProviders', c.identityProviders),
    accessTokenValidity: t.accessToken!.amount,
    idTokenValidity: t.idToken!.amount,
    refreshTokenValidity: t.refreshToken!.amount,
    tokenValidityUnits: [{ accessToken: t.accessToken!.unit, idToken: t.idToken!.unit, refreshToken: t.refreshToken!.unit }],
    authSessionValidity: c.authSessionValidityMinutes,
    enableTokenRevocation: c.enableTokenRevocation,
    preventUserExistenceErrors: choose(c.preventUserExistenceErrors ?? false, 'ENABLED', 'LEGACY'),
    enablePropagateAdditionalUserContextData: c.propagateAdditionalUserContextData,
    ...optionalListBlock(
      'refreshTokenRotation',
      given(c.refreshTokenRotation?.retryGracePeriodSeconds),
      defined({
        feature: 'ENABLED',
        retryGracePeriodSeconds: c.refreshTokenRotation?.retryGracePeriodSeconds,
      }),
    ),
    ...optionalListBlock(
      'analyticsConfiguration',
      given(c.analytics?.applicationArn),
      defined({
        applicationArn: c.analytics?.applicationArn,
        userDataShared: c.analytics?.userDataShared,
      }),
    ),
  });
}

/** The scopes as tokens carry them; a token (a list of scope strings from a Terraform variable) as it is. */
function scopeNames(scopes: readonly OAuthScope[]): readonly string[] {
  return Token.isUnresolved(scopes) ? (scopes as unknown as readonly string[]) : scopes.map((s) => s.scopeName);
}
