import { ClientPreset, OAuthScope } from '../../src';
import { checkOffline } from '../../src/terraform/offline';
import { onlyResource, synth, testStack, validationErrors } from '../support/stack';
import { terraformIt } from '../support/terraform';
import { everyPreset, poolWithApi } from './fixtures';

function fullConfig(): any {
  const { stack, pool, api, read } = poolWithApi();
  everyPreset(pool, api, read);
  return synth(stack);
}

describe('client outputs', () => {
  const config = fullConfig();

  test('client ids for every client; secrets only as sensitive outputs', () => {
    const outputs = config.output as Record<string, { value: string; sensitive: boolean }>;
    for (const name of ['spa', 'web', 'native', 'machine']) expect(outputs[`pool_${name}_client_id`]).toMatchObject({ sensitive: false });
    expect(
      Object.keys(outputs)
        .filter((k) => k.endsWith('_client_secret'))
        .sort(),
    ).toEqual(['pool_machine_client_secret', 'pool_web_client_secret']);
    for (const [name, output] of Object.entries(outputs)) {
      const secretRef = /client_secret\}/.test(output.value);
      expect({ name, sensitive: output.sensitive || !secretRef }).toEqual({ name, sensitive: true });
    }
  });

  test('hosted sign-in URL of a code-flow client, on the pool domain', () => {
    expect(config.output.pool_spa_sign_in_url.value).toMatch(
      /^https:\/\/\$\{aws_cognito_user_pool_domain\..+\.domain\}\.auth\.eu-west-1\.amazoncognito\.com\/login\?client_id=\$\{aws_cognito_user_pool_client\..+\.id\}&response_type=code&scope=openid\+email\+profile&redirect_uri=https%3A%2F%2Fapp\.example\.com%2Fcallback$/,
    );
    expect(config.output.pool_machine_sign_in_url).toBeUndefined();
  });
});

describe('secret hand-off across accounts', () => {
  const config = fullConfig();
  const key = onlyResource(config, 'aws_kms_key');
  const secret = onlyResource(config, 'aws_secretsmanager_secret');
  const version = onlyResource(config, 'aws_secretsmanager_secret_version');
  const policy = onlyResource(config, 'aws_secretsmanager_secret_policy');
  const readers = ['arn:aws:iam::444455556666:root', 'arn:aws:iam::777788889999:role/orders-reader'];

  test('a customer-managed key with rotation; readers may decrypt through Secrets Manager only, for this secret only', () => {
    expect(key).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(JSON.parse(key.policy).Statement).toEqual([
      { Sid: 'OwningAccountAdministers', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' },
      {
        Sid: 'ReadersDecryptThroughSecretsManagerOnly',
        Effect: 'Allow',
        Principal: { AWS: readers },
        Action: 'kms:Decrypt',
        Resource: '*',
        Condition: {
          StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' },
          StringLike: { 'kms:EncryptionContext:SecretARN': 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:cognito/clients/machine-??????' },
        },
      },
    ]);
  });

  test('the secret is encrypted with that key and readable by the named principals only', () => {
    expect(secret).toMatchObject({ name: 'cognito/clients/machine', kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/) });
    expect(policy.block_public_policy).toBe(true);
    expect(JSON.parse(policy.policy).Statement).toEqual([
      {
        Sid: 'NamedReadersOnly',
        Effect: 'Allow',
        Principal: { AWS: readers },
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: '*',
      },
    ]);
  });

  test('it holds client id, secret, token endpoint and scopes', () => {
    const value = JSON.parse(version.secret_string);
    expect(value).toEqual({
      client_id: expect.stringMatching(/^\$\{aws_cognito_user_pool_client\..+\.id\}$/),
      client_secret: expect.stringMatching(/^\$\{aws_cognito_user_pool_client\..+\.client_secret\}$/),
      token_endpoint: expect.stringMatching(/\.auth\.eu-west-1\.amazoncognito\.com\/oauth2\/token$/),
      scopes: ['https://orders.example.com/read'],
    });
  });

  test('without a declared account, the hand-off fails synth with a fix', () => {
    const stack = testStack(null);
    const { pool, api, read } = poolWithApi(stack);
    pool.addClient('m2m', {
      preset: ClientPreset.MACHINE,
      scopes: [OAuthScope.resourceServer(api, read)],
      secretHandOff: { readers: ['444455556666'] },
    });
    expect(validationErrors(stack).join('\n')).toMatch(
      /\[test\/pool\/m2m\] secretHandOff: the key policy names the owning account and region.*Fix: declare the stack's environment/,
    );
  });
});

terraformIt('every preset, a resource server, a domain and the hand-off pass validate and plan', () => {
  const { plan } = checkOffline(fullConfig());
  const types = plan.resource_changes.map((c: any) => c.type).sort();
  expect(types).toEqual([
    'aws_cognito_resource_server',
    'aws_cognito_user_pool',
    'aws_cognito_user_pool_client',
    'aws_cognito_user_pool_client',
    'aws_cognito_user_pool_client',
    'aws_cognito_user_pool_client',
    'aws_cognito_user_pool_domain',
    'aws_kms_key',
    'aws_secretsmanager_secret',
    'aws_secretsmanager_secret_policy',
    'aws_secretsmanager_secret_version',
  ]);
  // The plan JSON marks the secret output sensitive: it is never printed.
  expect(plan.planned_values.outputs.pool_machine_client_secret.sensitive).toBe(true);
});
