import { ClientPreset, OAuthScope, ResourceServerScope, UserPool, UserPoolResourceServer } from '../../src';
import { TerraformStack } from '../../src/engine';
import { testStack } from '../support/stack';

/** A pool with a prefix domain and an orders API: what most client tests start from. */
export function poolWithApi(stack: TerraformStack = testStack()): {
  stack: TerraformStack;
  pool: UserPool;
  api: UserPoolResourceServer;
  read: ResourceServerScope;
} {
  const pool = new UserPool(stack, 'pool', { userPoolName: 'clients' });
  pool.addDomain('domain', { prefix: 'acme-test-auth' });
  const read = new ResourceServerScope('read', 'Read orders');
  const api = pool.addResourceServer('orders', {
    identifier: 'https://orders.example.com',
    scopes: [read, new ResourceServerScope('write', 'Change orders')],
  });
  return { stack, pool, api, read };
}

/** One client of every preset, with the settings each needs. */
export function everyPreset(pool: UserPool, api: UserPoolResourceServer, read: ResourceServerScope): void {
  pool.addClient('spa', {
    preset: ClientPreset.SPA,
    callbackUrls: ['https://app.example.com/callback', 'http://localhost:5173/callback'],
    logoutUrls: ['https://app.example.com/'],
  });
  pool.addClient('web', {
    preset: ClientPreset.WEB,
    callbackUrls: ['https://portal.example.com/oauth/callback'],
    defaultRedirectUri: 'https://portal.example.com/oauth/callback',
  });
  pool.addClient('native', { preset: ClientPreset.NATIVE, callbackUrls: ['com.example.app://callback'], logoutUrls: ['com.example.app://signout'] });
  pool.addClient('machine', {
    preset: ClientPreset.MACHINE,
    scopes: [OAuthScope.resourceServer(api, read)],
    secretHandOff: { readers: ['444455556666', 'arn:aws:iam::777788889999:role/orders-reader'] },
  });
}
