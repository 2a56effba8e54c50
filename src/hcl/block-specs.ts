/**
 * What Terraform's blocks hold: the schema tables the renderer reads. Terraform's own blocks are
 * described here; provider resources, data sources and providers come from `block-schema.json`.
 */

import blockSchema from './block-schema.json';
import { fail, own } from './json';

/**
 * How Terraform reads one argument's JSON value (the JSON syntax page's block-type-specific exceptions).
 * - `expression`: strings are string templates; `"${x}"` alone is the expression `x`.
 * - `literal`: taken as written; strings are not templates (variable defaults, the terraform block).
 * - `reference` / `references`: a string (or list of strings) holding a reference (`provider`, `depends_on`).
 * - `keyword`: a string holding a bare keyword (`when = destroy`).
 * - `ignoreChanges`: `"all"` or a list of attribute references.
 * - `typeConstraint`: a string holding a type expression (variable `type`).
 * - `providerMap`: module `providers`, references on both sides.
 * - `providerRequirement`: a `required_providers` entry, literal but for its `configuration_aliases`.
 */
export type ArgumentKind =
  'expression' | 'literal' | 'reference' | 'references' | 'keyword' | 'ignoreChanges' | 'typeConstraint' | 'providerMap' | 'providerRequirement';

/** What one kind of block body may hold. */
export interface BodySpec {
  /** What the body belongs to, for messages: `resource type "aws_iam_role"`. */
  readonly what: string;
  /** Nested block types, by name. */
  readonly blocks: Readonly<Record<string, BlockSpec>>;
  /** Arguments read other than as `otherArguments` are. */
  readonly arguments?: Readonly<Record<string, ArgumentKind>>;
  /** How every other argument is read. @default 'expression' */
  readonly otherArguments?: ArgumentKind;
  /**
   * The other arguments that may hold an object (or a list of objects). Anything else holding one might
   * be a block the renderer was not told about, so it is an error. `any` where no schema exists
   * (locals, module inputs). @default - none
   */
  readonly objectArguments?: ReadonlySet<string> | 'any';
  /** What to do about an unexpected object, when there is something to do. */
  readonly hint?: string;
  /** Meta-arguments written first, and last, in this order (Terraform's style guide). */
  readonly leading?: readonly string[];
  readonly trailing?: readonly string[];
}

/** A nested block type: how many labels it has, and what its body holds (which may depend on them). */
export interface BlockSpec {
  readonly labels: number;
  readonly body: (labels: readonly string[], where: string) => BodySpec;
}

/** The reduced provider schema `scripts/extract-hcl-schema.ts` writes. */
interface SchemaBlock {
  readonly blocks?: Readonly<Record<string, SchemaBlock>>;
  readonly objectArguments?: readonly string[];
}

interface BlockSchemaFile {
  readonly providers: Readonly<Record<string, { readonly source: string; readonly version: string; readonly config: SchemaBlock }>>;
  readonly resources: Readonly<Record<string, SchemaBlock>>;
  readonly dataSources: Readonly<Record<string, SchemaBlock>>;
}

// Imported (resolveJsonModule), so that `npm run build` copies the schema into dist/ beside the code.
const SCHEMA: BlockSchemaFile = blockSchema as BlockSchemaFile;

const REGENERATE = 'add it to the types in scripts/extract-hcl-schema.ts and run that script to regenerate src/hcl/block-schema.json';

const fixed = (labels: number, spec: BodySpec): BlockSpec => ({ labels, body: () => spec });

const CHECK_RULE = fixed(0, { what: 'a condition check', blocks: {}, arguments: { condition: 'expression', error_message: 'expression' } });

const CONNECTION = fixed(0, { what: 'connection', blocks: {}, arguments: { type: 'literal' } });

const PROVISIONER: BlockSpec = {
  labels: 1,
  body: ([type]) => ({
    what: `provisioner "${type}"`,
    blocks: { connection: CONNECTION },
    arguments: { when: 'keyword', on_failure: 'keyword' },
    objectArguments: new Set(type === 'local-exec' ? ['environment'] : []),
  }),
};

const LIFECYCLE = fixed(0, {
  what: 'lifecycle',
  blocks: { precondition: CHECK_RULE, postcondition: CHECK_RULE },
  arguments: {
    create_before_destroy: 'literal',
    prevent_destroy: 'literal',
    ignore_changes: 'ignoreChanges',
    replace_triggered_by: 'references',
  },
});

/** Meta-arguments of `data` blocks; `resource` blocks add provisioners and connections. */
const DATA_META = {
  blocks: { lifecycle: LIFECYCLE },
  arguments: { count: 'expression', for_each: 'expression', provider: 'reference', depends_on: 'references' },
  leading: ['count', 'for_each', 'provider'],
  trailing: ['lifecycle', 'depends_on'],
} as const;

const RESOURCE_META = { ...DATA_META, blocks: { ...DATA_META.blocks, provisioner: PROVISIONER, connection: CONNECTION } } as const;

/** Arguments of backends that hold objects; backend types not listed here hold none. */
const BACKEND_OBJECT_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  s3: ['assume_role', 'assume_role_with_web_identity', 'endpoints'],
};

const BACKEND_BLOCKS: Readonly<Record<string, Readonly<Record<string, BlockSpec>>>> = {
  remote: { workspaces: fixed(0, { what: 'backend "remote" workspaces', blocks: {}, otherArguments: 'literal' }) },
};

const TERRAFORM: BodySpec = {
  what: 'the terraform block',
  otherArguments: 'literal',
  arguments: { experiments: 'references' },
  blocks: {
    backend: {
      labels: 1,
      body: ([type]) => ({
        what: `backend "${type}"`,
        blocks: own(BACKEND_BLOCKS, type) ?? {},
        otherArguments: 'literal',
        objectArguments: new Set(own(BACKEND_OBJECT_ARGUMENTS, type) ?? []),
        hint: 'describe the backend in BACKEND_OBJECT_ARGUMENTS or BACKEND_BLOCKS in src/hcl/block-specs.ts',
      }),
    },
    cloud: fixed(0, {
      what: 'cloud',
      otherArguments: 'literal',
      blocks: { workspaces: fixed(0, { what: 'cloud workspaces', blocks: {}, otherArguments: 'literal', objectArguments: new Set(['tags']) }) },
    }),
    required_providers: fixed(0, { what: 'required_providers', blocks: {}, otherArguments: 'providerRequirement', objectArguments: 'any' }),
    provider_meta: {
      labels: 1,
      body: ([name]) => ({ what: `provider_meta "${name}"`, blocks: {}, otherArguments: 'literal', objectArguments: 'any' }),
    },
  },
};

const VARIABLE: BodySpec = {
  what: 'variable',
  blocks: { validation: CHECK_RULE },
  arguments: {
    type: 'typeConstraint',
    default: 'literal',
    description: 'literal',
    sensitive: 'literal',
    nullable: 'literal',
    ephemeral: 'literal',
  },
};

const OUTPUT: BodySpec = {
  what: 'output',
  blocks: { precondition: CHECK_RULE },
  arguments: { value: 'expression', description: 'literal', sensitive: 'literal', ephemeral: 'literal', depends_on: 'references' },
  trailing: ['depends_on'],
};

const LOCALS: BodySpec = { what: 'locals', blocks: {}, objectArguments: 'any' };

const MODULE: BodySpec = {
  what: 'module',
  blocks: {},
  objectArguments: 'any',
  arguments: { source: 'literal', version: 'literal', providers: 'providerMap', depends_on: 'references' },
  leading: ['source', 'version', 'count', 'for_each', 'providers'],
  trailing: ['depends_on'],
};

const MOVED: BodySpec = { what: 'moved', blocks: {}, arguments: { from: 'reference', to: 'reference' } };

const IMPORT: BodySpec = {
  what: 'import',
  blocks: {},
  arguments: { to: 'reference', id: 'expression', provider: 'reference', for_each: 'expression', identity: 'expression' },
};

const REMOVED: BodySpec = {
  what: 'removed',
  arguments: { from: 'reference' },
  blocks: {
    lifecycle: fixed(0, { what: 'removed lifecycle', blocks: {}, arguments: { destroy: 'literal' } }),
    provisioner: PROVISIONER,
    connection: CONNECTION,
  },
};

/** Top-level block types, in the order they are written. */
export const TOP_LEVEL: ReadonlyArray<readonly [string, BlockSpec]> = [
  ['terraform', fixed(0, TERRAFORM)],
  ['provider', { labels: 1, body: ([name], where) => providerBody(name, where) }],
  ['variable', fixed(1, VARIABLE)],
  ['locals', fixed(0, LOCALS)],
  ['data', { labels: 2, body: ([type], where) => typeBody('data source', type, where) }],
  ['resource', { labels: 2, body: ([type], where) => typeBody('resource', type, where) }],
  ['module', fixed(1, MODULE)],
  ['moved', fixed(0, MOVED)],
  ['import', fixed(0, IMPORT)],
  ['removed', fixed(0, REMOVED)],
  ['output', fixed(1, OUTPUT)],
];

/** The bodies of resource and data source types, made once per type and run. */
const TYPE_BODIES = { resource: new Map<string, BodySpec>(), 'data source': new Map<string, BodySpec>() };

function typeBody(kind: 'resource' | 'data source', type: string, where: string): BodySpec {
  let body = TYPE_BODIES[kind].get(type);
  if (!body) {
    body = withMeta(schemaBody(schemaOf(kind, type, where), `${kind} type "${type}"`), kind === 'resource' ? RESOURCE_META : DATA_META);
    TYPE_BODIES[kind].set(type, body);
  }
  return body;
}

function providerBody(name: string, where: string): BodySpec {
  const provider = own(SCHEMA.providers, name);
  if (!provider) fail(where, `provider "${name}" is not in the block schema (src/hcl/block-schema.json): ${REGENERATE}`);
  const body = schemaBody(provider.config, `provider "${name}"`);
  return { ...body, arguments: { alias: 'literal', version: 'literal' } };
}

function schemaOf(kind: 'resource' | 'data source', type: string, where: string): SchemaBlock {
  const schema = own(kind === 'resource' ? SCHEMA.resources : SCHEMA.dataSources, type);
  if (!schema) {
    fail(
      where,
      `${kind} type "${type}" is not in the block schema (src/hcl/block-schema.json), so its nested blocks cannot be told from its object arguments: ${REGENERATE}`,
    );
  }
  return schema;
}

/** The body of a provider-schema block: its nested blocks, `dynamic` blocks of those, and its object arguments. */
function schemaBody(schema: SchemaBlock, what: string): BodySpec {
  const blocks: Record<string, BlockSpec> = {};
  for (const [name, child] of Object.entries(schema.blocks ?? {})) {
    blocks[name] = fixed(0, schemaBody(child, `block "${name}" of ${what}`));
  }
  return {
    what,
    blocks: { ...blocks, dynamic: dynamicBlock(blocks, what) },
    objectArguments: new Set(schema.objectArguments ?? []),
    hint: `if the provider added it, ${REGENERATE}`,
  };
}

/** `dynamic "x" { for_each, iterator, labels, content { ... } }`, where `content` is a body of block type x. */
function dynamicBlock(blocks: Readonly<Record<string, BlockSpec>>, what: string): BlockSpec {
  return {
    labels: 1,
    body: ([type], where) => {
      const target = own(blocks, type);
      if (!target) fail(where, `dynamic "${type}": ${what} has no block type "${type}"`);
      return {
        what: `dynamic "${type}"`,
        blocks: { content: { labels: 0, body: (_labels, inner) => target.body([], inner) } },
        arguments: { for_each: 'expression', iterator: 'keyword', labels: 'expression' },
      };
    },
  };
}

function withMeta(body: BodySpec, meta: Pick<BodySpec, 'blocks' | 'arguments' | 'leading' | 'trailing'>): BodySpec {
  return { ...body, ...meta, blocks: { ...body.blocks, ...meta.blocks } };
}

/** In any JSON object that is a block body, Terraform ignores this key: it is a comment. */
export const COMMENT_KEY = '//';
