import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { stringify } from 'yaml';
import { resources, synth, testStack, validationErrors } from '../support/stack';
import { ClientPreset, StringAttribute, UserPool } from '../../src';
import { resolveClientAttributes } from '../../src/client/client-attributes';
import { synthesizeConfig } from '../../src/app/synthesize';
import { TerraformVariable } from '../../src/engine';

function poolWithTenant() {
  const stack = testStack();
  const pool = new UserPool(stack, 'pool', {
    userPoolName: 'p',
    customAttributes: { tenant: new StringAttribute({ mutable: false }), plan: new StringAttribute() },
  });
  return { stack, pool };
}

describe('typed client attributes', () => {
  test('standard attributes in either spelling, custom ones by name: Cognito names, custom: added, each once', () => {
    const { stack, pool } = poolWithTenant();
    pool.addClient('web', {
      generateSecret: true,
      readAttributes: ['email', 'givenName', 'family_name', 'email_verified', 'tenant', 'custom:tenant'],
      writeAttributes: ['givenName', 'plan'],
    });
    const client = Object.values(resources(synth(stack), 'aws_cognito_user_pool_client'))[0] as {
      read_attributes: string[];
      write_attributes: string[];
    };
    expect(client.read_attributes.sort()).toEqual(['custom:tenant', 'email', 'email_verified', 'family_name', 'given_name']);
    expect(client.write_attributes.sort()).toEqual(['custom:plan', 'given_name']);
  });

  test('a name the pool does not have fails synth, at its index, with the names it has', () => {
    const { stack, pool } = poolWithTenant();
    pool.addClient('web', { generateSecret: true, readAttributes: ['email', 'tenat'], writeAttributes: ['custom:role'] });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(
        /readAttributes\[1\]: must be a standard attribute or a custom attribute of the pool; received "tenat"\. Fix: use one of the pool's custom attributes \(custom:tenant, custom:plan\)/,
      ),
      expect.stringMatching(/writeAttributes\[0\]: must be a standard attribute or a custom attribute of the pool; received "custom:role"/),
    ]);
  });

  test('a pool without custom attributes says so in the fix', () => {
    expect(resolveClientAttributes('readAttributes', ['tenant'], []).problems[0]?.fix).toMatch(/it has none: declare it in customAttributes/);
  });

  test('an imported pool: custom:<name> as given; a bare unknown name fails; the listed custom attributes resolve', () => {
    const stack = testStack();
    const unknown = UserPool.fromUserPoolId(stack, 'unknown', 'eu-west-1_Abc', { domainBaseUrl: 'https://a.auth.eu-west-1.amazoncognito.com' });
    unknown.addClient('ok', { generateSecret: true, readAttributes: ['custom:tenant'] });
    unknown.addClient('bad', { generateSecret: true, readAttributes: ['tenant'] });
    const listed = UserPool.fromUserPoolId(stack, 'listed', 'eu-west-1_Def', { customAttributes: ['tenant'] });
    listed.addClient('named', { generateSecret: true, readAttributes: ['tenant'] });
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(
        /\[test\/unknown\/bad\] readAttributes\[0\]: .*received "tenant"\. Fix: .*write custom:tenant, or list the pool's customAttributes/,
      ),
    ]);
  });

  test('the public presets write standard attributes only, and still resolve', () => {
    const { stack, pool } = poolWithTenant();
    pool.addDomain('domain', { prefix: 'acme-attrs-111122223333' });
    const spa = pool.addClient('spa', { preset: ClientPreset.SPA, callbackUrls: ['https://a.example.com/cb'] });
    expect(validationErrors(stack)).toEqual([]);
    expect(spa.settings.writeAttributes).toContain('given_name');
    expect(spa.settings.writeAttributes?.some((a) => a.startsWith('custom:'))).toBe(false);
  });

  test('a Terraform variable passes through unresolved (the module)', () => {
    const { stack, pool } = poolWithTenant();
    const names = new TerraformVariable(stack, 'read', { type: 'list(string)' }).listValue;
    pool.addClient('web', { generateSecret: true, readAttributes: names });
    expect((Object.values(resources(synth(stack), 'aws_cognito_user_pool_client'))[0] as { read_attributes: unknown }).read_attributes).toBe(
      '${(length(var.read) >= 1) ? var.read : null}',
    ); // nonEmpty: an empty list is left out
  });

  test('in the configuration file: custom attributes by name, a wrong one at its path', () => {
    const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-attrs-'));
    try {
      const file = join(work, 'c.yaml');
      const pool = {
        customAttributes: { tenant: { type: 'String' } },
        clients: { app: { generateSecret: true, readAttributes: ['email', 'tenant'] } },
      };
      writeFileSync(file, stringify({ environments: [{ name: 'dev', accountId: '111111111111', region: 'eu-west-1', pool }] }));
      synthesizeConfig({ configFile: file, outdir: join(work, 'out') });
      writeFileSync(
        file,
        stringify({
          environments: [
            {
              name: 'dev',
              accountId: '111111111111',
              region: 'eu-west-1',
              pool: { ...pool, clients: { app: { generateSecret: true, readAttributes: ['tenants'] } } },
            },
          ],
        }),
      );
      expect(() => synthesizeConfig({ configFile: file, outdir: join(work, 'out') })).toThrow(
        /environments\[0\]\.pool\.clients\.app\.readAttributes\[0\]: must be a standard attribute or a custom attribute of the pool; received "tenants"/,
      );
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
