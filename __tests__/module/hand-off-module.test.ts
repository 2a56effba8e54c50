import { writeFileSync } from 'fs';
import { join } from 'path';
import { PoolConfig, poolSchema } from '../../src/app/config-schema';
import { buildPool } from '../../src/app/pool-from-config';
import { moduleConfig } from '../../src/module/build-module';
import { checkOffline } from '../../src/terraform/offline';
import { synth, testStack } from '../support/stack';
import { terraformIt } from '../support/terraform';
import { addProvider, copyModule, initValidatePlan } from './module-support';

/**
 * A client's secret hand-off through the Terraform module (`clients[*].secret_hand_off`): the same key,
 * secret, value and policy as the library's `ClientSecretHandOff`, keyed like the clients.
 */

const READERS = ['444455556666', 'arn:aws:iam::444455556666:role/api'];
const HAND_OFF_TYPES = ['aws_kms_key', 'aws_secretsmanager_secret', 'aws_secretsmanager_secret_version', 'aws_secretsmanager_secret_policy'];

describe('the module hands client credentials off as the library does', () => {
  const config = moduleConfig();

  test("the key and secret policies are the library's statements, with the readers' account ids as root principals", () => {
    const keyPolicy: string = config.resource.aws_kms_key.hand_off.policy;
    for (const sid of ['OwningAccountAdministers', 'ReadersDecryptThroughSecretsManagerOnly', 'kms:EncryptionContext:SecretARN', 'kms:ViaService'])
      expect(keyPolicy).toContain(sid);
    expect(keyPolicy).toContain(':iam::${r}:root');
    expect(config.resource.aws_secretsmanager_secret_policy.this.policy).toContain('NamedReadersOnly');
    expect(config.output.hand_off_secret_arns.value).toBe('${{ for k, s in aws_secretsmanager_secret.this : k => s.arn }}');
  });
});

terraformIt(
  'a machine client with secret_hand_off plans the key, secret, value and policy of the library; other clients have none',
  () => {
    const dir = copyModule();
    addProvider(dir);
    const module = {
      name: 'hand-off',
      domain: { prefix: 'hand-off-auth' },
      resource_servers: { orders: { identifier: 'https://orders.example.com', scopes: { read: 'Read orders' } } },
      clients: {
        worker: { preset: 'machine', scopes: ['https://orders.example.com/read'], secret_hand_off: { readers: READERS } },
        web: { preset: 'spa', callback_urls: ['https://app.example.com/callback'] },
      },
    };
    writeFileSync(join(dir, 'hand-off.tfvars.json'), JSON.stringify(module));
    const fromModule = initValidatePlan(dir, 'hand-off.tfvars.json');

    const stack = testStack();
    const library = {
      userPoolName: 'hand-off',
      domain: { prefix: 'hand-off-auth' },
      resourceServers: { orders: { identifier: 'https://orders.example.com', scopes: { read: 'Read orders' } } },
      clients: {
        worker: { preset: 'machine', scopes: ['orders/read'], secretHandOff: { readers: READERS } },
        web: { preset: 'spa', callbackUrls: ['https://app.example.com/callback'] },
      },
    };
    expect(buildPool(stack, 'pool', poolSchema.parse(library) as PoolConfig, 'pool', new Map())).toEqual([]);
    const fromLibrary = checkOffline(synth(stack)).plan;

    const changes = (plan: any, type: string) => plan.resource_changes.filter((c: any) => c.type === type);
    for (const type of HAND_OFF_TYPES) {
      // The key is `hand_off` (`this` is the triggers' sender key).
      const name = type === 'aws_kms_key' ? 'hand_off' : 'this';
      expect({ type, addresses: changes(fromModule, type).map((c: any) => c.address) }).toEqual({ type, addresses: [`${type}.${name}["worker"]`] });
      // What both know at plan time (the module reads partition, region and account from the pool's ARN,
      // so its policies are known only at apply; the references between the four differ in spelling).
      const known = (c: any) => {
        const {
          policy: _policy,
          kms_key_id: _key,
          secret_id: _id,
          secret_arn: _arn,
          secret_string: _value,
          tags: _t,
          tags_all: _ta,
          ...rest
        } = c.change.after;
        return rest;
      };
      expect({ type, values: known(changes(fromModule, type)[0]) }).toEqual({ type, values: known(changes(fromLibrary, type)[0]) });
    }
    expect(changes(fromModule, 'aws_secretsmanager_secret')[0].change.after.name).toBe('cognito/hand-off/worker');
    // The value holds the client secret: the provider marks it sensitive, so no plan output shows it.
    expect(changes(fromModule, 'aws_secretsmanager_secret_version')[0].change.after_sensitive.secret_string).toBe(true);
  },
  240_000,
);
