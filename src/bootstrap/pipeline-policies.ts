import { PolicyStatement } from '../core/iam';

/**
 * The policies of the pipeline's two roles and of the permissions boundary, as pure functions of an
 * account's settings. ARNs name the partition given (never `arn:aws:`) and the account's own resources.
 */

/** What the policies are written for. */
export interface PipelineAccount {
  readonly partition: string;
  readonly accountId: string;
  /** Prefix of the pipeline's own names: roles `<prefix>-plan`/`-deploy`, boundary `<prefix>-boundary`. */
  readonly prefix: string;
  /** The state bucket, key prefix and optional KMS key (the stacks' S3 backend), when there is one. */
  readonly state?: { readonly bucket: string; readonly keyPrefix: string; readonly kmsKeyArn?: string | undefined } | undefined;
}

/** The IAM path of every role the app's stacks create: the deploy role may manage roles under it only. */
export function appRolePath(prefix: string): string {
  return `/${prefix}/`;
}

/** The ARN of a pipeline role. */
export function pipelineRoleArn(account: Pick<PipelineAccount, 'partition' | 'accountId' | 'prefix'>, kind: 'plan' | 'deploy'): string {
  return `arn:${account.partition}:iam::${account.accountId}:role/${account.prefix}-${kind}`;
}

/** The ARN of the permissions boundary every role of the app's stacks carries. */
export function boundaryArn(account: Pick<PipelineAccount, 'partition' | 'accountId' | 'prefix'>): string {
  return `arn:${account.partition}:iam::${account.accountId}:policy/${account.prefix}-boundary`;
}

function resources(a: PipelineAccount) {
  const at = (service: string, resource: string) => `arn:${a.partition}:${service}:*:${a.accountId}:${resource}`;
  return {
    pools: at('cognito-idp', 'userpool/*'),
    appRoles: `arn:${a.partition}:iam::${a.accountId}:role${appRolePath(a.prefix)}*`,
    functions: at('lambda', 'function:*'),
    logGroups: at('logs', 'log-group:/aws/lambda/*'),
    keys: at('kms', 'key/*'),
    secrets: at('secretsmanager', 'secret:*'),
    zones: `arn:${a.partition}:route53:::hostedzone/*`,
    changes: `arn:${a.partition}:route53:::change/*`,
  };
}

/** What the stacks read when Terraform refreshes them: describe, get and list, on their own kinds of resource. */
const READS = {
  cognito: [
    'cognito-idp:DescribeUserPool',
    'cognito-idp:GetUserPoolMfaConfig',
    'cognito-idp:DescribeUserPoolClient',
    'cognito-idp:ListUserPoolClients',
    'cognito-idp:DescribeUserPoolDomain',
    'cognito-idp:DescribeResourceServer',
    'cognito-idp:ListResourceServers',
    'cognito-idp:GetGroup',
    'cognito-idp:ListGroups',
    'cognito-idp:DescribeIdentityProvider',
    'cognito-idp:ListIdentityProviders',
    'cognito-idp:DescribeRiskConfiguration',
    'cognito-idp:GetUICustomization',
    'cognito-idp:DescribeManagedLoginBranding',
    'cognito-idp:DescribeManagedLoginBrandingByClient',
    'cognito-idp:GetLogDeliveryConfiguration',
    'cognito-idp:ListTagsForResource',
    'cognito-idp:GetSigningCertificate',
  ],
  iam: [
    'iam:GetRole',
    'iam:GetRolePolicy',
    'iam:ListRolePolicies',
    'iam:ListAttachedRolePolicies',
    'iam:ListRoleTags',
    'iam:ListInstanceProfilesForRole',
  ],
  lambda: [
    'lambda:GetFunction',
    'lambda:GetFunctionConfiguration',
    'lambda:GetPolicy',
    'lambda:ListVersionsByFunction',
    'lambda:GetFunctionCodeSigningConfig',
    'lambda:ListTags',
  ],
  logs: ['logs:ListTagsForResource', 'logs:ListTagsLogGroup'],
  kms: ['kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags'],
  // GetSecretValue: refreshing the hand-off secret's version reads it; the state holds it in any case.
  secrets: ['secretsmanager:DescribeSecret', 'secretsmanager:GetResourcePolicy', 'secretsmanager:GetSecretValue'],
  route53: ['route53:GetHostedZone', 'route53:ListResourceRecordSets'],
};

/** Changes to what the stacks create (the read actions come with them: Terraform refreshes before it changes). */
const WRITES = {
  cognito: [
    'cognito-idp:CreateUserPool',
    'cognito-idp:UpdateUserPool',
    'cognito-idp:DeleteUserPool',
    'cognito-idp:SetUserPoolMfaConfig',
    'cognito-idp:AddCustomAttributes',
    'cognito-idp:CreateUserPoolClient',
    'cognito-idp:UpdateUserPoolClient',
    'cognito-idp:DeleteUserPoolClient',
    'cognito-idp:CreateUserPoolDomain',
    'cognito-idp:UpdateUserPoolDomain',
    'cognito-idp:DeleteUserPoolDomain',
    'cognito-idp:CreateResourceServer',
    'cognito-idp:UpdateResourceServer',
    'cognito-idp:DeleteResourceServer',
    'cognito-idp:CreateGroup',
    'cognito-idp:UpdateGroup',
    'cognito-idp:DeleteGroup',
    'cognito-idp:CreateIdentityProvider',
    'cognito-idp:UpdateIdentityProvider',
    'cognito-idp:DeleteIdentityProvider',
    'cognito-idp:SetRiskConfiguration',
    'cognito-idp:SetUICustomization',
    'cognito-idp:SetLogDeliveryConfiguration',
    'cognito-idp:CreateManagedLoginBranding',
    'cognito-idp:UpdateManagedLoginBranding',
    'cognito-idp:DeleteManagedLoginBranding',
    'cognito-idp:TagResource',
    'cognito-idp:UntagResource',
  ],
  iam: ['iam:CreateRole', 'iam:PutRolePolicy'],
  iamWithoutBoundaryChange: [
    'iam:DeleteRole',
    'iam:UpdateRole',
    'iam:UpdateRoleDescription',
    'iam:UpdateAssumeRolePolicy',
    'iam:DeleteRolePolicy',
    'iam:TagRole',
    'iam:UntagRole',
  ],
  lambda: [
    'lambda:CreateFunction',
    'lambda:DeleteFunction',
    'lambda:UpdateFunctionCode',
    'lambda:UpdateFunctionConfiguration',
    'lambda:AddPermission',
    'lambda:RemovePermission',
    'lambda:TagResource',
    'lambda:UntagResource',
  ],
  logs: [
    'logs:CreateLogGroup',
    'logs:DeleteLogGroup',
    'logs:PutRetentionPolicy',
    'logs:DeleteRetentionPolicy',
    'logs:TagResource',
    'logs:UntagResource',
    'logs:TagLogGroup',
    'logs:UntagLogGroup',
  ],
  kms: ['kms:PutKeyPolicy', 'kms:EnableKeyRotation', 'kms:UpdateKeyDescription', 'kms:ScheduleKeyDeletion', 'kms:TagResource', 'kms:UntagResource'],
  secrets: [
    'secretsmanager:DeleteSecret',
    'secretsmanager:UpdateSecret',
    'secretsmanager:PutSecretValue',
    'secretsmanager:PutResourcePolicy',
    'secretsmanager:DeleteResourcePolicy',
    'secretsmanager:ValidateResourcePolicy',
    'secretsmanager:TagResource',
    'secretsmanager:UntagResource',
  ],
  route53: ['route53:ChangeResourceRecordSets'],
};

/** Reading the state (and, for `deploy`, writing it and its lock file). */
function stateStatements(a: PipelineAccount, write: boolean): PolicyStatement[] {
  if (!a.state) return [];
  const bucket = `arn:${a.partition}:s3:::${a.state.bucket}`;
  const keys = `${bucket}/${a.state.keyPrefix}/*`;
  return [
    {
      Sid: 'StateList',
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: bucket,
      Condition: { StringLike: { 's3:prefix': `${a.state.keyPrefix}/*` } },
    },
    { Sid: 'State', Effect: 'Allow', Action: write ? ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'] : 's3:GetObject', Resource: keys },
    ...(a.state.kmsKeyArn
      ? [
          {
            Sid: 'StateKey',
            Effect: 'Allow' as const,
            Action: write ? ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'] : 'kms:Decrypt',
            Resource: a.state.kmsKeyArn,
          },
        ]
      : []),
  ];
}

/** The plan role: reads what the stacks manage and the state; writes nothing, not even the state lock. */
export function planPolicy(a: PipelineAccount): PolicyStatement[] {
  const r = resources(a);
  return [
    { Sid: 'ReadUserPools', Effect: 'Allow', Action: READS.cognito, Resource: r.pools },
    { Sid: 'ReadAppRoles', Effect: 'Allow', Action: READS.iam, Resource: r.appRoles },
    { Sid: 'ReadFunctions', Effect: 'Allow', Action: READS.lambda, Resource: r.functions },
    // DescribeLogGroups takes no resource-level restriction.
    { Sid: 'ListLogGroups', Effect: 'Allow', Action: 'logs:DescribeLogGroups', Resource: '*' },
    { Sid: 'ReadLogGroups', Effect: 'Allow', Action: READS.logs, Resource: r.logGroups },
    { Sid: 'ReadKeys', Effect: 'Allow', Action: READS.kms, Resource: r.keys },
    { Sid: 'ReadSecrets', Effect: 'Allow', Action: READS.secrets, Resource: r.secrets },
    { Sid: 'ReadRecords', Effect: 'Allow', Action: READS.route53, Resource: r.zones },
    ...stateStatements(a, false),
  ];
}

/**
 * The deploy role: what the plan role reads, and changes to the kinds of resource the stacks create. Roles
 * only under the app's path, created and given policies only with the permissions boundary, and passed only
 * to Lambda and Cognito; the boundary and the pipeline's own roles are out of its reach.
 */
export function deployPolicy(a: PipelineAccount): PolicyStatement[] {
  const r = resources(a);
  const boundary = { StringEquals: { 'iam:PermissionsBoundary': boundaryArn(a) } };
  return [
    ...planPolicy(a).filter((s) => !s.Sid?.startsWith('State')),
    // Create calls name no pool, function, key or secret yet.
    {
      Sid: 'CreateWithoutResourceYet',
      Effect: 'Allow',
      Action: ['cognito-idp:CreateUserPool', 'kms:CreateKey', 'secretsmanager:CreateSecret', 'cognito-idp:ListUserPools'],
      Resource: '*',
    },
    { Sid: 'ManageUserPools', Effect: 'Allow', Action: WRITES.cognito, Resource: r.pools },
    { Sid: 'AppRolesOnlyWithBoundary', Effect: 'Allow', Action: WRITES.iam, Resource: r.appRoles, Condition: boundary },
    { Sid: 'ManageAppRoles', Effect: 'Allow', Action: WRITES.iamWithoutBoundaryChange, Resource: r.appRoles },
    {
      Sid: 'PassAppRolesToLambdaAndCognito',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: r.appRoles,
      Condition: { StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com', 'cognito-idp.amazonaws.com'] } },
    },
    { Sid: 'ManageFunctions', Effect: 'Allow', Action: WRITES.lambda, Resource: r.functions },
    { Sid: 'ManageLogGroups', Effect: 'Allow', Action: WRITES.logs, Resource: r.logGroups },
    { Sid: 'ManageKeys', Effect: 'Allow', Action: WRITES.kms, Resource: r.keys },
    { Sid: 'ManageSecrets', Effect: 'Allow', Action: WRITES.secrets, Resource: r.secrets },
    { Sid: 'ManageRecords', Effect: 'Allow', Action: WRITES.route53, Resource: r.zones },
    { Sid: 'WaitForRecords', Effect: 'Allow', Action: 'route53:GetChange', Resource: r.changes },
    ...stateStatements(a, true),
  ];
}

/**
 * The most any role of the app's stacks may ever do (its policies grant less): write its own logs and
 * traces, act on the account's user pools, decrypt with a key (custom senders), publish SMS.
 */
export function boundaryPolicy(a: PipelineAccount): PolicyStatement[] {
  const r = resources(a);
  return [
    { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${r.logGroups}:*` },
    { Sid: 'Traces', Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' },
    { Sid: 'UserPools', Effect: 'Allow', Action: 'cognito-idp:*', Resource: r.pools },
    { Sid: 'SenderKeys', Effect: 'Allow', Action: 'kms:Decrypt', Resource: r.keys },
    { Sid: 'Sms', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
  ];
}

/** The GitHub OIDC issuer and the audience configure-aws-credentials asks for. */
export const GITHUB_OIDC_HOST = 'token.actions.githubusercontent.com';
export const GITHUB_OIDC_AUDIENCE = 'sts.amazonaws.com';

/**
 * The trust of a pipeline role: GitHub's OIDC tokens of this repository with one of the given subjects.
 * Plan: `pull_request` and `ref:refs/heads/*`; deploy: `environment:<name>` of the stacks of the account.
 */
export function githubTrust(oidcProviderArn: string, subjects: readonly string[]): PolicyStatement[] {
  return [
    {
      Sid: 'GitHubActionsOfThisRepository',
      Effect: 'Allow',
      Principal: { Federated: oidcProviderArn },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        StringEquals: {
          [`${GITHUB_OIDC_HOST}:aud`]: GITHUB_OIDC_AUDIENCE,
          // Exact subjects need no pattern matching: an environment is named in full.
          ...(subjects.some((s) => s.includes('*')) ? {} : { [`${GITHUB_OIDC_HOST}:sub`]: [...subjects] }),
        },
        ...(subjects.some((s) => s.includes('*')) ? { StringLike: { [`${GITHUB_OIDC_HOST}:sub`]: [...subjects] } } : {}),
      },
    },
  ];
}

/** The subjects that may plan: the repository's pull requests and branches (never an environment). */
export function planSubjects(repository: string): string[] {
  return [`repo:${repository}:pull_request`, `repo:${repository}:ref:refs/heads/*`];
}

/** The subjects that may deploy: the repository's named environments, and nothing else. */
export function deploySubjects(repository: string, environments: readonly string[]): string[] {
  return environments.map((name) => `repo:${repository}:environment:${name}`);
}
