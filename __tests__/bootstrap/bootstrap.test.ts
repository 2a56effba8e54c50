import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { buildStacks } from '../../src/app/build-app';
import { parseConfig, loadConfig } from '../../src/app/load-config';
import { resolveEnvironments } from '../../src/app/environments';
import { AppConfig } from '../../src/app/config-schema';
import { accessLevel, READ_ONLY_EXCEPTIONS } from '../../src/bootstrap/access-level';
import { buildBootstrapStacks } from '../../src/bootstrap/bootstrap-config';
import { checkOffline } from '../../src/terraform/offline';
import { App, Testing } from '../../src/engine';
import { terraformIt } from '../support/terraform';

/** The shipped configuration's folder: the files it names (branding) are relative to it. */
const CONFIG_DIR = resolve('config');

const OUTDIR = mkdtempSync(join(tmpdir(), 'cdktf-cognito-bootstrap-'));
afterAll(() => rmSync(OUTDIR, { recursive: true, force: true }));

/** Every stack the configuration synthesizes, by name, as Terraform JSON. */
function synthesizeAll(config: AppConfig, configDir = CONFIG_DIR): Record<string, any> {
  // Its own output folder: an App's default is cdktf.out in the working folder, which synth then refuses
  // as a folder it did not write.
  const app = new App({ skipValidation: true, outdir: OUTDIR });
  const environments = resolveEnvironments(config);
  buildStacks(app, config, environments, configDir);
  buildBootstrapStacks(app, config, environments);
  // A full synth: Testing.synth leaves out the "//" comments, where the pipeline's metadata is.
  return Object.fromEntries(
    app.node.children.map((stack) => [
      stack.node.id,
      JSON.parse(readFileSync(join(Testing.fullSynth(stack as any), 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')),
    ]),
  );
}

const DEFAULT = loadConfig('config/default.yaml');
const stacks = synthesizeAll(DEFAULT);
const bootstrapNames = Object.keys(stacks).filter((name) => name.startsWith('bootstrap-'));
const statements = (json: string) => JSON.parse(json).Statement as any[];
const actionsOf = (list: any[]) => list.flatMap((s) => [s.Action].flat() as string[]);
const rolePolicy = (stack: any, kind: 'plan' | 'deploy') => statements(stack.resource.aws_iam_role_policy[`${kind}-policy`].policy);
const trust = (stack: any, kind: 'plan' | 'deploy') => statements(stack.resource.aws_iam_role[kind].assume_role_policy);

describe('bootstrap stacks of the default configuration', () => {
  test('one per account, with the pipeline roles, the boundary and the GitHub OIDC provider; no data source', () => {
    expect(bootstrapNames).toEqual(['bootstrap-111111111111', 'bootstrap-222222222222']);
    for (const name of bootstrapNames) {
      const stack = stacks[name];
      expect(Object.keys(stack.resource.aws_iam_role).sort()).toEqual(['deploy', 'plan']);
      expect(stack.resource.aws_iam_role.plan.name).toBe('cdktf-cognito-plan');
      expect(stack.resource.aws_iam_policy.boundary.name).toBe('cdktf-cognito-boundary');
      expect(stack.resource.aws_iam_openid_connect_provider.github).toMatchObject({
        url: 'https://token.actions.githubusercontent.com',
        client_id_list: ['sts.amazonaws.com'],
      });
      expect(stack.data).toBeUndefined();
      expect(stack['//'].pipeline).toEqual({ kind: 'bootstrap' });
      // Its own state, under a prefix the deploy role cannot write.
      expect(stack.terraform.backend.s3.key).toBe(`cognito-bootstrap/${name}/terraform.tfstate`);
    }
  });

  test('the plan role has no write action: every action is read or list by the access-level classification, none a wildcard', () => {
    for (const name of bootstrapNames) {
      const actions = actionsOf(rolePolicy(stacks[name], 'plan'));
      expect(actions.length).toBeGreaterThan(20);
      expect(actions.filter((a) => accessLevel(a) !== 'read')).toEqual([]);
    }
  });

  test("the plan role may read the state keys of the app's stacks, and nothing of the bucket else", () => {
    const state = rolePolicy(stacks['bootstrap-111111111111'], 'plan').filter((s) => s.Sid.startsWith('State'));
    expect(state).toEqual([
      {
        Sid: 'StateList',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: 'arn:aws:s3:::example-terraform-state',
        Condition: { StringLike: { 's3:prefix': 'cognito/*' } },
      },
      { Sid: 'State', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-terraform-state/cognito/*' },
    ]);
  });

  test("the plan role trusts the repository's pull requests and branches, never an environment", () => {
    expect(trust(stacks['bootstrap-111111111111'], 'plan')).toEqual([
      {
        Sid: 'GitHubActionsOfThisRepository',
        Effect: 'Allow',
        Principal: { Federated: '${aws_iam_openid_connect_provider.github.arn}' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: {
            'token.actions.githubusercontent.com:sub': ['repo:example-org/identity:pull_request', 'repo:example-org/identity:ref:refs/heads/*'],
          },
        },
      },
    ]);
  });

  test('the deploy role trusts only the named environments of the stacks in its account, matched exactly', () => {
    for (const [name, environments] of [
      ['bootstrap-111111111111', ['dev', 'staging']],
      ['bootstrap-222222222222', ['prod']],
    ] as const) {
      const [statement, ...more] = trust(stacks[name], 'deploy');
      expect(more).toEqual([]);
      expect(statement.Condition).toEqual({
        StringEquals: {
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
          'token.actions.githubusercontent.com:sub': environments.map((e) => `repo:example-org/identity:environment:${e}`),
        },
      });
    }
  });

  test('the deploy role: only the services the stacks use; roles only under the app path, made with the boundary, passed to Lambda and Cognito only', () => {
    const policy = rolePolicy(stacks['bootstrap-222222222222'], 'deploy');
    const services = new Set(actionsOf(policy).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['cognito-idp', 'iam', 'kms', 'lambda', 'logs', 'route53', 's3', 'secretsmanager']);
    expect(actionsOf(policy).filter((a) => a.includes('*'))).toEqual([]);
    const iam = policy.filter((s) => actionsOf([s]).some((a) => a.startsWith('iam:')));
    for (const s of iam) expect([s.Sid, s.Resource]).toEqual([s.Sid, 'arn:aws:iam::222222222222:role/cdktf-cognito/*']);
    const create = iam.find((s) => actionsOf([s]).includes('iam:CreateRole'));
    expect([create.Action, create.Condition]).toEqual([
      ['iam:CreateRole', 'iam:PutRolePolicy'],
      { StringEquals: { 'iam:PermissionsBoundary': 'arn:aws:iam::222222222222:policy/cdktf-cognito-boundary' } },
    ]);
    expect(iam.find((s) => s.Action === 'iam:PassRole').Condition).toEqual({
      StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com', 'cognito-idp.amazonaws.com'] },
    });
    // Nothing that would loosen the boundary or touch the pipeline's own roles and policy.
    for (const forbidden of [
      'iam:DeleteRolePermissionsBoundary',
      'iam:PutRolePermissionsBoundary',
      'iam:CreatePolicyVersion',
      'iam:AttachRolePolicy',
    ]) {
      expect(actionsOf(policy)).not.toContain(forbidden);
    }
  });

  terraformIt(
    'every bootstrap stack passes terraform validate and plans offline',
    () => {
      for (const name of bootstrapNames) {
        const { plan } = checkOffline(stacks[name]);
        const created = plan.resource_changes.map((c: any) => `${c.type}.${c.name}`).sort();
        expect([name, created]).toEqual([
          name,
          [
            'aws_iam_openid_connect_provider.github',
            'aws_iam_policy.boundary',
            'aws_iam_role.deploy',
            'aws_iam_role.plan',
            'aws_iam_role_policy.deploy-policy',
            'aws_iam_role_policy.plan-policy',
          ],
        ]);
      }
    },
    240_000,
  );
});

describe("the app's stacks with bootstrap", () => {
  test('assume no role (the pipeline job holds the plan or the deploy role) and record both for the pipeline', () => {
    const prod = stacks.prod;
    expect(prod.provider.aws[0].assume_role).toBeUndefined();
    expect(prod.provider.aws[0].allowed_account_ids).toEqual(['222222222222']);
    expect(prod['//'].pipeline).toEqual({
      kind: 'app',
      planRoleArn: 'arn:aws:iam::222222222222:role/cdktf-cognito-plan',
      deployRoleArn: 'arn:aws:iam::222222222222:role/cdktf-cognito-deploy',
    });
  });

  test('put every IAM role they create under the app path, with the permissions boundary', () => {
    const roles = Object.values(stacks.dev.resource.aws_iam_role) as any[];
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles)
      expect([role.path, role.permissions_boundary]).toEqual(['/cdktf-cognito/', 'arn:aws:iam::111111111111:policy/cdktf-cognito-boundary']);
  });
});

describe('partitions and configuration problems', () => {
  const base = {
    bootstrap: { repository: 'example-org/identity', prefix: 'idp' },
    environments: [{ name: 'cn', accountId: '333333333333', region: 'cn-north-1' }],
  };

  test("ARNs follow the region's partition: nothing says arn:aws: in China", () => {
    const all = synthesizeAll(parseConfig(base));
    const text = JSON.stringify(all['bootstrap-333333333333']) + JSON.stringify(all.cn['//']);
    expect(text).toContain('arn:aws-cn:iam::333333333333:role/idp/*');
    expect(text).not.toContain('arn:aws:');
  });

  test.each([
    [{ ...base, bootstrap: { repository: 'identity' } }, 'bootstrap.repository: must be a GitHub repository, owner/name; received "identity"'],
    [
      { ...base, defaults: { deployRoleArn: 'arn:aws:iam::{accountId}:role/x' } },
      'defaults.deployRoleArn: with bootstrap, each pipeline job holds the plan or the deploy role of the account, so the stack assumes no role',
    ],
    [
      { ...base, environments: [{ name: 'bootstrap-x', accountId: '333333333333', region: 'eu-west-1' }] },
      'environments[0].name: names starting with "bootstrap-" are the bootstrap stacks\'',
    ],
    [{ ...base, bootstrap: { repository: 'a/b', prefix: 'x'.repeat(51) } }, 'bootstrap.prefix: must be 1 to 50 letters'],
  ])('%j is refused', (doc, message) => {
    expect(() => resolveEnvironments(parseConfig(doc))).toThrow(message);
  });

  test('the classification: verbs of reading are read; wildcards, unknown verbs and writes are write', () => {
    expect(['cognito-idp:DescribeUserPool', 's3:GetObject', 'iam:ListRolePolicies', 'kms:Decrypt'].map(accessLevel)).toEqual([
      'read',
      'read',
      'read',
      'read',
    ]);
    expect(
      [
        '*',
        'cognito-idp:*',
        'cognito-idp:Describe*',
        'iam:PassRole',
        'lambda:UpdateFunctionCode',
        'sts:GetSessionToken',
        's3:PutObject',
        'iam:Getaway',
      ].map(accessLevel),
    ).toEqual(Array(8).fill('write'));
    expect(Object.keys(READ_ONLY_EXCEPTIONS)).toEqual(['kms:Decrypt']);
  });
});
