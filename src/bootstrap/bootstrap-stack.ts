import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import {
  boundaryPolicy,
  deployPolicy,
  deploySubjects,
  GITHUB_OIDC_AUDIENCE,
  GITHUB_OIDC_HOST,
  githubTrust,
  PipelineAccount,
  pipelineRoleArn,
  planPolicy,
  planSubjects,
} from './pipeline-policies';
import { addStateBackend, DEFAULT_STATE_KEY_PREFIX } from '../app/cognito-stack';
import { BackendConfig } from '../app/config-schema';
import { partitionOfRegion } from '../core/aws-environment';
import { policyDocument } from '../core/iam';
import { TerraformStack } from '../engine';
import { recordPipelineMetadata } from './stack-pipeline';

/** Settings of a {@link BootstrapStack}: the pipeline's roles in one account. */
export interface BootstrapStackProps {
  readonly accountId: string;
  /** A region for the provider (IAM is global). */
  readonly region: string;
  /** The GitHub repository, `owner/name`, whose workflow plans and deploys. */
  readonly repository: string;
  /** The GitHub environments whose jobs may deploy to this account (one per stack in it). */
  readonly environments: readonly string[];
  /** Prefix of the pipeline's names (see {@link PipelineAccount.prefix}). */
  readonly prefix: string;
  /**
   * The account's GitHub OIDC provider, when it has one already (an account has one per issuer).
   * @default - created here
   */
  readonly oidcProviderArn?: string | undefined;
  /** The state the app's stacks keep, which the roles read (plan) and write (deploy). */
  readonly state?: PipelineAccount['state'];
  /** Tags on every resource. */
  readonly tags?: { readonly [key: string]: string };
  /**
   * Where the bootstrap stack's own state goes: the app's backend, under `<keyPrefix>-bootstrap/`, out of
   * the deploy role's reach.
   * @default - a local state file
   */
  readonly backend?: BackendConfig | undefined;
}

/**
 * One account's pipeline roles, applied once by an administrator: the GitHub OIDC provider, a plan role
 * that reads (pull requests and branches of the repository), a deploy role that changes only what the app's
 * stacks create (the repository's named environments only), and the permissions boundary that every role
 * of the app's stacks carries. Reads nothing from AWS at plan time.
 */
export class BootstrapStack extends TerraformStack {
  public readonly planRoleArn: string;
  public readonly deployRoleArn: string;

  constructor(scope: Construct, id: string, props: BootstrapStackProps) {
    super(scope, id);
    const account: PipelineAccount = {
      partition: partitionOfRegion(props.region),
      accountId: props.accountId,
      prefix: props.prefix,
      state: props.state,
    };
    new AwsProvider(this, 'aws', {
      region: props.region,
      allowedAccountIds: [props.accountId],
      defaultTags: props.tags && Object.keys(props.tags).length > 0 ? [{ tags: { ...props.tags } }] : undefined,
    });
    addStateBackend(this, id, props.backend, `${props.backend?.keyPrefix ?? DEFAULT_STATE_KEY_PREFIX}-bootstrap`);
    const oidcProviderArn =
      props.oidcProviderArn ??
      new IamOpenidConnectProvider(this, 'github', { url: `https://${GITHUB_OIDC_HOST}`, clientIdList: [GITHUB_OIDC_AUDIENCE] }).arn;
    new IamPolicy(this, 'boundary', {
      name: `${props.prefix}-boundary`,
      description: 'The most any role of the Cognito stacks may do; the deploy role creates roles only with it',
      policy: policyDocument(boundaryPolicy(account)),
    });
    const role = (kind: 'plan' | 'deploy', subjects: string[], statements: ReturnType<typeof planPolicy>, description: string) => {
      const created = new IamRole(this, kind, {
        name: `${props.prefix}-${kind}`,
        description,
        maxSessionDuration: 3600,
        assumeRolePolicy: policyDocument(githubTrust(oidcProviderArn, subjects)),
      });
      new IamRolePolicy(this, `${kind}-policy`, { role: created.id, name: kind, policy: policyDocument(statements) });
      return created;
    };
    role('plan', planSubjects(props.repository), planPolicy(account), `Plans the Cognito stacks from ${props.repository}: reads only`);
    role(
      'deploy',
      deploySubjects(props.repository, props.environments),
      deployPolicy(account),
      `Applies the Cognito stacks from ${props.repository}'s approved environments`,
    );
    this.planRoleArn = pipelineRoleArn(account, 'plan');
    this.deployRoleArn = pipelineRoleArn(account, 'deploy');
    recordPipelineMetadata(this, { kind: 'bootstrap' });
  }
}
