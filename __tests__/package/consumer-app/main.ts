// A consumer's app, compiled with a strict tsconfig against the installed package (not the sources).
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import {
  AwsEnvironment,
  ClientPreset,
  IUserPool,
  OAuthScope,
  ResourceServerScope,
  TriggerCode,
  TriggerOperation,
  UserPool,
  UserPoolClient,
} from 'cdktf-cognito';

/** A construct of the consumer's own, written against the interface. */
function addReportsClient(pool: IUserPool): UserPoolClient {
  return new UserPoolClient(pool, 'reports', { userPool: pool, preset: ClientPreset.WEB, callbackUrls: ['https://reports.example.com/callback'] });
}

const app = new App({ outdir: 'cdktf.out' });
const stack = new TerraformStack(app, 'auth');
new AwsProvider(stack, 'aws', { region: 'eu-west-1', allowedAccountIds: ['111122223333'] });
AwsEnvironment.declare(stack, { accountId: '111122223333', region: 'eu-west-1' });

const pool = new UserPool(stack, 'pool', { userPoolName: 'consumer-prod' });
pool.addDomain('domain', { prefix: 'consumer-prod-111122223333' });
const read = new ResourceServerScope('read', 'Read orders');
const orders = pool.addResourceServer('orders', { identifier: 'https://orders.example.com', scopes: [read] });
pool.addClient('web', { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/callback'] });
pool.addClient('worker', { preset: ClientPreset.MACHINE, scopes: [OAuthScope.resourceServer(orders, read)] });
pool.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.emailDomainAllowlist(['example.com']));
addReportsClient(pool);

const shared = UserPool.fromUserPoolId(stack, 'shared', 'eu-west-1_AbCdEf123', { domainBaseUrl: 'https://acme.auth.eu-west-1.amazoncognito.com' });
addReportsClient(shared);

app.synth();
console.log(`synthesized ${pool.node.path} and ${shared.node.path}`);
