import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { synth, testStack, validationErrors, resources } from '../support/stack';
import { terraformIt } from '../support/terraform';
import {
  ClientPreset,
  ExistingFunction,
  FeaturePlan,
  IdentityProviderType,
  IUserPool,
  OAuthScope,
  ResourceServerScope,
  TriggerCode,
  TriggerOperation,
  UserPool,
  UserPoolClient,
  UserPoolDomain,
} from '../../src';
import { AuthFlow } from '../../src/client/client-props';
import { checkOffline } from '../../src/terraform/offline';
import { TerraformVariable } from '../../src/engine';

const POOL_ID = 'eu-west-1_AbCdEf123';

describe('pools created elsewhere', () => {
  test('fromUserPoolId: the ARN, endpoint and issuer are derived without AWS, nothing of the pool is rendered', () => {
    const stack = testStack();
    const pool = UserPool.fromUserPoolId(stack, 'pool', POOL_ID, { domainBaseUrl: 'https://acme.auth.eu-west-1.amazoncognito.com' });
    expect(pool.userPoolArn).toBe(`arn:aws:cognito-idp:eu-west-1:111122223333:userpool/${POOL_ID}`);
    expect(pool.issuerUrl).toBe(`https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}`);
    expect(pool.jwksUrl).toBe(`https://cognito-idp.eu-west-1.amazonaws.com/${POOL_ID}/.well-known/jwks.json`);
    pool.addClient('web', { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/cb'] });
    const config = synth(stack);
    expect(resources(config, 'aws_cognito_user_pool')).toEqual({});
    expect(Object.values(resources(config, 'aws_cognito_user_pool_client'))[0]).toMatchObject({ user_pool_id: POOL_ID });
  });

  test('fromUserPoolArn: id, region and account come from the ARN; China gets its DNS suffix', () => {
    const stack = testStack({ accountId: '444455556666', region: 'cn-north-1' });
    const arn = 'arn:aws-cn:cognito-idp:cn-north-1:444455556666:userpool/cn-north-1_Xyz9';
    const pool = UserPool.fromUserPoolArn(stack, 'pool', arn);
    expect(pool.userPoolId).toBe('cn-north-1_Xyz9');
    expect(pool.userPoolArn).toBe(arn);
    expect(pool.endpoint).toBe('cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_Xyz9');
    expect(validationErrors(stack)).toEqual([]);
  });

  test.each([
    ['not-a-pool-id', /userPoolId: must be a user pool id, <region>_<id>; received "not-a-pool-id"/],
    ['us-east-1_Abc', /userPoolId: the pool must be in the stack's region .*received \{"pool":"us-east-1","stack":"eu-west-1"\}/],
  ])('a wrong pool id %s fails synth with a fix', (id, expected) => {
    const stack = testStack();
    UserPool.fromUserPoolId(stack, 'pool', id);
    expect(validationErrors(stack)).toEqual([expect.stringMatching(expected)]);
  });

  test('an ARN of another account or a malformed ARN fails synth', () => {
    const stack = testStack();
    UserPool.fromUserPoolArn(stack, 'other', 'arn:aws:cognito-idp:eu-west-1:999999999999:userpool/eu-west-1_Abc');
    UserPool.fromUserPoolArn(stack, 'bad', 'arn:aws:iam::111122223333:role/x');
    const errors = validationErrors(stack);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/userPoolArn: the pool must be in the stack's account/),
        expect.stringMatching(/userPoolArn: must be a user pool ARN/),
      ]),
    );
  });

  test('without a declared environment, fromUserPoolId asks for one', () => {
    const stack = testStack(null);
    UserPool.fromUserPoolId(stack, 'pool', POOL_ID);
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(/userPoolId: the pool's ARN names its account and region.*AwsEnvironment\.declare/),
    ]);
  });

  test('rules that need the feature plan use it when given, and are skipped when unknown', () => {
    const lite = testStack();
    UserPool.fromUserPoolId(lite, 'pool', POOL_ID, { featurePlan: FeaturePlan.LITE }).addClient('app', { authFlows: [AuthFlow.USER_AUTH] });
    expect(validationErrors(lite)).toEqual([expect.stringMatching(/ALLOW_USER_AUTH needs the ESSENTIALS or PLUS feature plan/)]);
    const unknown = testStack();
    UserPool.fromUserPoolId(unknown, 'pool', POOL_ID).addClient('app', { authFlows: [AuthFlow.USER_AUTH] });
    expect(validationErrors(unknown)).toEqual([]);
  });

  test('a client with OAuth flows on an imported pool without a known domain fails synth', () => {
    const stack = testStack();
    UserPool.fromUserPoolId(stack, 'pool', POOL_ID).addClient('web', { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/cb'] });
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/oAuthFlows: OAuth flows need a user pool domain/)]);
  });

  test('a domain the pool already has serves the sign-in URL and satisfies the machine client', () => {
    const stack = testStack();
    const pool = UserPool.fromUserPoolId(stack, 'pool', POOL_ID, { domainBaseUrl: 'https://acme.auth.eu-west-1.amazoncognito.com' });
    const server = pool.addResourceServer('api', { identifier: 'https://api.example.com', scopes: [new ResourceServerScope('read', 'Read')] });
    pool.addClient('worker', { preset: ClientPreset.MACHINE, scopes: [OAuthScope.resourceServer(server, 'read')] });
    pool.addClient('web', { preset: ClientPreset.WEB, callbackUrls: ['https://app.example.com/cb'] });
    const config = synth(stack);
    expect(config.output.pool_web_sign_in_url.value).toMatch(/^https:\/\/acme\.auth\.eu-west-1\.amazoncognito\.com\/login\?client_id=/);
  });

  test('children take the interface: a function written against IUserPool accepts both kinds of pool', () => {
    const addWeb = (pool: IUserPool) =>
      new UserPoolClient(pool, 'web', { userPool: pool, preset: ClientPreset.SPA, callbackUrls: ['https://a.example.com/cb'] });
    const stack = testStack();
    const created = new UserPool(stack, 'created', { userPoolName: 'created' });
    created.addDomain('domain', { prefix: 'acme-created-111122223333' });
    addWeb(created);
    addWeb(UserPool.fromUserPoolId(stack, 'imported', POOL_ID, { domainBaseUrl: 'https://acme.auth.eu-west-1.amazoncognito.com' }));
    expect(Object.keys(resources(synth(stack), 'aws_cognito_user_pool_client'))).toHaveLength(2);
  });

  test('triggers on an imported pool: function and permission on the pool ARN, lambda_config handed over as an output with a warning', () => {
    const stack = testStack();
    const pool = UserPool.fromUserPoolId(stack, 'pool', POOL_ID, { userPoolName: 'shared' });
    pool.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.emailDomainAllowlist(['example.com']));
    pool.addTrigger(TriggerOperation.USER_MIGRATION, ExistingFunction.fromArn('arn:aws:lambda:eu-west-1:111122223333:function:migrate'));
    const config = synth(stack);
    const permissions = Object.values(resources(config, 'aws_lambda_permission')) as any[];
    expect(permissions.map((p) => p.source_arn)).toEqual([pool.userPoolArn, pool.userPoolArn]);
    expect(Object.keys(config.output.pool_triggers_lambda_config.value).sort()).toEqual(['preSignUp', 'userMigration']);
    expect(Object.values(resources(config, 'aws_lambda_function'))[0]).toMatchObject({ function_name: 'shared-preSignUp' });
    expect(pool.triggers.node.metadata.map((m) => m.data)).toEqual([expect.stringMatching(/managed elsewhere: .*lambda_config/)]);
  });

  terraformIt('every kind of child attached to an imported pool plans offline', () => {
    const stack = testStack();
    const pool = UserPool.fromUserPoolId(stack, 'pool', POOL_ID, { featurePlan: FeaturePlan.ESSENTIALS });
    pool.addDomain('domain', { prefix: 'acme-imported-111122223333' });
    const server = pool.addResourceServer('api', { identifier: 'https://api.example.com', scopes: [new ResourceServerScope('read', 'Read')] });
    pool.addGroup('admins', { groupName: 'admins', precedence: 1 });
    pool.addIdentityProvider('google', {
      providerName: 'Google',
      providerType: IdentityProviderType.GOOGLE,
      // A secret is a sensitive reference only: a literal is refused at synth.
      providerDetails: {
        client_id: 'id',
        client_secret: new TerraformVariable(stack, 'google_secret', { type: 'string', sensitive: true }).stringValue,
        authorize_scopes: 'openid email',
      },
    });
    pool.addClient('web', { preset: ClientPreset.SPA, callbackUrls: ['https://app.example.com/cb'], identityProviders: ['COGNITO', 'Google'] });
    pool.addClient('worker', { preset: ClientPreset.MACHINE, scopes: [OAuthScope.resourceServer(server, 'read')] });
    pool.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.emailDomainAllowlist(['example.com']));
    expect(pool.domains[0]).toBeInstanceOf(UserPoolDomain);
    const { plan } = checkOffline(synth(stack));
    const created = (plan.resource_changes as any[]).filter((c) => c.change.actions.includes('create')).map((c) => c.type);
    expect(new Set(created)).toEqual(
      new Set([
        'aws_cognito_user_pool_domain',
        'aws_cognito_resource_server',
        'aws_cognito_user_group',
        'aws_cognito_identity_provider',
        'aws_cognito_user_pool_client',
        'aws_lambda_function',
        'aws_lambda_permission',
        'aws_iam_role',
        'aws_iam_role_policy',
        'aws_cloudwatch_log_group',
      ]),
    );
    expect(created).not.toContain('aws_cognito_user_pool');
    for (const change of plan.resource_changes as any[]) {
      if (change.type.startsWith('aws_cognito_')) expect(change.change.after.user_pool_id).toBe(POOL_ID);
    }
  });
});

/** Relative imports of every file under src/, value and type imports alike. */
function importGraph(root: string): Map<string, string[]> {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) files.push(path);
    }
  };
  walk(root);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gms)].map(
      (m) => `${resolve(dirname(file), m[1]!)}.ts`,
    );
    graph.set(
      resolve(file),
      targets.filter((t) => files.map((f) => resolve(f)).includes(t)),
    );
  }
  return graph;
}

describe('module structure', () => {
  test('the child constructs depend on IUserPool: no file of src/client imports the UserPool class', () => {
    const graph = importGraph('src/client');
    const userPoolFile = resolve('src/user-pool/user-pool.ts');
    for (const [file] of graph)
      expect({ file, imports: readFileSync(file, 'utf8').includes("user-pool/user-pool'") }).toEqual({ file, imports: false });
    expect(userPoolFile).toMatch(/user-pool\.ts$/);
  });

  test('no import cycle between src/client and src/user-pool', () => {
    const graph = importGraph('src');
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      if (trail.includes(file)) {
        const cycle = trail
          .slice(trail.indexOf(file))
          .concat(file)
          .map((f) => f.replace(`${resolve('src')}/`, ''));
        if (cycle.some((f) => f.startsWith('client/')) && cycle.some((f) => f.startsWith('user-pool/'))) cycles.push(cycle.join(' -> '));
        return;
      }
      if (trail.length > 30) return;
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
