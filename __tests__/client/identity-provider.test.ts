import { checkIdentityProvider, ClientPreset, formatProblem, IdentityProviderType, UserPool } from '../../src';
import { checkOffline } from '../../src/terraform/offline';
import { onlyResource, resources, synth, testStack } from '../support/stack';
import { terraformIt } from '../support/terraform';

const GOOGLE = { providerName: 'Google', providerType: IdentityProviderType.GOOGLE, providerDetails: { client_id: 'id.apps.googleusercontent.com', client_secret: 'from-a-sensitive-variable', authorize_scopes: 'openid email profile' }, attributeMapping: { email: 'email', username: 'sub' } };
const SAML = { providerName: 'AcmeSAML', providerType: IdentityProviderType.SAML, providerDetails: { MetadataURL: 'https://idp.example.com/metadata.xml' }, idpIdentifiers: ['example.com'] };

/** A pool with a prefix domain, Google and SAML, and an SPA client listing both. */
function federated(clientFirst: boolean) {
  const stack = testStack();
  const pool = new UserPool(stack, 'pool', { userPoolName: 'federated' });
  pool.addDomain('domain', { prefix: 'acme-federated' });
  const addClient = () => pool.addClient('web', { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/cb'], identityProviders: ['COGNITO', 'Google', 'AcmeSAML'] });
  if (clientFirst) addClient();
  pool.addIdentityProvider('google', GOOGLE);
  pool.addIdentityProvider('saml', SAML);
  if (!clientFirst) addClient();
  return { stack, config: synth(stack) };
}

describe('identity providers', () => {
  test('rendered with the keys AWS adds ignored, unless configured', () => {
    const providers = Object.values(resources(federated(false).config, 'aws_cognito_identity_provider')) as any[];
    const google = providers.find((p) => p.provider_name === 'Google');
    expect(google).toMatchObject({ provider_type: 'Google', provider_details: GOOGLE.providerDetails, attribute_mapping: GOOGLE.attributeMapping });
    expect(google.lifecycle.ignore_changes).toEqual(['provider_details["attributes_url"]', 'provider_details["attributes_url_add_attributes"]', 'provider_details["authorize_url"]', 'provider_details["oidc_issuer"]', 'provider_details["token_request_method"]', 'provider_details["token_url"]']);
    const saml = providers.find((p) => p.provider_name === 'AcmeSAML');
    expect(saml).toMatchObject({ provider_type: 'SAML', idp_identifiers: ['example.com'], lifecycle: { ignore_changes: ['provider_details["ActiveEncryptionCertificate"]'] } });
  });

  test.each([true, false])('a client depends on the providers it lists (client created first: %s)', (clientFirst) => {
    const { config } = federated(clientFirst);
    const ids = Object.keys(resources(config, 'aws_cognito_identity_provider')).map((id) => `aws_cognito_identity_provider.${id}`).sort();
    expect([...onlyResource(config, 'aws_cognito_user_pool_client').depends_on].sort()).toEqual(ids);
  });

  test.each([
    [GOOGLE, []],
    [SAML, []],
    [{ ...GOOGLE, providerName: '_Google' }, [/^providerName: must be 3 to 32 characters and not start or end with _ or a space; received "_Google"/]],
    [{ ...GOOGLE, providerName: 'COGNITO' }, [/^providerName: COGNITO is the name of the pool itself/]],
    [{ ...GOOGLE, providerDetails: { client_id: 'x', authorize_scopes: 'openid' } }, [/^providerDetails\.client_secret: a Google provider needs client_secret; received nothing \(not set\)\. Fix: set providerDetails\.client_secret/]],
    [{ ...SAML, providerDetails: { IDPSignout: 'true' } }, [/^providerDetails: a SAML provider needs MetadataURL or MetadataFile; received \["IDPSignout"\]/]],
    [{ ...SAML, idpIdentifiers: ['has/slash'] }, [/^idpIdentifiers\[0\]: may contain only letters, digits, spaces and \+ = \. @ -; received "has\/slash"/]],
    [{ ...GOOGLE, providerType: IdentityProviderType.OIDC, providerDetails: { client_id: 'x', authorize_scopes: 'openid', oidc_issuer: 'https://issuer.example.com' } }, [/^providerDetails\.attributes_request_method: a OIDC provider needs attributes_request_method/]],
  ])('rules: %j', (props, expected) => {
    expect(checkIdentityProvider(props).map((p) => formatProblem(p))).toEqual(expected.map((r) => expect.stringMatching(r)));
  });
});

terraformIt('a pool with Google, SAML and a client listing both passes validate and plan', () => {
  const { plan } = checkOffline(federated(true).config);
  expect(plan.resource_changes.filter((c: any) => c.type === 'aws_cognito_identity_provider')).toHaveLength(2);
});
