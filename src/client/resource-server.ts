import { CognitoResourceServer, CognitoResourceServerConfig, CognitoResourceServerScope } from '@cdktf/provider-aws/lib/cognito-resource-server';
import { Construct } from 'constructs';
import { checkLength, checkMaxItems, checkPattern } from '../core/checks';
import { addDynamicBlocks, DynamicBlock, splitDynamicBlocks } from '../core/conditional';
import { formatProblem, isKnown, Problem } from '../core/problem';
import { Token } from '../engine';
import { NAME_PATTERN } from '../user-pool/user-pool-rules';
import type { TerraformMetaArguments } from '../engine';
import type { IUserPool } from '../user-pool/i-user-pool';

/** Resource server identifiers and full scope strings: no spaces, `"` or `\`. */
export const SCOPE_PATTERN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;
/** A resource server's own scope names: no `/` either. */
export const SCOPE_NAME_PATTERN = /^[\x21\x23-\x2E\x30-\x5B\x5D-\x7E]+$/;

/** One scope of a resource server (`<identifier>/<name>` in tokens). */
export class ResourceServerScope {
  constructor(
    /** The name, without `/`, space, `"` or `\`. */
    public readonly scopeName: string,
    /** What the scope allows, 1 to 256 characters. */
    public readonly scopeDescription: string,
  ) {}
}

/** Settings of a {@link UserPoolResourceServer} without its pool. */
export interface UserPoolResourceServerOptions {
  /**
   * The identifier, usually the API's URL (`https://api.example.com`): the prefix of its scopes.
   * Changing it replaces the resource server and every client scope that names it.
   */
  readonly identifier: string;
  /**
   * A readable name.
   * @default - the identifier
   */
  readonly name?: string;
  /**
   * The scopes.
   * @default - none
   */
  readonly scopes?: readonly ResourceServerScope[];
}

/** Settings of a {@link UserPoolResourceServer}. */
export interface UserPoolResourceServerProps extends UserPoolResourceServerOptions {
  /** The pool: created here or imported (`UserPool.fromUserPoolId`). */
  readonly userPool: IUserPool;
}

/** An API that machine-to-machine and other clients get scoped access tokens for. */
export class UserPoolResourceServer extends Construct {
  /** The identifier (the scopes' prefix). */
  public readonly identifier: string;
  /** The scopes. */
  public readonly scopes: readonly ResourceServerScope[];
  /** The underlying `aws_cognito_resource_server`. */
  public readonly resource: CognitoResourceServer;

  constructor(scope: Construct, id: string, props: UserPoolResourceServerProps) {
    super(scope, id);
    this.identifier = props.identifier;
    this.scopes = props.scopes ?? [];
    this.node.addValidation({ validate: () => checkResourceServer(props).map((p) => formatProblem(p)) });
    const { config, dynamicBlocks } = splitDynamicBlocks(renderResourceServer(props, props.userPool.userPoolId));
    this.resource = new CognitoResourceServer(this, 'resource', config);
    addDynamicBlocks(this.resource, dynamicBlocks);
    props.userPool.registerResourceServer(this);
  }

  /** Whether the server defines a scope of this name. */
  public hasScope(name: string): boolean {
    return this.scopes.some((s) => s.scopeName === name);
  }
}

/**
 * The `aws_cognito_resource_server` arguments. Pure and free of value checks. `scopes` may be a token for
 * a list of `{ scope_name, scope_description }` objects: the scopes are then a `dynamic` block over it.
 */
export function renderResourceServer(
  props: UserPoolResourceServerOptions,
  userPoolId: string,
): Omit<CognitoResourceServerConfig, keyof TerraformMetaArguments> {
  const scopes = props.scopes ?? [];
  const scope = Token.isUnresolved(scopes)
    ? (new DynamicBlock(scopes, {
        scope_name: '${scope.value.scope_name}',
        scope_description: '${scope.value.scope_description}',
      }) as unknown as CognitoResourceServerScope[])
    : scopes.map((s) => ({ scopeName: s.scopeName, scopeDescription: s.scopeDescription }));
  return { userPoolId, identifier: props.identifier, name: props.name ?? props.identifier, scope };
}

/** The resource server's API constraints. */
export function checkResourceServer(props: UserPoolResourceServerOptions): Problem[] {
  const scopes = props.scopes ?? [];
  const names = scopes.map((s) => s.scopeName).filter(isKnown);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  return [
    ...checkLength('identifier', props.identifier, 1, 256),
    ...checkPattern('identifier', props.identifier, SCOPE_PATTERN, 'may not contain spaces, " or \\', 'use a URL such as https://api.example.com'),
    ...checkLength('name', props.name, 1, 256),
    ...checkPattern('name', props.name, NAME_PATTERN, 'may contain only letters, digits, spaces and + = , . @ -', 'remove the other characters'),
    ...checkMaxItems('scopes', scopes, 100),
    ...scopes.flatMap((s, i) => [
      ...checkLength(`scopes[${i}].scopeName`, s.scopeName, 1, 256),
      ...checkPattern(
        `scopes[${i}].scopeName`,
        s.scopeName,
        SCOPE_NAME_PATTERN,
        'may not contain /, spaces, " or \\',
        'use a name like read or orders.write',
      ),
      ...checkLength(`scopes[${i}].scopeDescription`, s.scopeDescription, 1, 256),
    ]),
    ...(repeated.length > 0
      ? [{ path: 'scopes', rule: 'scope names must be unique', received: names, fix: `remove the repeated ${[...new Set(repeated)].join(', ')}` }]
      : []),
  ];
}
