import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IConstruct } from 'constructs';
import { appRolePath, boundaryArn, PipelineAccount } from './pipeline-policies';
import { Aspects, TerraformStack } from '../engine';

/** What the pipeline needs to know about a stack, kept in its Terraform JSON as a comment (`"//"`). */
export interface PipelineMetadata {
  /** `bootstrap` stacks are applied once by an administrator, never by the workflow. */
  readonly kind: 'app' | 'bootstrap';
  readonly planRoleArn?: string;
  readonly deployRoleArn?: string;
}

/** Writes the pipeline's metadata into the stack's JSON, where Terraform ignores it and pipeline.sh reads it. */
export function recordPipelineMetadata(stack: TerraformStack, metadata: PipelineMetadata): void {
  stack.addOverride('//.pipeline', { ...metadata });
}

/**
 * Puts every IAM role of an app stack under the pipeline's path, with the permissions boundary: the only
 * roles the deploy role may create or change.
 */
export function confineRoles(stack: TerraformStack, account: Pick<PipelineAccount, 'partition' | 'accountId' | 'prefix'>): void {
  Aspects.of(stack).add({
    visit(node: IConstruct) {
      if (node instanceof IamRole) {
        node.path = appRolePath(account.prefix);
        node.permissionsBoundary = boundaryArn(account);
      }
    },
  });
}
