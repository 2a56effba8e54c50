/**
 * The engine floor for `npm run bench`: the same stacks as the benchmark configuration (see
 * `bench/bench-config.ts`), built with the provider classes directly: no construct, default, rule or
 * renderer of this project, one App in one process, Terraform JSON only (no HCL).
 *
 *   node scripts/run.js bench/floor.ts <environments> <outdir>
 *
 * Each stack holds what the app writes for one benchmark environment: the AWS provider locked to the
 * account, the S3 backend, a user pool, an SPA client, a resource server, a machine client, a prefix
 * domain and the same outputs, with the same arguments. What the app costs beyond this is this project's.
 */
import { CognitoResourceServer } from '@cdktf/provider-aws/lib/cognito-resource-server';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient, CognitoUserPoolClientConfig } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { benchEnvironment, BENCH_REGION, BENCH_STATE_BUCKET } from './bench-config';
import { App, S3Backend, TerraformOutput, TerraformStack } from '../src/engine';

const [count, outdir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(count) || count < 1 || !outdir) throw new Error('usage: floor.ts <environments> <outdir>');

const app = new App({ outdir, skipValidation: true });
for (let i = 0; i < count; i++) floorStack(app, i);
app.synth();

function floorStack(scope: App, index: number): void {
  const env = benchEnvironment(index);
  const stack = new TerraformStack(scope, env.name);
  new AwsProvider(stack, 'aws', { region: BENCH_REGION, allowedAccountIds: [env.accountId] });
  new S3Backend(stack, {
    bucket: BENCH_STATE_BUCKET,
    region: BENCH_REGION,
    key: `cdktf-cognito/${env.name}/terraform.tfstate`,
    encrypt: true,
  }).addOverride('use_lockfile', true);
  const pool = new CognitoUserPool(stack, 'pool', {
    name: env.name,
    accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
    adminCreateUserConfig: { allowAdminCreateUserOnly: true },
    autoVerifiedAttributes: ['email'],
    deletionProtection: 'ACTIVE',
    emailConfiguration: { emailSendingAccount: 'COGNITO_DEFAULT' },
    lifecycle: { preventDestroy: true },
    mfaConfiguration: 'ON',
    passwordPolicy: {
      minimumLength: 12,
      requireLowercase: true,
      requireNumbers: true,
      requireSymbols: true,
      requireUppercase: true,
      temporaryPasswordValidityDays: 3,
    },
    softwareTokenMfaConfiguration: { enabled: true },
    userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ['email'] },
    userPoolAddOns: { advancedSecurityMode: 'OFF' },
    userPoolTier: 'ESSENTIALS',
    usernameAttributes: ['email'],
    usernameConfiguration: { caseSensitive: false },
    verificationMessageTemplate: {
      defaultEmailOption: 'CONFIRM_WITH_CODE',
      emailMessage: 'Your verification code is {####}',
      emailSubject: 'Verify your email',
      smsMessage: 'Your verification code is {####}',
    },
  });
  const server = new CognitoResourceServer(stack, 'api', {
    identifier: 'https://api.example.com',
    name: 'https://api.example.com',
    scope: [{ scopeName: 'read', scopeDescription: 'Read things' }],
    userPoolId: pool.id,
  });
  const client = (id: string, config: Omit<CognitoUserPoolClientConfig, 'userPoolId' | 'name'>): CognitoUserPoolClient =>
    new CognitoUserPoolClient(stack, id, {
      name: id,
      userPoolId: pool.id,
      allowedOauthFlowsUserPoolClient: true,
      authSessionValidity: 3,
      enablePropagateAdditionalUserContextData: false,
      enableTokenRevocation: true,
      preventUserExistenceErrors: 'ENABLED',
      ...config,
    });
  const spa = client('spa', {
    accessTokenValidity: 15,
    allowedOauthFlows: ['code'],
    allowedOauthScopes: ['openid', 'email', 'profile'],
    callbackUrls: ['https://app.example.com/callback'],
    explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    generateSecret: false,
    idTokenValidity: 15,
    refreshTokenValidity: 12,
    supportedIdentityProviders: ['COGNITO'],
    tokenValidityUnits: [{ accessToken: 'minutes', idToken: 'minutes', refreshToken: 'hours' }],
  });
  const worker = client('worker', {
    accessTokenValidity: 60,
    allowedOauthFlows: ['client_credentials'],
    allowedOauthScopes: ['https://api.example.com/read'],
    dependsOn: [server],
    explicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'],
    generateSecret: true,
    idTokenValidity: 60,
    refreshTokenValidity: 1,
    tokenValidityUnits: [{ accessToken: 'minutes', idToken: 'minutes', refreshToken: 'days' }],
  });
  const domain = new CognitoUserPoolDomain(stack, 'domain', { domain: env.domainPrefix, managedLoginVersion: 1, userPoolId: pool.id });

  const hosted = `https://${domain.domain}.auth.${BENCH_REGION}.amazoncognito.com`;
  const output = (name: string, value: string, description: string, sensitive = false): void => {
    new TerraformOutput(stack, name, { value, description, sensitive });
  };
  output('pool_domain_authorize_url', `${hosted}/oauth2/authorize`, 'The OAuth 2.0 authorize endpoint');
  output('pool_domain_base_url', hosted, 'The base URL of the OAuth 2.0 endpoints and sign-in pages');
  output('pool_domain_logout_url', `${hosted}/logout`, 'The sign-out endpoint');
  output('pool_domain_token_url', `${hosted}/oauth2/token`, 'The OAuth 2.0 token endpoint');
  output('pool_issuer_url', `https://${pool.endpoint}`, 'The token issuer (iss claim)');
  output('pool_jwks_url', `https://${pool.endpoint}/.well-known/jwks.json`, 'The JSON Web Key Set that verifies tokens');
  output('pool_spa_client_id', spa.id, 'The id of client spa');
  const redirect = encodeURIComponent('https://app.example.com/callback');
  output(
    'pool_spa_sign_in_url',
    `${hosted}/login?client_id=${spa.id}&response_type=code&scope=openid+email+profile&redirect_uri=${redirect}`,
    'The hosted sign-in page of client spa',
  );
  output('pool_user_pool_arn', pool.arn, 'The user pool ARN');
  output('pool_user_pool_endpoint', pool.endpoint, 'The user pool endpoint');
  output('pool_user_pool_id', pool.id, 'The user pool id');
  output('pool_worker_client_id', worker.id, 'The id of client worker');
  output('pool_worker_client_secret', worker.clientSecret, 'The secret of client worker', true);
}
