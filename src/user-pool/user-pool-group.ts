import { CognitoUserGroup, CognitoUserGroupConfig } from '@cdktf/provider-aws/lib/cognito-user-group';
import { Construct } from 'constructs';
import { ARN_PATTERN } from './user-pool-rules';
import { checkIntegerRange, checkLength, checkPattern, PRINTABLE } from '../core/checks';
import { formatProblem, Problem } from '../core/problem';
import type { TerraformMetaArguments } from '../engine';
import type { IUserPool } from './i-user-pool';
import { defined } from '../core/defined';

/** Settings of a {@link UserPoolGroup}. */
export interface UserPoolGroupProps {
  /** The group's name, 1 to 128 characters; it appears in the `cognito:groups` claim. Changing it replaces the group. */
  readonly groupName: string;
  /**
   * What the group is for, at most 2048 characters.
   * @default - none
   */
  readonly description?: string;
  /**
   * Which group's role wins when a user is in several (the lowest number), 0 to 2147483647.
   * @default - none: the group never decides the role
   */
  readonly precedence?: number;
  /**
   * An IAM role that members get through identity pools (`cognito:roles` and `cognito:preferred_role`).
   * @default - none
   */
  readonly roleArn?: string;
}

/** `GroupNameType` of the API, anchored. */
const GROUP_NAME_PATTERN = new RegExp(`^[${PRINTABLE}]+$`, 'u');
/** The largest precedence (a signed 32-bit integer). */
export const MAX_GROUP_PRECEDENCE = 2147483647;

/** The group's API constraints. Tokens are skipped. */
export function checkGroup(props: UserPoolGroupProps): Problem[] {
  return [
    ...checkLength('groupName', props.groupName, 1, 128),
    ...checkPattern('groupName', props.groupName, GROUP_NAME_PATTERN, 'may not contain spaces or control characters', 'remove them from the name'),
    ...checkLength('description', props.description, 0, 2048),
    ...checkIntegerRange('precedence', props.precedence, 0, MAX_GROUP_PRECEDENCE),
    ...checkPattern('roleArn', props.roleArn, ARN_PATTERN, 'must be an IAM role ARN', 'use arn:<partition>:iam::<account>:role/<name>'),
  ];
}

/** The `aws_cognito_user_group` arguments. Pure and free of value checks. */
export function renderGroup(props: UserPoolGroupProps, userPoolId: string): Omit<CognitoUserGroupConfig, keyof TerraformMetaArguments> {
  return defined({ userPoolId, name: props.groupName, description: props.description, precedence: props.precedence, roleArn: props.roleArn });
}

/** A group of a user pool: a name in the users' tokens, and optionally an IAM role for identity pools. */
export class UserPoolGroup extends Construct {
  /** The group's name. */
  public readonly groupName: string;
  /** The underlying `aws_cognito_user_group`. */
  public readonly resource: CognitoUserGroup;

  constructor(scope: Construct, id: string, props: UserPoolGroupProps & { readonly userPool: IUserPool }) {
    super(scope, id);
    const { userPool, ...group } = props;
    this.node.addValidation({ validate: () => checkGroup(group).map((p) => formatProblem(p)) });
    this.resource = new CognitoUserGroup(this, 'group', renderGroup(group, userPool.userPoolId));
    this.groupName = group.groupName;
  }
}
