import {
  checkIdentityProvider,
  ClientPreset,
  formatProblem,
  IdentityProviderType,
  PROVIDER_SETTINGS,
  providerDetailsOf,
  StringAttribute,
  UserPool,
} from '../../src';
import { ref, TerraformVariable, Token } from '../../src/engine';
import { checkOffline } from '../../src/terraform/offline';
import { onlyResource, resources, synth, testStack, validationErrors } from '../support/stack';
import { terraformIt } from '../support/terraform';

/** A secret as code must pass it: a reference to a (sensitive) Terraform variable. */
const SECRET_REF = Token.asString(ref('var.google_client_secret'));
/** A value that must never appear in a message. */
const LITERAL = 'literal-secret-value-7f3a';

const GOOGLE = {
  providerName: 'Google',
  providerType: IdentityProviderType.GOOGLE,
  settings: { clientId: 'id.apps.googleusercontent.com', clientSecret: SECRET_REF },
  attributeMapping: { email: 'email', username: 'sub' },
};
const SAML = {
  providerName: 'AcmeSAML',
  providerType: IdentityProviderType.SAML,
  settings: { metadataUrl: 'https://idp.example.com/metadata.xml', idpInitiated: true, requestSigningAlgorithm: 'rsa-sha256' },
  idpIdentifiers: ['example.com'],
};
const OIDC = {
  providerName: 'Corp',
  providerType: IdentityProviderType.OIDC,
  settings: { clientId: 'corp-client', clientSecret: SECRET_REF, issuerUrl: 'https://login.example.com' },
};

/** A pool with a prefix domain, Google and SAML, and an SPA client listing both. */
function federated(clientFirst: boolean) {
  const stack = testStack();
  const secret = new TerraformVariable(stack, 'google_client_secret', { type: 'string', sensitive: true });
  const pool = new UserPool(stack, 'pool', { userPoolName: 'federated', customAttributes: { tenant: new StringAttribute({ mutable: true }) } });
  pool.addDomain('domain', { prefix: 'acme-federated' });
  const addClient = () =>
    pool.addClient('web', {
      preset: ClientPreset.SPA,
      callbackUrls: ['https://app.example.com/cb'],
      identityProviders: ['COGNITO', 'Google', 'AcmeSAML'],
    });
  if (clientFirst) addClient();
  pool.addIdentityProvider('google', {
    ...GOOGLE,
    settings: { ...GOOGLE.settings, clientSecret: secret.stringValue },
    attributeMapping: { ...GOOGLE.attributeMapping, 'custom:tenant': 'hd' },
  });
  pool.addIdentityProvider('saml', SAML);
  if (!clientFirst) addClient();
  return { stack, config: synth(stack) };
}

const problems = (props: Parameters<typeof checkIdentityProvider>[0], ctx?: Parameters<typeof checkIdentityProvider>[1]) =>
  checkIdentityProvider(props, ctx).map((p) => formatProblem(p));

describe('identity providers', () => {
  test("typed settings become the API details, with defaults and each provider's list separator", () => {
    expect(providerDetailsOf(IdentityProviderType.GOOGLE, { clientId: 'a', clientSecret: 'b' })).toEqual({
      client_id: 'a',
      client_secret: 'b',
      authorize_scopes: 'openid email profile',
    });
    expect(providerDetailsOf(IdentityProviderType.FACEBOOK, { clientId: 'a', clientSecret: 'b', apiVersion: 'v17.0' })).toEqual({
      client_id: 'a',
      client_secret: 'b',
      authorize_scopes: 'public_profile, email',
      api_version: 'v17.0',
    });
    expect(providerDetailsOf(IdentityProviderType.SAML, { metadataFile: '<xml/>', idpSignOut: false, encryptedResponses: true })).toEqual({
      MetadataFile: '<xml/>',
      IDPSignout: 'false',
      EncryptedResponses: 'true',
    });
    expect(providerDetailsOf(IdentityProviderType.OIDC, { clientId: 'a', issuerUrl: 'https://i.example.com', scopes: ['openid'] })).toEqual({
      client_id: 'a',
      oidc_issuer: 'https://i.example.com',
      authorize_scopes: 'openid',
      attributes_request_method: 'GET',
    });
  });

  test('every kind marks its credentials secret, and only those', () => {
    const secrets = Object.fromEntries(
      Object.entries(PROVIDER_SETTINGS).map(([type, settings]) => [type, settings.filter((s) => s.secret).map((s) => s.detail)]),
    );
    expect(secrets).toEqual({
      Google: ['client_secret'],
      Facebook: ['client_secret'],
      LoginWithAmazon: ['client_secret'],
      SignInWithApple: ['private_key'],
      OIDC: ['client_secret'],
      SAML: [],
    });
  });

  test('rendered with the keys AWS adds ignored, unless configured; the secret stays a variable reference', () => {
    const providers = Object.values(resources(federated(false).config, 'aws_cognito_identity_provider')) as any[];
    const google = providers.find((p) => p.provider_name === 'Google');
    expect(google).toMatchObject({
      provider_type: 'Google',
      provider_details: {
        client_id: 'id.apps.googleusercontent.com',
        client_secret: '${var.google_client_secret}',
        authorize_scopes: 'openid email profile',
      },
    });
    expect(google.attribute_mapping).toEqual({ email: 'email', username: 'sub', 'custom:tenant': 'hd' });
    expect(google.lifecycle.ignore_changes).toEqual([
      'provider_details["attributes_url"]',
      'provider_details["attributes_url_add_attributes"]',
      'provider_details["authorize_url"]',
      'provider_details["oidc_issuer"]',
      'provider_details["token_request_method"]',
      'provider_details["token_url"]',
    ]);
    const saml = providers.find((p) => p.provider_name === 'AcmeSAML');
    expect(saml).toMatchObject({
      provider_type: 'SAML',
      idp_identifiers: ['example.com'],
      provider_details: { MetadataURL: 'https://idp.example.com/metadata.xml', IDPInit: 'true', RequestSigningAlgorithm: 'rsa-sha256' },
    });
    expect(saml.lifecycle.ignore_changes).toEqual([
      'provider_details["ActiveEncryptionCertificate"]',
      'provider_details["SLORedirectBindingURI"]',
      'provider_details["SSORedirectBindingURI"]',
    ]);
  });

  test('OIDC with explicit endpoints ignores only what AWS adds beyond them', () => {
    const stack = testStack();
    const pool = new UserPool(stack, 'pool', { userPoolName: 'oidc' });
    const endpoints = {
      authorizeUrl: 'https://login.example.com/auth',
      tokenUrl: 'https://login.example.com/token',
      userInfoUrl: 'https://login.example.com/userinfo',
      jwksUri: 'https://login.example.com/jwks',
    };
    pool.addIdentityProvider('corp', { ...OIDC, settings: { ...OIDC.settings, ...endpoints } });
    const corp = onlyResource(synth(stack), 'aws_cognito_identity_provider');
    expect(corp.provider_details).toMatchObject({
      authorize_url: endpoints.authorizeUrl,
      attributes_url: endpoints.userInfoUrl,
      jwks_uri: endpoints.jwksUri,
      token_url: endpoints.tokenUrl,
    });
    expect(corp.lifecycle.ignore_changes).toEqual(['provider_details["attributes_url_add_attributes"]']);
  });

  test.each([true, false])('a client depends on the providers it lists (client created first: %s)', (clientFirst) => {
    const { config } = federated(clientFirst);
    const ids = Object.keys(resources(config, 'aws_cognito_identity_provider'))
      .map((id) => `aws_cognito_identity_provider.${id}`)
      .sort();
    expect([...onlyResource(config, 'aws_cognito_user_pool_client').depends_on].sort()).toEqual(ids);
  });

  test('a pool created here knows its immutable attributes by their Cognito names', () => {
    const stack = testStack();
    const pool = new UserPool(stack, 'pool', {
      userPoolName: 'p',
      standardAttributes: { givenName: { mutable: false }, email: { required: true } },
      customAttributes: { plan: new StringAttribute({ mutable: false }), tenant: new StringAttribute({ mutable: true }) },
    });
    expect(pool.known.immutableAttributes).toEqual(['given_name', 'custom:plan']);
    pool.addIdentityProvider('google', { ...GOOGLE, attributeMapping: { given_name: 'given_name' } });
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/attributeMapping\.given_name: maps to an attribute that cannot change/)]);
  });

  test('a client naming a provider the pool does not have fails synth, naming the ones it has', () => {
    const stack = testStack();
    const pool = new UserPool(stack, 'pool', { userPoolName: 'p' });
    pool.addDomain('domain', { prefix: 'acme-p' });
    pool.addIdentityProvider('google', GOOGLE);
    pool.addClient('web', { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/cb'], identityProviders: ['COGNITO', 'Gogle'] });
    expect(validationErrors(stack)).toEqual([
      expect.stringContaining('identityProviders[1]: names no identity provider of the pool; received "Gogle". Fix: use one of COGNITO, Google'),
    ]);
  });

  test.each([
    ['Google', GOOGLE, []],
    ['SAML', SAML, []],
    ['OIDC', OIDC, []],
    [
      'a leading underscore',
      { ...GOOGLE, providerName: '_Google' },
      [
        /^providerName: must be 3 to 32 characters and not start or end with _ or a space; received "_Google"/,
        /^providerName: a Google provider must be named Google/,
      ],
    ],
    ['COGNITO', { ...SAML, providerName: 'COGNITO' }, [/^providerName: COGNITO is the name of the pool itself/]],
    [
      'a social provider under another name',
      { ...GOOGLE, providerName: 'MyGoogle' },
      [
        /^providerName: a Google provider must be named Google \(AWS names social providers by their type\); received "MyGoogle"\. Fix: set providerName to "Google"/,
      ],
    ],
    [
      'a missing secret',
      { ...GOOGLE, settings: { clientId: 'x' } },
      [
        /^settings\.clientSecret: a Google provider needs clientSecret; received nothing \(not set\)\. Fix: set settings\.clientSecret \(client_secret\)/,
      ],
    ],
    [
      'SAML without metadata',
      { ...SAML, settings: { idpSignOut: true } },
      [
        /^settings\.metadataUrl: a SAML provider needs exactly one of metadataUrl \(MetadataURL\) or metadataFile \(MetadataFile\); received \["IDPSignout"\]/,
      ],
    ],
    [
      'SAML with both metadata forms',
      { ...SAML, settings: { metadataUrl: 'https://idp.example.com/m', metadataFile: '<x/>' } },
      [/^settings\.metadataUrl: a SAML provider needs exactly one of/],
    ],
    [
      'an unknown signing algorithm',
      { ...SAML, settings: { ...SAML.settings, requestSigningAlgorithm: 'rsa-sha1' } },
      [/^settings\.requestSigningAlgorithm: must be one of "rsa-sha256"; received "rsa-sha1"/],
    ],
    [
      'an identifier with a slash',
      { ...SAML, idpIdentifiers: ['has/slash'] },
      [/^idpIdentifiers\[0\]: may contain only letters, digits, spaces and \+ = \. @ -; received "has\/slash"/],
    ],
    [
      'a plain-http issuer',
      { ...OIDC, settings: { ...OIDC.settings, issuerUrl: 'http://login.example.com' } },
      [/^settings\.issuerUrl: must be an https:\/\/ URL; received "http:\/\/login\.example\.com"/],
    ],
    [
      'an OIDC provider without its issuer (raw details)',
      { providerName: 'Corp', providerType: IdentityProviderType.OIDC, providerDetails: { client_id: 'x', client_secret: SECRET_REF } },
      [/^settings\.issuerUrl: a OIDC provider needs issuerUrl/],
    ],
  ])('rules: %s', (_name, props, expected) => {
    expect(problems(props)).toEqual(expected.map((r) => expect.stringMatching(r)));
  });

  test.each([
    ['Google client secret', { ...GOOGLE, settings: { ...GOOGLE.settings, clientSecret: LITERAL } }, 'settings.clientSecret'],
    [
      'Apple private key',
      {
        providerName: 'SignInWithApple',
        providerType: IdentityProviderType.SIGN_IN_WITH_APPLE,
        settings: { clientId: 'com.example', teamId: 'T', keyId: 'K', privateKey: LITERAL },
      },
      'settings.privateKey',
    ],
    ['raw client_secret', { ...OIDC, providerDetails: { client_secret: LITERAL } }, 'providerDetails.client_secret'],
  ])('a literal secret (%s) is a synth error naming the setting and the fix, never the value', (_name, props, path) => {
    const found = problems(props);
    expect(found).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${path.replace('.', '\\.')}: a secret must not be written in code or configuration.*received "\\(a literal value, not shown\\)"\\. Fix: pass a sensitive Terraform variable.*TF_VAR_`,
        ),
      ),
    ]);
    expect(found.join('\n')).not.toContain(LITERAL);
  });

  describe('attribute mapping is checked against the pool', () => {
    const pool = { customAttributes: ['tenant', 'plan'], immutableAttributes: ['given_name', 'custom:plan'] };
    test.each([
      [
        { email: 'email', given_name: 'x', 'custom:tenant': 'hd', username: 'sub', email_verified: 'email_verified' },
        [/^attributeMapping\.given_name: maps to an attribute that cannot change.*Fix: remove the mapping, or make the attribute mutable/],
      ],
      [
        { 'custom:region': 'r' },
        [
          /^attributeMapping\.custom:region: maps to a custom attribute the pool does not declare; received "custom:region"\. Fix: use one of custom:tenant, custom:plan, or declare region in customAttributes/,
        ],
      ],
      [{ 'custom:plan': 'p' }, [/^attributeMapping\.custom:plan: maps to an attribute that cannot change/]],
      [
        { givenName: 'given_name' },
        [/^attributeMapping\.givenName: is not an attribute of the pool; received "givenName"\. Fix: use the Cognito name "given_name"/],
      ],
      [{ shoe_size: 'x' }, [/^attributeMapping\.shoe_size: is not an attribute of the pool/]],
    ])('%j', (attributeMapping, expected) => {
      expect(problems({ ...GOOGLE, attributeMapping }, { pool })).toEqual(expected.map((r) => expect.stringMatching(r)));
    });
  });
});

terraformIt('a pool with Google, SAML and a client listing both passes validate and plan', () => {
  const { plan } = checkOffline(federated(true).config, { variables: { google_client_secret: 'plan-only-secret' } });
  expect(plan.resource_changes.filter((c: any) => c.type === 'aws_cognito_identity_provider')).toHaveLength(2);
});
