import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { synthesizeConfig } from '../../src/app/synthesize';
import { ValidationError } from '../../src/core/problem';
import { checkOffline } from '../../src/terraform/offline';
import { resources } from '../support/stack';
import { terraformIt } from '../support/terraform';

const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-app-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Synthesizes the shipped default configuration once for the whole file. */
const outdir = join(work, 'out');
const stacks = synthesizeConfig({ configFile: 'config/default.yaml', outdir });
const stack = (name: string) => JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));

function writeConfig(name: string, config: object): string {
  const file = join(work, name);
  writeFileSync(file, stringify(config));
  return file;
}

describe('one stack per environment', () => {
  test('every environment of the default configuration, in stable, folder-safe names', () => {
    // The bootstrap stacks (the pipeline's roles, one per account) come with them: see __tests__/bootstrap.
    const all = ['bootstrap-111111111111', 'bootstrap-222222222222', 'dev', 'prod', 'staging'];
    expect(stacks.map((s) => s.name)).toEqual(all);
    expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(all);
  });

  test('the provider is locked to the environment account, tags everything, and assumes no role: with bootstrap the pipeline job holds it', () => {
    expect(stack('prod').provider.aws).toEqual([
      {
        region: 'eu-central-1',
        allowed_account_ids: ['222222222222'],
        default_tags: [{ tags: { 'managed-by': 'cdktf-cognito', service: 'identity', environment: 'prod' } }],
      },
    ]);
    expect(stack('dev').provider.aws[0].allowed_account_ids).toEqual(['111111111111']);
  });

  test('state in S3: a key per stack, encrypted, natively locked, through the state role', () => {
    for (const name of ['dev', 'staging', 'prod']) {
      expect(stack(name).terraform.backend).toEqual({
        s3: {
          bucket: 'example-terraform-state',
          region: 'eu-west-1',
          key: `cognito/${name}/terraform.tfstate`,
          encrypt: true,
          use_lockfile: true,
          assume_role: { role_arn: 'arn:aws:iam::999999999999:role/terraform-state' },
        },
      });
    }
  });

  test('nothing reads AWS at plan time: no data source at all (the partition comes from the region)', () => {
    for (const name of ['dev', 'staging', 'prod']) expect(Object.keys(stack(name).data ?? {})).toEqual([]);
  });

  test('every preset, a resource server, a domain and triggers in every stack; overrides per environment', () => {
    for (const name of ['dev', 'staging', 'prod']) {
      const clients = Object.values(resources(stack(name), 'aws_cognito_user_pool_client'))
        .map((c: any) => c.name)
        .sort();
      expect(clients).toEqual(['mobile', 'orders-worker', 'portal', 'spa']);
      expect(Object.keys(resources(stack(name), 'aws_cognito_resource_server'))).toHaveLength(1);
      expect(Object.keys(resources(stack(name), 'aws_cognito_user_pool_domain'))).toHaveLength(1);
      expect(Object.keys(resources(stack(name), 'aws_lambda_permission'))).toHaveLength(2);
      expect(Object.values(resources(stack(name), 'aws_cognito_user_group')).map((g: any) => [g.name, g.precedence])).toEqual([
        ['admins', 1],
        ['staff', 10],
      ]);
    }
    const spa = (name: string) => (Object.values(resources(stack(name), 'aws_cognito_user_pool_client')) as any[]).find((c) => c.name === 'spa');
    expect(spa('dev').callback_urls).toContain('http://localhost:5173/callback');
    expect(spa('prod').callback_urls).toEqual(['https://app.example.com/callback']);
    const pool = (name: string) => Object.values(resources(stack(name), 'aws_cognito_user_pool'))[0] as any;
    expect([pool('dev').mfa_configuration, pool('prod').mfa_configuration]).toEqual(['OPTIONAL', 'ON']);
    // The strict security profile: ENFORCED for standard and custom authentication.
    expect(pool('prod').user_pool_add_ons).toEqual({
      advanced_security_mode: 'ENFORCED',
      advanced_security_additional_flows: { custom_auth_mode: 'ENFORCED' },
    });
    expect(Object.keys(resources(stack('prod'), 'aws_secretsmanager_secret'))).toHaveLength(1);
  });

  test('no absolute machine path in any output file', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    for (const file of files(outdir).filter((f) => /\.(json|tf)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      expect({ file, absolute: [process.cwd(), tmpdir(), '/home/', '/root/'].filter((p) => text.includes(p)) }).toEqual({ file, absolute: [] });
    }
  });

  test('construct warnings are returned with their construct paths', () => {
    expect(stacks.flatMap((s) => s.warnings)).toEqual([]);
    const file = writeConfig('warn.yaml', {
      backend: { bucket: 'state', region: 'eu-west-1' },
      environments: [{ name: 'tmp', accountId: '111111111111', region: 'eu-west-1', pool: { dangerouslyAllowDeletionOfAllUsers: true } }],
    });
    const [tmp] = synthesizeConfig({ configFile: file, outdir: join(work, 'warn') });
    expect(tmp.warnings).toEqual([expect.stringMatching(/^\[tmp\/pool\] dangerouslyAllowDeletionOfAllUsers is on: .*deletes every user/)]);
  });

  test('one environment can be synthesized alone', () => {
    const alone = join(work, 'alone');
    expect(synthesizeConfig({ configFile: 'config/default.yaml', outdir: alone, environments: ['staging'] }).map((s) => s.name)).toEqual([
      'bootstrap-111111111111',
      'staging',
    ]);
    expect(readdirSync(join(alone, 'stacks'))).toEqual(['bootstrap-111111111111', 'staging']);
  });
});

describe('problems are reported at their configuration path, all at once', () => {
  test('construct rules map onto the file: pool, client, domain, trigger and an unknown scope', () => {
    const file = writeConfig('bad.yaml', {
      backend: { bucket: 'state', region: 'eu-west-1' },
      defaults: { region: 'eu-west-1' },
      environments: [
        { name: 'dev', accountId: '111111111111', pool: { passwordPolicy: { minLength: 4 } } },
        {
          name: 'prod',
          accountId: '222222222222',
          pool: {
            domain: { prefix: 'my-cognito' },
            resourceServers: { orders: { identifier: 'https://orders.example.com', scopes: { read: 'Read' } } },
            groups: { 'has space': { precedence: -1 } },
            clients: {
              web: { preset: 'spa', callbackUrls: ['http://app.example.com/cb'] },
              worker: { preset: 'machine', scopes: ['orders/raed'] },
              cli: { preset: 'machine', scopes: ['billing/read'] },
            },
            triggers: { preSignUp: { handler: { functionArn: 'arn:aws:lambda:eu-west-1:222222222222:function:f' }, eventVersion: 'V2_0' } },
          },
        },
      ],
    });
    let error: unknown;
    try {
      synthesizeConfig({ configFile: file, outdir: join(work, 'never') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      'environments[0].pool.passwordPolicy.minLength: must be a whole number from 6 to 99; received 4. Fix: use a whole number from 6 to 99',
      expect.stringMatching(
        /^environments\[1\]\.pool\.clients\.cli\.scopes\[0\]: must be a standard scope or "<resource server key>\/<scope>" of a resource server of this pool; received "billing\/read"\. Fix: use one of openid, .*orders\/read$/,
      ),
      'environments[1].pool.triggers.preSignUp.eventVersion: the preSignUp trigger takes no event version; received "V2_0". Fix: remove eventVersion',
      'environments[1].pool.domain.prefix: may not contain the reserved word cognito; received "my-cognito". Fix: choose a prefix without aws, amazon or cognito',
      'environments[1].pool.groups["has space"].groupName: may not contain spaces or control characters; received "has space". Fix: remove them from the name',
      'environments[1].pool.groups["has space"].precedence: must be a whole number from 0 to 2147483647; received -1. Fix: use a whole number from 0 to 2147483647',
      'environments[1].pool.clients.web.callbackUrls[0]: plain http is allowed only for http://localhost; received "http://app.example.com/cb". Fix: use https://app.example.com/cb',
      'environments[1].pool.clients.worker.scopes[0]: resource server https://orders.example.com has no scope "raed"; received "https://orders.example.com/raed". Fix: use one of ["read"], or add the scope to the server',
    ]);
    expect(existsSync(join(work, 'never'))).toBe(false);
  });
});

describe('a failed synth leaves the previous output untouched', () => {
  test('the earlier output survives byte for byte, and no staging folder is left behind', () => {
    const out = join(work, 'kept');
    synthesizeConfig({ configFile: 'config/default.yaml', outdir: out, environments: ['dev'] });
    const before = readFileSync(join(out, 'stacks', 'dev', 'cdk.tf.json'), 'utf8');
    const bad = writeConfig('typo.yaml', {
      backend: { bucket: 'state', region: 'eu-west-1' },
      environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1', pool: { mfa: 'ALWAYS' } }],
    });
    expect(() => synthesizeConfig({ configFile: bad, outdir: out })).toThrow(/environments\[0\]\.pool\.mfa: must be one of/);
    expect(readFileSync(join(out, 'stacks', 'dev', 'cdk.tf.json'), 'utf8')).toBe(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.cdktf-cognito-') && f !== '.cdktf-cognito-output.json')).toEqual([]);
  });

  test('a successful synth replaces the output whole (no stale stack left)', () => {
    const out = join(work, 'replaced');
    synthesizeConfig({ configFile: 'config/default.yaml', outdir: out });
    synthesizeConfig({ configFile: 'config/default.yaml', outdir: out, environments: ['prod'] });
    expect(readdirSync(join(out, 'stacks'))).toEqual(['bootstrap-222222222222', 'prod']);
  });
});

describe('terraform accepts every stack of the default configuration', () => {
  for (const name of ['dev', 'staging', 'prod']) {
    terraformIt(`${name}: init, validate and offline plan`, () => {
      const { plan } = checkOffline(stack(name));
      expect(plan.resource_changes.length).toBeGreaterThan(10);
      expect(plan.resource_changes.every((c: any) => c.change.actions.join() === 'create')).toBe(true);
    });
  }
});
