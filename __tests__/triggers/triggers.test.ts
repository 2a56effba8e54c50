import { readFileSync } from 'fs';
import {
  ExistingFunction,
  FeaturePlan,
  TriggerCode,
  TriggerEventVersion,
  TriggerOperation,
  TriggerRuntime,
  UserPool,
  UserPoolProps,
} from '../../src';
import { deterministicZip } from '../../src/triggers/deterministic-zip';
import { checkOffline } from '../../src/terraform/offline';
import { onlyResource, resources, synth, testStack, validationErrors } from '../support/stack';
import { terraformIt } from '../support/terraform';
import { readZip } from '../support/zip';

const EXISTING = 'arn:aws:lambda:eu-west-1:111122223333:function:audit';

function poolWith(props: Partial<UserPoolProps>, more?: (pool: UserPool) => void, stack = testStack()) {
  const pool = new UserPool(stack, 'pool', { userPoolName: 'app', ...props });
  more?.(pool);
  return { stack, pool };
}

describe('a trigger deployed from code', () => {
  const { stack } = poolWith({
    triggers: { preSignUp: { handler: TriggerCode.emailDomainAllowlist(['example.com']), poolActions: ['cognito-idp:AdminAddUserToGroup'] } },
  });
  const config = synth(stack);
  const fn = onlyResource(config, 'aws_lambda_function');
  const role = onlyResource(config, 'aws_iam_role');
  const logGroup = onlyResource(config, 'aws_cloudwatch_log_group');
  const permission = onlyResource(config, 'aws_lambda_permission');
  const policies = Object.values(resources(config, 'aws_iam_role_policy')) as any[];
  const pool = onlyResource(config, 'aws_cognito_user_pool');

  test('the function: supported runtime, tracing, own log group, deterministic package, no secrets', () => {
    expect(fn).toMatchObject({
      function_name: 'app-preSignUp',
      runtime: 'nodejs22.x',
      handler: 'index.handler',
      architectures: ['arm64'],
      timeout: 5,
      memory_size: 256,
      tracing_config: { mode: 'Active' },
      logging_config: { log_format: 'JSON', log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\./) },
      environment: { variables: { ALLOWED_EMAIL_DOMAINS: 'example.com' } },
      source_code_hash: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
      filename: expect.stringMatching(/^assets\/.+\.zip$/),
    });
  });

  test('its log group keeps logs for a year', () => {
    expect(logGroup).toEqual({ name: '/aws/lambda/app-preSignUp', retention_in_days: 365 });
  });

  test('its role trusts only Lambda; it may write logs only to its own group', () => {
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]);
    expect(role.name_prefix).toBe('app-preSignUp-');
    const basics = JSON.parse(policies.find((p) => p.name === 'logs-and-traces').policy).Statement;
    expect(basics[0]).toEqual({
      Sid: 'OwnLogGroupOnly',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\..+\.arn\}:\*$/),
    });
  });

  test('Cognito may invoke it only for this pool and account', () => {
    expect(permission).toEqual({
      action: 'lambda:InvokeFunction',
      function_name: expect.stringMatching(/^\$\{aws_lambda_function\..+\.arn\}$/),
      principal: 'cognito-idp.amazonaws.com',
      source_arn: expect.stringMatching(/^\$\{aws_cognito_user_pool\..+\.arn\}$/),
      source_account: '111122223333',
    });
  });

  test('extra pool actions are granted on the pool ARN in a separate policy; the function never names the pool', () => {
    const grant = policies.find((p) => p.name === 'pool-actions');
    expect(JSON.parse(grant.policy).Statement).toEqual([
      { Effect: 'Allow', Action: ['cognito-idp:AdminAddUserToGroup'], Resource: [expect.stringMatching(/^\$\{aws_cognito_user_pool\..+\.arn\}$/)] },
    ]);
    expect(JSON.stringify(fn)).not.toContain('aws_cognito_user_pool');
  });

  test('lambda_config names only the trigger that is set', () => {
    expect(pool.lambda_config).toEqual({ pre_sign_up: expect.stringMatching(/^\$\{aws_lambda_function\..+\.arn\}$/) });
  });
});

describe('pre token generation and custom senders', () => {
  const { stack } = poolWith({}, (pool) => {
    pool.addTrigger(TriggerOperation.PRE_TOKEN_GENERATION, TriggerCode.groupClaims({ groupScopes: { admins: ['https://api.example.com/admin'] } }));
    pool.addTrigger(TriggerOperation.CUSTOM_SMS_SENDER, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'));
  });
  const config = synth(stack);
  const pool = onlyResource(config, 'aws_cognito_user_pool');
  const key = onlyResource(config, 'aws_kms_key');

  test('pre token generation only through pre_token_generation_config, V2_0 by default', () => {
    expect(pool.lambda_config.pre_token_generation_config).toEqual({
      lambda_arn: expect.stringMatching(/^\$\{aws_lambda_function\./),
      lambda_version: 'V2_0',
    });
    expect(pool.lambda_config).not.toHaveProperty('pre_token_generation');
  });

  test('the sender gets V1_0 and the pool the key', () => {
    expect(pool.lambda_config.custom_sms_sender).toEqual({ lambda_arn: expect.stringMatching(/^\$\{aws_lambda_function\./), lambda_version: 'V1_0' });
    expect(pool.lambda_config.kms_key_id).toMatch(/^\$\{aws_kms_key\..+\.arn\}$/);
  });

  test("the key lets Cognito encrypt for this account's pools only; the sender role may decrypt", () => {
    const statements = JSON.parse(key.policy).Statement;
    expect(statements[1]).toEqual({
      Sid: 'CognitoEncryptsForThisAccountsPools',
      Effect: 'Allow',
      Principal: { Service: 'cognito-idp.amazonaws.com' },
      Action: ['kms:CreateGrant', 'kms:Encrypt'],
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '111122223333' },
        ArnLike: { 'aws:SourceArn': 'arn:aws:cognito-idp:eu-west-1:111122223333:userpool/*' },
      },
    });
    const decrypt = (Object.values(resources(config, 'aws_iam_role_policy')) as any[]).find((p) => p.name === 'decrypt-codes');
    expect(JSON.parse(decrypt.policy).Statement).toEqual([
      { Effect: 'Allow', Action: ['kms:Decrypt'], Resource: [expect.stringMatching(/^\$\{aws_kms_key\..+\.arn\}$/)] },
    ]);
  });

  test('an existing function gets the invoke permission and nothing else', () => {
    const { stack: s } = poolWith({ triggers: { postConfirmation: { handler: ExistingFunction.fromArn(EXISTING) } } });
    const c = synth(s);
    expect(resources(c, 'aws_lambda_function')).toEqual({});
    expect(onlyResource(c, 'aws_lambda_permission').function_name).toBe(EXISTING);
    expect(onlyResource(c, 'aws_cognito_user_pool').lambda_config).toEqual({ post_confirmation: EXISTING });
  });
});

describe('packaging is deterministic', () => {
  test('the same code gives the same zip and hash; a code change changes them', () => {
    const a = TriggerCode.fromFile('__tests__/triggers/fixtures/custom-message.ts').package();
    const b = TriggerCode.fromFile('__tests__/triggers/fixtures/custom-message.ts').package();
    expect(b.sourceCodeHash).toBe(a.sourceCodeHash);
    expect(readFileSync(b.zipPath).equals(readFileSync(a.zipPath))).toBe(true);
    const other = TriggerCode.fromFile('__tests__/triggers/fixtures/greeting.ts').package();
    expect(other.sourceCodeHash).not.toBe(a.sourceCodeHash);
  });

  test('a file is bundled with what it imports into index.js', () => {
    const entries = readZip(readFileSync(TriggerCode.fromFile('__tests__/triggers/fixtures/custom-message.ts').package().zipPath));
    expect(Object.keys(entries)).toEqual(['index.js']);
    expect(entries['index.js']).toContain('Welcome');
    expect(entries['index.js']).not.toContain(process.cwd());
  });

  test('a folder is zipped as it is, names sorted, content intact', () => {
    const zip = deterministicZip([
      { name: 'b.js', data: Buffer.from('2') },
      { name: 'a/x.js', data: Buffer.from('1'.repeat(1000)) },
    ]);
    expect(readZip(zip)).toEqual({ 'a/x.js': '1'.repeat(1000), 'b.js': '2' });
    expect(readZip(readFileSync(TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler').package().zipPath))).toEqual({
      'index.js': readFileSync('__tests__/triggers/fixtures/hello/index.js', 'utf8'),
    });
  });

  test('code that does not compile fails with the file, the line and a fix', () => {
    expect(() => TriggerCode.fromFile('__tests__/triggers/fixtures/broken.ts').package()).toThrow(
      /^Trigger code __tests__\/triggers\/fixtures\/broken\.ts: cannot be bundled \(__tests__\/triggers\/fixtures\/broken\.ts:\d+: .+\)\. Fix: correct the handler so that it compiles\.$/,
    );
  });

  test('a missing file fails with its path and a fix', () => {
    expect(() => TriggerCode.fromFile('handlers/nope.ts').package()).toThrow(
      new RegExp(`^Trigger code handlers/nope\\.ts: no such file \\(resolved to .*\\)\\. Fix: give a path relative to ${process.cwd()}\\.$`),
    );
  });
});

describe('trigger rules in a stack', () => {
  test.each([
    [
      'one trigger attached twice',
      (p: UserPool) => {
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, ExistingFunction.fromArn(EXISTING));
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, ExistingFunction.fromArn(EXISTING));
      },
      {},
      /addTrigger\(preSignUp\): a pool has one preSignUp trigger, and it is already attached at addTrigger\(preSignUp\)/,
    ],
    [
      'a version the trigger does not accept',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.CUSTOM_EMAIL_SENDER, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), {
          eventVersion: TriggerEventVersion.V2_0,
        }),
      {},
      /addTrigger\(customEmailSender\)\.eventVersion: must be one of "V1_0"; received "V2_0"/,
    ],
    [
      'a version on a trigger that takes none',
      (p: UserPool) => p.addTrigger(TriggerOperation.PRE_SIGN_UP, ExistingFunction.fromArn(EXISTING), { eventVersion: TriggerEventVersion.V1_0 }),
      {},
      /addTrigger\(preSignUp\)\.eventVersion: the preSignUp trigger takes no event version/,
    ],
    [
      'a sender without a key',
      (p: UserPool) => p.addTrigger(TriggerOperation.CUSTOM_SMS_SENDER, ExistingFunction.fromArn(EXISTING)),
      {},
      /addTrigger\(customSmsSender\): a custom sender needs a KMS key .*Fix: set customSenderKmsKeyArn/,
    ],
    [
      'access-token customization on LITE',
      (p: UserPool) => p.addTrigger(TriggerOperation.PRE_TOKEN_GENERATION, ExistingFunction.fromArn(EXISTING)),
      { featurePlan: FeaturePlan.LITE },
      /addTrigger\(preTokenGeneration\)\.eventVersion: access-token customization \(V2_0, V3_0\) needs the ESSENTIALS or PLUS feature plan; received \{"eventVersion":"V2_0","featurePlan":"LITE"\}/,
    ],
    [
      'a secret in the environment',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), {
          environment: { API_TOKEN: 'x' },
        }),
      {},
      /addTrigger\(preSignUp\)\.environment\.API_TOKEN: environment variables must not hold secrets .*; received "API_TOKEN"\. Fix: store the secret in Secrets Manager/,
    ],
    [
      'an access key in a value',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), {
          environment: { UPSTREAM: 'AKIAABCDEFGHIJKLMNOP' },
        }),
      {},
      /addTrigger\(preSignUp\)\.environment\.UPSTREAM: environment variables must not hold secrets/,
    ],
    [
      'a log retention CloudWatch does not offer',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), {
          logRetentionDays: 100,
        }),
      {},
      /addTrigger\(preSignUp\)\.logRetentionDays: must be one of 1, 3, .*; received 100/,
    ],
    [
      'a function name Lambda refuses',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), {
          functionName: 'my function',
        }),
      {},
      /addTrigger\(preSignUp\)\.functionName: may contain only letters, digits, - and _; received "my function"/,
    ],
    [
      'memory out of range',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), {
          memorySize: 64,
        }),
      {},
      /addTrigger\(preSignUp\)\.memorySize: must be a whole number from 128 to 10240; received 64/,
    ],
  ] as const)('%s fails synth', (_name, attach, props, message) => {
    const { stack } = poolWith(props, attach);
    expect(validationErrors(stack)).toEqual([expect.stringMatching(message)]);
  });

  test.each([
    [
      'V1_0 pre token generation on LITE',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_TOKEN_GENERATION, ExistingFunction.fromArn(EXISTING), { eventVersion: TriggerEventVersion.V1_0 }),
      { featurePlan: FeaturePlan.LITE },
    ],
    [
      'V3_0 pre token generation',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_TOKEN_GENERATION, ExistingFunction.fromArn(EXISTING), { eventVersion: TriggerEventVersion.V3_0 }),
      {},
    ],
    [
      'an existing sender with a key you manage',
      (p: UserPool) => p.addTrigger(TriggerOperation.CUSTOM_EMAIL_SENDER, ExistingFunction.fromArn(EXISTING)),
      { customSenderKmsKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/abc' },
    ],
    [
      'plain settings in the environment',
      (p: UserPool) =>
        p.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), {
          environment: { STAGE: 'prod', TABLE_NAME: 'users' },
        }),
      {},
    ],
  ] as const)('%s synthesizes', (_name, attach, props) => {
    const { stack } = poolWith(props, attach);
    expect(validationErrors(stack)).toEqual([]);
  });

  test('pool actions must be named cognito-idp actions: a wildcard or another service fails synth, each at its index', () => {
    const poolActions = ['cognito-idp:AdminGetUser', '*', 'cognito-idp:*', 'cognito-idp:Admin*', 's3:GetObject', 'iam:PassRole'];
    const { stack } = poolWith({}, (p) =>
      p.addTrigger(TriggerOperation.PRE_SIGN_UP, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), { poolActions }),
    );
    expect(validationErrors(stack)).toEqual(
      [1, 2, 3, 4, 5].map((i) =>
        expect.stringMatching(
          new RegExp(
            `addTrigger\\(preSignUp\\)\\.poolActions\\[${i}\\]: must name one Cognito user pools action .*; received "${poolActions[i].replace('*', '\\*')}"\\. Fix: `,
          ),
        ),
      ),
    );
  });

  test('function settings on an existing function fail synth, each named with its value; the same settings on code deployed here pass', () => {
    const settings = {
      functionName: 'mine',
      runtime: TriggerRuntime.NODEJS_20_X,
      memorySize: 512,
      timeoutSeconds: 3,
      environment: { STAGE: 'dev' },
      logRetentionDays: 30,
      poolActions: ['cognito-idp:AdminGetUser'],
    };
    const { stack } = poolWith({}, (p) => {
      p.addTrigger(TriggerOperation.PRE_SIGN_UP, ExistingFunction.fromArn(EXISTING), settings);
      // Empty lists and maps give nothing: nothing would be ignored.
      p.addTrigger(TriggerOperation.POST_CONFIRMATION, ExistingFunction.fromArn(EXISTING), { environment: {}, poolActions: [] });
      p.addTrigger(TriggerOperation.CUSTOM_MESSAGE, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'), settings);
    });
    expect(validationErrors(stack)).toEqual(
      Object.entries(settings).map(([option, value]) =>
        expect.stringMatching(
          new RegExp(
            `addTrigger\\(preSignUp\\)\\.${option}: is a setting of a function created here: an existing function \\(handler\\.functionArn\\) keeps its own settings.*; received ${JSON.stringify(value).replace(/[[\]{}.]/g, '\\$&')}\\. Fix: set it on the function itself \\(in Lambda\\), or remove ${option} from this trigger$`,
          ),
        ),
      ),
    );
  });

  test('a trigger without a declared environment fails synth with a fix', () => {
    const { stack } = poolWith({}, (p) => p.addTrigger(TriggerOperation.PRE_SIGN_UP, ExistingFunction.fromArn(EXISTING)), testStack(null));
    expect(validationErrors(stack)).toEqual([
      expect.stringMatching(/triggers: each trigger permission names the pool's account .*Fix: declare the stack's environment/),
    ]);
  });
});

terraformIt('every kind of trigger passes validate and plan (Terraform itself reports any cycle)', () => {
  const { stack } = poolWith(
    { triggers: { preSignUp: { handler: TriggerCode.emailDomainAllowlist(['example.com']), poolActions: ['cognito-idp:AdminAddUserToGroup'] } } },
    (pool) => {
      pool.addTrigger(TriggerOperation.PRE_TOKEN_GENERATION, TriggerCode.groupClaims({ groupScopes: { admins: ['https://api.example.com/admin'] } }));
      pool.addTrigger(TriggerOperation.CUSTOM_MESSAGE, TriggerCode.fromFile('__tests__/triggers/fixtures/custom-message.ts'));
      pool.addTrigger(TriggerOperation.CUSTOM_EMAIL_SENDER, TriggerCode.fromDirectory('__tests__/triggers/fixtures/hello', 'index.handler'));
      pool.addTrigger(TriggerOperation.POST_CONFIRMATION, ExistingFunction.fromArn(EXISTING));
    },
  );
  const { plan } = checkOffline(synth(stack));
  const count = (type: string) => plan.resource_changes.filter((c: any) => c.type === type).length;
  expect([count('aws_lambda_function'), count('aws_lambda_permission'), count('aws_cloudwatch_log_group'), count('aws_kms_key')]).toEqual([
    4, 5, 4, 1,
  ]);
});
