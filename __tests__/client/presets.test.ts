import { AuthFlow, ClientPreset, Duration, OAuthFlow, OAuthScope, StringAttribute, UserPool } from '../../src';
import { resources, synth, testStack } from '../support/stack';
import { everyPreset, poolWithApi } from './fixtures';

function clients(): Record<string, any> {
  const { stack, pool, api, read } = poolWithApi();
  everyPreset(pool, api, read);
  return Object.fromEntries(Object.values(resources(synth(stack), 'aws_cognito_user_pool_client')).map((c: any) => [c.name, c]));
}

/** What a public client writes by default: the standard profile attributes, nothing custom. */
const PROFILE = [
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'zoneinfo',
  'updated_at',
  'website',
];

const COMMON = {
  user_pool_id: expect.stringMatching(/^\$\{aws_cognito_user_pool\./),
  auth_session_validity: 3,
  enable_token_revocation: true,
  prevent_user_existence_errors: 'ENABLED',
  enable_propagate_additional_user_context_data: false,
};

describe('client presets render exactly', () => {
  const all = clients();

  test('spa: public, code flow, SRP and refresh, openid email profile, short tokens', () => {
    expect(all.spa).toEqual({
      ...COMMON,
      name: 'spa',
      generate_secret: false,
      allowed_oauth_flows_user_pool_client: true,
      allowed_oauth_flows: ['code'],
      allowed_oauth_scopes: ['openid', 'email', 'profile'],
      callback_urls: ['https://app.example.com/callback', 'http://localhost:5173/callback'],
      logout_urls: ['https://app.example.com/'],
      explicit_auth_flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      supported_identity_providers: ['COGNITO'],
      write_attributes: PROFILE,
      access_token_validity: 15,
      id_token_validity: 15,
      refresh_token_validity: 12,
      token_validity_units: [{ access_token: 'minutes', id_token: 'minutes', refresh_token: 'hours' }],
    });
  });

  test('web: confidential, code flow', () => {
    expect(all.web).toEqual({
      ...COMMON,
      name: 'web',
      generate_secret: true,
      allowed_oauth_flows_user_pool_client: true,
      allowed_oauth_flows: ['code'],
      allowed_oauth_scopes: ['openid', 'email', 'profile'],
      callback_urls: ['https://portal.example.com/oauth/callback'],
      default_redirect_uri: 'https://portal.example.com/oauth/callback',
      explicit_auth_flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      supported_identity_providers: ['COGNITO'],
      access_token_validity: 60,
      id_token_validity: 60,
      refresh_token_validity: 30,
      token_validity_units: [{ access_token: 'minutes', id_token: 'minutes', refresh_token: 'days' }],
    });
  });

  test('native: public, code flow, custom-scheme callbacks', () => {
    expect(all.native).toMatchObject({
      generate_secret: false,
      allowed_oauth_flows: ['code'],
      callback_urls: ['com.example.app://callback'],
      logout_urls: ['com.example.app://signout'],
      write_attributes: PROFILE,
    });
  });

  test('machine: secret, client credentials only, resource-server scopes only, no user flows or redirects', () => {
    expect(all.machine).toEqual({
      ...COMMON,
      name: 'machine',
      generate_secret: true,
      allowed_oauth_flows_user_pool_client: true,
      allowed_oauth_flows: ['client_credentials'],
      allowed_oauth_scopes: ['https://orders.example.com/read'],
      explicit_auth_flows: ['ALLOW_REFRESH_TOKEN_AUTH'],
      access_token_validity: 60,
      id_token_validity: 60,
      refresh_token_validity: 1,
      token_validity_units: [{ access_token: 'minutes', id_token: 'minutes', refresh_token: 'days' }],
      depends_on: [expect.stringMatching(/^aws_cognito_resource_server\./)],
    });
  });
});

describe('every preset setting can be overridden', () => {
  test('overrides win over the preset, one by one; the rest of the preset stays', () => {
    const { stack, pool } = poolWithApi();
    pool.addClient('spa', {
      preset: ClientPreset.SPA,
      callbackUrls: ['https://app.example.com/cb'],
      scopes: [OAuthScope.OPENID],
      authFlows: [AuthFlow.USER_SRP, AuthFlow.CUSTOM],
      tokenValidity: { accessToken: Duration.hours(1) },
      preventUserExistenceErrors: false,
      refreshTokenRotation: { retryGracePeriodSeconds: 10 },
      oAuthFlows: [OAuthFlow.AUTHORIZATION_CODE, OAuthFlow.IMPLICIT],
      readAttributes: ['email', 'name'],
      writeAttributes: ['name'],
    });
    const c: any = Object.values(resources(synth(stack), 'aws_cognito_user_pool_client'))[0];
    expect(c).toMatchObject({
      allowed_oauth_scopes: ['openid'],
      // Rotation replaces the refresh flow: AWS refuses both.
      explicit_auth_flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'],
      access_token_validity: 1,
      id_token_validity: 15,
      token_validity_units: [{ access_token: 'hours', id_token: 'minutes', refresh_token: 'hours' }],
      prevent_user_existence_errors: 'LEGACY',
      refresh_token_rotation: [{ feature: 'ENABLED', retry_grace_period_seconds: 10 }],
      allowed_oauth_flows: ['code', 'implicit'],
      read_attributes: ['email', 'name'],
      write_attributes: ['name'],
      generate_secret: false,
    });
  });

  test('the implicit flow is there only when asked for, with a warning', () => {
    const { stack, pool } = poolWithApi();
    const quiet = pool.addClient('spa', { preset: ClientPreset.SPA, callbackUrls: ['https://a.example.com/'] });
    const loud = pool.addClient('legacy', { preset: ClientPreset.SPA, callbackUrls: ['https://a.example.com/'], oAuthFlows: [OAuthFlow.IMPLICIT] });
    synth(stack);
    expect(quiet.node.metadata).toEqual([]);
    expect(loud.node.metadata.map((m) => m.data)).toEqual([expect.stringContaining('implicit flow')]);
  });

  test('a custom attribute a public client may write is a warning; the public presets write none, confidential clients are quiet', () => {
    const stack = testStack();
    const pool = new UserPool(stack, 'pool', {
      userPoolName: 'tenants',
      customAttributes: { tenant: new StringAttribute({ mutable: false }), plan: new StringAttribute() },
    });
    pool.addDomain('domain', { prefix: 'acme-tenants' });
    const spa = pool.addClient('spa', { preset: ClientPreset.SPA, callbackUrls: ['https://a.example.com/'] });
    const listed = pool.addClient('listed', {
      preset: ClientPreset.NATIVE,
      callbackUrls: ['com.example.app://cb'],
      writeAttributes: ['name', 'custom:tenant'],
    });
    const everything = pool.addClient('everything', { generateSecret: false });
    const web = pool.addClient('web', { preset: ClientPreset.WEB, callbackUrls: ['https://a.example.com/'], writeAttributes: ['custom:tenant'] });
    const rendered = Object.values(resources(synth(stack), 'aws_cognito_user_pool_client')) as any[];
    expect(rendered.find((c) => c.name === 'spa').write_attributes.filter((a: string) => a.startsWith('custom:'))).toEqual([]);
    expect([spa, web].map((c) => c.node.metadata)).toEqual([[], []]);
    expect(listed.node.metadata.map((m) => m.data)).toEqual([
      expect.stringMatching(
        /^This public client \(no secret\) lets its users write custom:tenant about themselves\..*leave it out of writeAttributes/,
      ),
    ]);
    expect(everything.node.metadata.map((m) => m.data)).toEqual([expect.stringContaining('write custom:tenant, custom:plan about themselves')]);
  });

  test('without a preset: no OAuth, SRP and refresh, every unit explicit', () => {
    const { stack, pool } = poolWithApi();
    pool.addClient('plain');
    const c: any = Object.values(resources(synth(stack), 'aws_cognito_user_pool_client'))[0];
    expect(c.allowed_oauth_flows_user_pool_client).toBe(false);
    expect(c.allowed_oauth_flows).toBeUndefined();
    expect(c.explicit_auth_flows).toEqual(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(c.token_validity_units).toEqual([{ access_token: 'minutes', id_token: 'minutes', refresh_token: 'days' }]);
  });

  test('the preset names are the closed set ClientPreset', () => {
    expect(Object.values(ClientPreset).sort()).toEqual(['machine', 'native', 'spa', 'web']);
  });
});
