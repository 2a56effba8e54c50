import { CognitoUserPoolClientConfig } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { UserPoolClientProps } from './client-props';
import type { TerraformMetaArguments } from '../engine';

type ClientArguments = Omit<CognitoUserPoolClientConfig, keyof TerraformMetaArguments>;

/**
 * The `aws_cognito_user_pool_client` arguments for resolved settings. Pure and free of value checks.
 *
 * Token validity is always rendered with all three units: a number without its unit is read as hours
 * (access, ID) or days (refresh), and removing the units later would re-read every number.
 */
export function renderClient(c: UserPoolClientProps, name: string, userPoolId: string): ClientArguments {
  const flows = c.oAuthFlows ?? [];
  const t = c.tokenValidity!;
  return {
    name,
    userPoolId,
    generateSecret: c.generateSecret,
    allowedOauthFlowsUserPoolClient: flows.length > 0,
    ...list('allowedOauthFlows', flows),
    ...list('allowedOauthScopes', (c.scopes ?? []).map((s) => s.scopeName)),
    ...list('callbackUrls', c.callbackUrls),
    ...list('logoutUrls', c.logoutUrls),
    ...(c.defaultRedirectUri !== undefined ? { defaultRedirectUri: c.defaultRedirectUri } : {}),
    ...list('explicitAuthFlows', c.authFlows),
    ...list('readAttributes', c.readAttributes),
    ...list('writeAttributes', c.writeAttributes),
    ...list('supportedIdentityProviders', c.identityProviders),
    accessTokenValidity: t.accessToken!.amount,
    idTokenValidity: t.idToken!.amount,
    refreshTokenValidity: t.refreshToken!.amount,
    tokenValidityUnits: [{ accessToken: t.accessToken!.unit, idToken: t.idToken!.unit, refreshToken: t.refreshToken!.unit }],
    authSessionValidity: c.authSessionValidityMinutes,
    enableTokenRevocation: c.enableTokenRevocation,
    preventUserExistenceErrors: c.preventUserExistenceErrors ? 'ENABLED' : 'LEGACY',
    enablePropagateAdditionalUserContextData: c.propagateAdditionalUserContextData,
    ...(c.refreshTokenRotation ? { refreshTokenRotation: [{ feature: 'ENABLED', retryGracePeriodSeconds: c.refreshTokenRotation.retryGracePeriodSeconds }] } : {}),
    ...(c.analytics ? { analyticsConfiguration: [{ applicationArn: c.analytics.applicationArn, roleArn: c.analytics.roleArn, userDataShared: c.analytics.userDataShared }] } : {}),
  };
}

/**
 * A list argument only when it has items: an empty list and an absent one are not the same to the
 * provider, and AWS reports an empty list as absent, which would show as a change on every plan.
 */
function list<K extends string>(key: K, values: readonly string[] | undefined): { [P in K]?: string[] } {
  return (values && values.length > 0 ? { [key]: [...values] } : {}) as { [P in K]?: string[] };
}
