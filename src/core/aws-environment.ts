import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { IConstruct } from 'constructs';
import { TerraformStack, Token } from '../engine';

/** The AWS account and region a stack deploys to. */
export interface AwsEnvironmentProps {
  /** The 12-digit AWS account id. */
  readonly accountId: string;
  /** The AWS region, e.g. `eu-west-1`. */
  readonly region: string;
}

/** What a construct can know about its stack's AWS environment without calling AWS. */
export interface ResolvedAwsEnvironment {
  /** The account id, when the stack declared it. */
  readonly accountId?: string | undefined;
  /** The region, when the stack declared it. */
  readonly region?: string | undefined;
  /** The ARN partition (`aws`, `aws-cn`, `aws-us-gov`, ...): a literal when the region is known, else a reference. */
  readonly partition: string;
}

const declared = new WeakMap<TerraformStack, AwsEnvironmentProps>();

/**
 * The account and region of a stack, declared once and read by every construct in it.
 *
 * Why not `data "aws_caller_identity"`: it calls AWS at plan time, and plans here must be producible
 * offline and must never depend on whichever credentials happen to be loaded.
 */
export class AwsEnvironment {
  /** Declares the account and region that `scope`'s stack deploys to. */
  public static declare(scope: IConstruct, props: AwsEnvironmentProps): void {
    declared.set(TerraformStack.of(scope), props);
  }

  /** The environment of `scope`'s stack: account and region as declared, partition derived. */
  public static of(scope: IConstruct): ResolvedAwsEnvironment {
    const stack = TerraformStack.of(scope);
    const env = declared.get(stack);
    const literalPartition = env && !Token.isUnresolved(env.region) ? partitionOfRegion(env.region) : undefined;
    return {
      accountId: env?.accountId,
      region: env?.region,
      partition: literalPartition ?? partitionDataSource(stack).partition,
    };
  }
}

/**
 * The ARN partition of a region, from its name. Never hard-code `arn:aws:`: GovCloud and China exist.
 */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** `data "aws_partition"` is answered by the provider itself from its region: it makes no AWS call. */
function partitionDataSource(stack: TerraformStack): DataAwsPartition {
  const id = 'aws-partition';
  return (stack.node.tryFindChild(id) as DataAwsPartition | undefined) ?? new DataAwsPartition(stack, id);
}
