/**
 * Renders a synthesized Terraform JSON configuration (`cdk.tf.json`) as native HCL (`main.tf`), for teams
 * that read and plan with plain `terraform`.
 *
 * Three things make this more than a pretty-printer:
 *
 * - Terraform JSON does not say which object-valued keys are nested blocks (`password_policy { ... }`)
 *   and which are arguments holding objects (`tags = { ... }`). Provider schemas say it, reduced to
 *   `block-schema.json` by `scripts/extract-hcl-schema.ts`; Terraform's own blocks are described below.
 *   What neither knows is an error, never a guess.
 * - JSON strings are string templates in most places but literal text or bare references in others
 *   (the "block-type-specific exceptions" of Terraform's JSON syntax). Each argument is read the way
 *   Terraform reads it.
 * - The output is exactly what `terraform fmt` would write: the renderer emits HCL tokens, and a port of
 *   hclwrite's formatter (the code behind `terraform fmt`) lays them out.
 */

import blockSchema from './block-schema.json';

type Json = null | boolean | number | string | Json[] | JsonObject;
type JsonObject = { [key: string]: Json };

/**
 * The HCL text of a Terraform JSON configuration: the same configuration, formatted as `terraform fmt`
 * formats it.
 *
 * @param config the content of a `cdk.tf.json` (top-level keys `terraform`, `provider`, `variable`,
 *   `locals`, `data`, `resource`, `module`, `output`, `moved`, `import`, `removed`; `//` comments are
 *   dropped).
 * @throws Error naming the place when the configuration uses a resource, data source, provider or
 *   argument the block schema does not know, or holds an expression HCL cannot carry.
 */
export function renderHcl(config: object): string {
  // A JSON round trip gives exactly what `cdk.tf.json` holds: `undefined` and `toJSON` resolved.
  return renderJson(JSON.parse(JSON.stringify(config)));
}

/** {@link renderHcl} of the text of a `cdk.tf.json` file. */
export function renderHclText(json: string): string {
  return renderJson(JSON.parse(json));
}

function renderJson(config: Json): string {
  const root = asObject(config, 'the configuration');
  const known = TOP_LEVEL.map(([name]) => name);
  for (const key of Object.keys(root)) {
    if (key !== COMMENT_KEY && !known.includes(key)) fail(key, `"${key}" is not a top-level block type this renderer knows (${known.join(', ')})`);
  }
  const sections = TOP_LEVEL.flatMap(([type, spec]) =>
    Object.hasOwn(root, type) ? blockSections(type, root[type], spec, '') : [],
  );
  return formatTokens(joinSections(sections));
}

// ---------------------------------------------------------------------------------------------------
// What Terraform's blocks hold
// ---------------------------------------------------------------------------------------------------

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
type ArgumentKind =
  | 'expression'
  | 'literal'
  | 'reference'
  | 'references'
  | 'keyword'
  | 'ignoreChanges'
  | 'typeConstraint'
  | 'providerMap'
  | 'providerRequirement';

/** What one kind of block body may hold. */
interface BodySpec {
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
interface BlockSpec {
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
        hint: 'describe the backend in BACKEND_OBJECT_ARGUMENTS or BACKEND_BLOCKS in src/hcl/render-hcl.ts',
      }),
    },
    cloud: fixed(0, {
      what: 'cloud',
      otherArguments: 'literal',
      blocks: { workspaces: fixed(0, { what: 'cloud workspaces', blocks: {}, otherArguments: 'literal', objectArguments: new Set(['tags']) }) },
    }),
    required_providers: fixed(0, { what: 'required_providers', blocks: {}, otherArguments: 'providerRequirement', objectArguments: 'any' }),
    provider_meta: { labels: 1, body: ([name]) => ({ what: `provider_meta "${name}"`, blocks: {}, otherArguments: 'literal', objectArguments: 'any' }) },
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
const TOP_LEVEL: ReadonlyArray<readonly [string, BlockSpec]> = [
  ['terraform', fixed(0, TERRAFORM)],
  ['provider', { labels: 1, body: ([name], where) => providerBody(name, where) }],
  ['variable', fixed(1, VARIABLE)],
  ['locals', fixed(0, LOCALS)],
  ['data', { labels: 2, body: ([type], where) => withMeta(schemaBody(schemaOf('data source', type, where), `data source type "${type}"`), DATA_META) }],
  ['resource', { labels: 2, body: ([type], where) => withMeta(schemaBody(schemaOf('resource', type, where), `resource type "${type}"`), RESOURCE_META) }],
  ['module', fixed(1, MODULE)],
  ['moved', fixed(0, MOVED)],
  ['import', fixed(0, IMPORT)],
  ['removed', fixed(0, REMOVED)],
  ['output', fixed(1, OUTPUT)],
];

function providerBody(name: string, where: string): BodySpec {
  const provider = own(SCHEMA.providers, name);
  if (!provider) fail(where, `provider "${name}" is not in the block schema (src/hcl/block-schema.json): ${REGENERATE}`);
  const body = schemaBody(provider.config, `provider "${name}"`);
  return { ...body, arguments: { alias: 'literal', version: 'literal' } };
}

function schemaOf(kind: 'resource' | 'data source', type: string, where: string): SchemaBlock {
  const schema = own(kind === 'resource' ? SCHEMA.resources : SCHEMA.dataSources, type);
  if (!schema) {
    fail(where, `${kind} type "${type}" is not in the block schema (src/hcl/block-schema.json), so its nested blocks cannot be told from its object arguments: ${REGENERATE}`);
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

// ---------------------------------------------------------------------------------------------------
// Blocks and bodies
// ---------------------------------------------------------------------------------------------------

/** In any JSON object that is a block body, Terraform ignores this key: it is a comment. */
const COMMENT_KEY = '//';

/** One block of a type, with its labels. */
interface BlockInstance {
  readonly labels: readonly string[];
  readonly body: JsonObject;
  readonly where: string;
}

/** Each block a JSON property describes, as its own section (blocks are set apart by blank lines). */
function blockSections(type: string, value: Json, spec: BlockSpec, parent: string): Token[][] {
  const where = parent ? `${parent}.${type}` : type;
  return expandBlocks(value, spec.labels, [], where).map((block) => [
    ident(type),
    ...block.labels.flatMap((label) => quoted(label, true)),
    token('OBrace', '{'),
    ...bodyLines(bodyTokens(block.body, spec.body(block.labels, block.where), block.where)),
    token('CBrace', '}'),
    NEWLINE,
  ]);
}

/** An empty body closes on the same line: `foo {}`. */
const bodyLines = (body: Token[]): Token[] => (body.length ? [NEWLINE, ...body] : []);

/**
 * The blocks one JSON property value describes. Each label level is an object keyed by label, or a
 * list of such objects (which keeps the order); the innermost value is a body, or a list of bodies.
 * `null` and `[]` are no blocks at all.
 */
function expandBlocks(value: Json, labels: number, given: readonly string[], where: string): BlockInstance[] {
  if (value === null) return [];
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => {
      const at = value.length > 1 ? `${where}[${i}]` : where;
      return expandBlocks(asObject(item, at), labels, given, at);
    });
  }
  const object = asObject(value, where);
  if (labels === 0) return [{ labels: given, body: object, where }];
  return Object.entries(object).flatMap(([label, inner]) => expandBlocks(inner, labels - 1, [...given, label], `${where}.${label}`));
}

/**
 * A body's lines: leading meta-arguments, then arguments, then each nested block, then trailing
 * meta-arguments, with blank lines between those sections (so `=` alignment stays within each).
 */
function bodyTokens(body: JsonObject, spec: BodySpec, where: string): Token[] {
  const entries = Object.entries(body).filter(([key]) => key !== COMMENT_KEY);
  const leading = pick(entries, spec.leading ?? []);
  const trailing = pick(entries, spec.trailing ?? []);
  const placed = new Set([...leading, ...trailing].map(([key]) => key));
  const rest = entries.filter(([key]) => !placed.has(key));
  const isBlock = ([key]: [string, Json]): boolean => own(spec.blocks, key) !== undefined;
  return joinSections([
    ...entrySections(leading, spec, where, true),
    ...entrySections(rest.filter((e) => !isBlock(e)), spec, where, true),
    ...entrySections(rest.filter(isBlock), spec, where, false),
    ...entrySections(trailing, spec, where, false),
  ]);
}

/**
 * Sections for entries: every block alone, and arguments each alone or (`together`) in one section,
 * one-line arguments first so that a multi-line value does not split their `=` alignment.
 */
function entrySections(entries: [string, Json][], spec: BodySpec, where: string, together: boolean): Token[][] {
  const sections = entries.flatMap(([key, value]): Token[][] => {
    const block = own(spec.blocks, key);
    return block ? blockSections(key, value, block, where) : [argumentTokens(key, value, spec, where)];
  });
  const joinable = together && entries.every(([key]) => own(spec.blocks, key) === undefined);
  if (!joinable || !sections.length) return sections;
  const oneLine = (section: Token[]): boolean => section.filter(endsLine).length === 1;
  return [[...sections.filter(oneLine), ...sections.filter((s) => !oneLine(s))].flat()];
}

function pick(entries: [string, Json][], keys: readonly string[]): [string, Json][] {
  return keys.flatMap((key) => entries.filter(([name]) => name === key));
}

/** Sections separated by one blank line. */
function joinSections(sections: Token[][]): Token[] {
  return sections.filter((s) => s.length).flatMap((section, i) => (i ? [NEWLINE, ...section] : section));
}

/** `name = value`, the value read as Terraform reads this argument. */
function argumentTokens(name: string, value: Json, spec: BodySpec, parent: string): Token[] {
  const where = `${parent}.${name}`;
  if (!IDENTIFIER.test(name)) fail(where, `"${name}" is not a valid argument name`);
  const declared = spec.arguments && own(spec.arguments, name);
  const allowed = spec.objectArguments ?? new Set<string>();
  if (!declared && allowed !== 'any' && !allowed.has(name) && holdsObject(value)) {
    fail(where, `"${name}" holds an object, but ${spec.what} has no block type or object argument of that name${spec.hint ? `: ${spec.hint}` : ''}`);
  }
  return [ident(name), token('Equal', '='), ...argumentValue(value, declared ?? spec.otherArguments ?? 'expression', where), NEWLINE];
}

/** Whether a value is or contains an object, which a block of that name would also be. */
function holdsObject(value: Json): boolean {
  return Array.isArray(value) ? value.some(holdsObject) : value !== null && typeof value === 'object';
}

function argumentValue(value: Json, kind: ArgumentKind, where: string): Token[] {
  switch (kind) {
    case 'expression':
    case 'literal':
      return valueTokens(value, kind, where);
    case 'reference':
      return lexExpression(asString(value, where), where);
    case 'references':
      return tuple(asArray(value, where).map((item, i) => lexExpression(asString(item, `${where}[${i}]`), where)));
    case 'keyword':
      return keyword(value, where);
    case 'ignoreChanges':
      return value === 'all' ? [ident('all')] : argumentValue(value, 'references', where);
    case 'typeConstraint':
      return typeConstraint(asString(value, where), where);
    case 'providerMap':
      return objectCons(Object.entries(asObject(value, where)).map(([k, v]) => [lexExpression(k, where), argumentValue(v, 'reference', `${where}.${k}`)]));
    case 'providerRequirement':
      return typeof value === 'string'
        ? quoted(value, true)
        : objectCons(
            Object.entries(asObject(value, where)).map(([k, v]) => [
              objectKey(k, 'literal', where),
              argumentValue(v, k === 'configuration_aliases' ? 'references' : 'literal', `${where}.${k}`),
            ]),
          );
  }
}

function keyword(value: Json, where: string): Token[] {
  const word = asString(value, where);
  if (!IDENTIFIER.test(word)) fail(where, `expected a keyword, found ${JSON.stringify(word)}`);
  return [ident(word)];
}

/** A type expression. `terraform fmt` spells the bare collection keywords as the `any` collections they mean. */
function typeConstraint(source: string, where: string): Token[] {
  const tokens = lexExpression(source, where);
  const [only] = tokens;
  if (tokens.length === 1 && only.type === 'Ident' && ['list', 'map', 'set'].includes(only.text)) {
    return [only, token('OParen', '('), ident('any'), token('CParen', ')')];
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------------

/** Lists that fit in this many characters stay on one line. */
const MAX_INLINE_LIST = 80;

/** Object keys written bare; others (and the words HCL reads as values or a `for`) are quoted. */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RESERVED_KEYS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/** A JSON value as an HCL expression: strings are templates (`expression`) or plain text (`literal`). */
function valueTokens(value: Json, kind: 'expression' | 'literal', where: string): Token[] {
  if (value === null || typeof value === 'boolean') return [ident(String(value))];
  if (typeof value === 'number') return numberTokens(value);
  if (typeof value === 'string') return kind === 'literal' ? quoted(value, true) : stringExpression(value, where);
  if (Array.isArray(value)) return tuple(value.map((item, i) => valueTokens(item, kind, `${where}[${i}]`)));
  return objectCons(Object.entries(value).map(([k, v]) => [objectKey(k, kind, where), valueTokens(v, kind, `${where}.${k}`)]));
}

function numberTokens(value: number): Token[] {
  const literal = token('NumberLit', String(Math.abs(value)));
  return value < 0 ? [token('Minus', '-'), literal] : [literal];
}

/**
 * A JSON string template: `"${x}"` alone becomes the bare expression `x`, as `terraform fmt` writes it.
 * fmt unwraps one level a run, so `"${"${x}"}"` is unwrapped until nothing is left to unwrap.
 */
function stringExpression(template: string, where: string): Token[] {
  let tokens = lexTemplate(template, where);
  for (let inner = unwrapInterpolation(tokens, where); inner; inner = unwrapInterpolation(tokens, where)) tokens = inner;
  return tokens;
}

/**
 * The expression of a template that is exactly one interpolation, or undefined. Like `terraform fmt`,
 * a multi-line expression is put in parentheses, so its line breaks cannot end the argument.
 */
function unwrapInterpolation(template: Token[], where: string): Token[] | undefined {
  if (template[1]?.type !== 'TemplateInterp' || closingSequence(template, 1) !== template.length - 2) return undefined;
  const inner = trimNewlines(template.slice(2, -2));
  if (!inner.length) fail(where, 'an empty "${}" interpolation');
  return inner.some(endsLine) && !isParenthesized(inner) ? [token('OParen', '('), ...inner, token('CParen', ')')] : inner;
}

/** The index of the `}` closing the template sequence opened at `start`. */
function closingSequence(tokens: Token[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    if (tokens[i].type === 'TemplateInterp' || tokens[i].type === 'TemplateControl') depth++;
    if (tokens[i].type === 'TemplateSeqEnd' && --depth === 0) return i;
  }
  return -1;
}

function trimNewlines(tokens: Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && tokens[start].type === 'Newline') start++;
  while (end > start && tokens[end - 1].type === 'Newline') end--;
  return tokens.slice(start, end);
}

/** Whether the whole expression is one parenthesized group: `(a)`, but not `(a) + (b)`. */
function isParenthesized(tokens: Token[]): boolean {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === 'OParen') depth++;
    if (tokens[i].type === 'CParen') depth--;
    if (depth === 0) return i === tokens.length - 1 && tokens[0].type === 'OParen';
  }
  return false;
}

/** A tuple: on one line when short and flat, otherwise one element a line with trailing commas. */
function tuple(elements: Token[][]): Token[] {
  const flat = elements.every((e) => !e.some(endsLine));
  const width = elements.reduce((sum, e) => sum + e.reduce((n, t) => n + t.text.length, 0) + 2, 0);
  if (flat && width <= MAX_INLINE_LIST) {
    return [token('OBrack', '['), ...elements.flatMap((e, i) => (i ? [token('Comma', ','), ...e] : e)), token('CBrack', ']')];
  }
  return [token('OBrack', '['), NEWLINE, ...elements.flatMap((e) => [...e, token('Comma', ','), NEWLINE]), token('CBrack', ']')];
}

/** An object constructor, one item a line (`{}` when empty). */
function objectCons(items: [Token[], Token[]][]): Token[] {
  if (!items.length) return [token('OBrace', '{'), token('CBrace', '}')];
  return [token('OBrace', '{'), NEWLINE, ...items.flatMap(([key, value]) => [...key, token('Equal', '='), ...value, NEWLINE]), token('CBrace', '}')];
}

/** An object key: bare when a plain name, else quoted (a template where values are templates, too). */
function objectKey(key: string, kind: 'expression' | 'literal', where: string): Token[] {
  if (PLAIN_KEY.test(key) && !RESERVED_KEYS.has(key)) return [ident(key)];
  return kind === 'literal' ? quoted(key, true) : lexTemplate(key, where);
}

// ---------------------------------------------------------------------------------------------------
// Tokens and the lexer for the HCL inside JSON strings
// ---------------------------------------------------------------------------------------------------

/** The hclsyntax token types this renderer emits (hclwrite's formatting rules are written in them). */
type TokenType =
  | 'OBrace'
  | 'CBrace'
  | 'OBrack'
  | 'CBrack'
  | 'OParen'
  | 'CParen'
  | 'OQuote'
  | 'CQuote'
  | 'QuotedLit'
  | 'TemplateInterp'
  | 'TemplateControl'
  | 'TemplateSeqEnd'
  | 'Ident'
  | 'NumberLit'
  | 'Equal'
  | 'Dot'
  | 'Comma'
  | 'Colon'
  | 'Question'
  | 'Ellipsis'
  | 'DoubleColon'
  | 'FatArrow'
  | 'Bang'
  | 'Minus'
  | 'Plus'
  | 'Star'
  | 'Slash'
  | 'Percent'
  | 'EqualOp'
  | 'NotEqual'
  | 'LessThan'
  | 'LessThanEq'
  | 'GreaterThan'
  | 'GreaterThanEq'
  | 'And'
  | 'Or'
  | 'Comment'
  | 'Newline';

interface Token {
  readonly type: TokenType;
  readonly text: string;
}

const token = (type: TokenType, text: string): Token => ({ type, text });
const ident = (name: string): Token => token('Ident', name);
const NEWLINE = token('Newline', '\n');

/** Symbols, longest first so `==` is not read as two `=`. */
const SYMBOLS: ReadonlyArray<readonly [string, TokenType]> = [
  ['...', 'Ellipsis'],
  ['==', 'EqualOp'],
  ['!=', 'NotEqual'],
  ['>=', 'GreaterThanEq'],
  ['<=', 'LessThanEq'],
  ['&&', 'And'],
  ['||', 'Or'],
  ['::', 'DoubleColon'],
  ['=>', 'FatArrow'],
  ['[', 'OBrack'],
  [']', 'CBrack'],
  ['(', 'OParen'],
  [')', 'CParen'],
  ['.', 'Dot'],
  [',', 'Comma'],
  ['*', 'Star'],
  ['/', 'Slash'],
  ['%', 'Percent'],
  ['+', 'Plus'],
  ['-', 'Minus'],
  ['=', 'Equal'],
  ['<', 'LessThan'],
  ['>', 'GreaterThan'],
  ['!', 'Bang'],
  ['?', 'Question'],
  [':', 'Colon'],
];

/** HCL identifiers: letters, digits, underscores and dashes, not starting with a digit or dash. */
const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;
const IDENTIFIER_AT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
/** hclsyntax's number literal, before dropping trailing dots (`a.0.b` is a traversal, not `0.`). */
const NUMBER_AT = /[0-9](?:[0-9]|\.|[eE][+-]?[0-9])*/y;
/** `$${` and `%%{` are escapes, meaning a literal `${` and `%{`; the others open template sequences. */
const TEMPLATE_OPENER = /^(?:\$\$\{|%%\{|\$\{~?|%\{~?)/;
const COMMENT_AT = /#[^\n]*\n?|\/\/[^\n]*\n?|\/\*[\s\S]*?\*\//y;

/** Where the lexer is in one JSON string. */
interface Scan {
  readonly src: string;
  pos: number;
  readonly out: Token[];
  readonly where: string;
}

/** A JSON string template as an HCL quoted template. */
function lexTemplate(src: string, where: string): Token[] {
  const scan: Scan = { src, pos: 0, out: [token('OQuote', '"')], where };
  scanTemplate(scan, false);
  scan.out.push(token('CQuote', '"'));
  return scan.out;
}

/** A string holding an HCL expression (a reference, a type, the inside of an interpolation). */
function lexExpression(src: string, where: string): Token[] {
  const scan: Scan = { src, pos: 0, out: [], where };
  scanExpression(scan, false);
  if (!scan.out.length) fail(where, 'an empty expression');
  return scan.out;
}

/**
 * Template text up to the end of the string (a JSON template) or the closing quote (a quoted template
 * inside an expression). JSON template text is re-escaped for quotes; `$${` and `%%{` mean the same
 * in both, so they are kept. Quoted template text is already in HCL form and is copied.
 */
function scanTemplate(scan: Scan, quoted: boolean): void {
  const { src } = scan;
  let text = '';
  const flush = (): void => {
    if (text) scan.out.push(token('QuotedLit', quoted ? text : escapeQuoted(text, false)));
    text = '';
  };
  while (scan.pos < src.length) {
    const c = src[scan.pos];
    const opener = c === '$' || c === '%' ? TEMPLATE_OPENER.exec(src.slice(scan.pos, scan.pos + 3))?.[0] : undefined;
    if (opener === '$${' || opener === '%%{') {
      text += opener;
      scan.pos += 3;
    } else if (opener) {
      flush();
      scan.out.push(token(opener.startsWith('$') ? 'TemplateInterp' : 'TemplateControl', opener));
      scan.pos += opener.length;
      scanExpression(scan, true);
    } else if (quoted && c === '"') {
      flush();
      scan.out.push(token('CQuote', '"'));
      scan.pos++;
      return;
    } else if (quoted && (c === '\n' || c === '\r')) {
      fail(scan.where, 'a quoted string inside an expression spans lines');
    } else {
      // In a quoted template a backslash escapes the next character, which must not end the string.
      const length = quoted && c === '\\' ? 2 : 1;
      text += src.slice(scan.pos, scan.pos + length);
      scan.pos += length;
    }
  }
  if (quoted) fail(scan.where, 'a string inside an expression is not closed');
  flush();
}

/** Expression tokens, up to the `}` that closes the template sequence when `inTemplate`. */
function scanExpression(scan: Scan, inTemplate: boolean): void {
  const { src, out } = scan;
  let braces = 0;
  while (scan.pos < src.length) {
    const c = src[scan.pos];
    const closer = src.startsWith('~}', scan.pos) ? '~}' : c === '}' ? '}' : undefined;
    if (c === ' ' || c === '\t') {
      scan.pos++;
    } else if (c === '\n' || src.startsWith('\r\n', scan.pos)) {
      out.push(NEWLINE);
      scan.pos += c === '\n' ? 1 : 2;
    } else if (closer && braces === 0) {
      if (!inTemplate) fail(scan.where, `an unbalanced "${closer}" in ${JSON.stringify(src)}`);
      out.push(token('TemplateSeqEnd', closer));
      scan.pos += closer.length;
      return;
    } else if (c === '}' || c === '{') {
      braces += c === '{' ? 1 : -1;
      out.push(token(c === '{' ? 'OBrace' : 'CBrace', c));
      scan.pos++;
    } else if (c === '"') {
      out.push(token('OQuote', '"'));
      scan.pos++;
      scanTemplate(scan, true);
    } else if (src.startsWith('<<', scan.pos)) {
      fail(scan.where, `heredoc strings inside expressions are not supported: ${JSON.stringify(src)}`);
    } else {
      out.push(scanWord(scan));
    }
  }
  if (inTemplate) fail(scan.where, `a "\${" sequence is not closed in ${JSON.stringify(src)}`);
}

/** A comment, number, identifier or symbol at the scan position. */
function scanWord(scan: Scan): Token {
  const found =
    matchAt(scan, COMMENT_AT, 'Comment') ??
    matchAt(scan, NUMBER_AT, 'NumberLit') ??
    matchAt(scan, IDENTIFIER_AT, 'Ident') ??
    symbolAt(scan);
  if (!found) fail(scan.where, `unexpected character ${JSON.stringify(scan.src[scan.pos])} in expression ${JSON.stringify(scan.src)}`);
  scan.pos += found.text.length;
  return found;
}

function symbolAt(scan: Scan): Token | undefined {
  const symbol = SYMBOLS.find(([text]) => scan.src.startsWith(text, scan.pos));
  return symbol && token(symbol[1], symbol[0]);
}

function matchAt(scan: Scan, pattern: RegExp, type: TokenType): Token | undefined {
  pattern.lastIndex = scan.pos;
  const text = pattern.exec(scan.src)?.[0];
  if (!text) return undefined;
  return token(type, type === 'NumberLit' ? text.replace(/\.+$/, '') : text);
}

/** A quoted string of literal text (`escapeTemplates`) or of template text, escaped as hclwrite does. */
function quoted(text: string, escapeTemplates: boolean): Token[] {
  const body = escapeQuoted(text, escapeTemplates);
  return body ? [token('OQuote', '"'), token('QuotedLit', body), token('CQuote', '"')] : [token('OQuote', '"'), token('CQuote', '"')];
}

/**
 * hclwrite's escaping of quoted strings (`escapeQuotedStringLit`), which `terraform fmt` uses for
 * labels: backslash escapes, `\uXXXX` for what Go does not print, and, for literal text only, a
 * doubled `$`/`%` before `{` so it is not read as a template sequence.
 */
function escapeQuoted(text: string, escapeTemplates: boolean): string {
  let out = '';
  const chars = Array.from(text);
  chars.forEach((c, i) => {
    const escaped = ESCAPES[c];
    if (escaped) out += escaped;
    else if ((c === '$' || c === '%') && escapeTemplates && chars[i + 1] === '{') out += c + c;
    else if ((c >= ' ' && c <= '~') || PRINTABLE.test(c)) out += c;
    else {
      const code = c.codePointAt(0) ?? 0;
      out += code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
    }
  });
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

// ---------------------------------------------------------------------------------------------------
// Formatting: a port of hclwrite's format (github.com/hashicorp/hcl/v2/hclwrite/format.go)
// ---------------------------------------------------------------------------------------------------

/** A token with the spaces before it, which is all formatting changes. */
interface Placed extends Token {
  spaces: number;
}

/**
 * A line in up to three cells: `lead`, then `assign` (from an `=` whose right side closes every bracket
 * it opens), then a trailing `comment`. `assign` and `comment` cells align across neighbouring lines.
 */
interface Line {
  readonly lead: Placed[];
  readonly assign?: Placed[];
  readonly comment?: Placed[];
}

/** The text of tokens, spaced, indented and aligned as `terraform fmt` would. */
function formatTokens(tokens: readonly Token[]): string {
  const placed: Placed[] = tokens.map((t) => ({ ...t, spaces: 0 }));
  const lines = splitLines(placed);
  indentLines(lines);
  spaceLines(lines);
  alignCells(lines, 'assign', (line) => columns(line.lead));
  alignCells(lines, 'comment', (line) => columns(line.lead) + columns(line.assign ?? []));
  return placed.map((t) => ' '.repeat(t.spaces) + t.text).join('');
}

/** Newlines end lines, and so do line comments, which hold their newline. */
const endsLine = (t: Token): boolean => t.type === 'Newline' || (t.type === 'Comment' && t.text.endsWith('\n'));

function splitLines(tokens: Placed[]): Line[] {
  const lines: Line[] = [];
  let start = 0;
  tokens.forEach((t, i) => {
    if (endsLine(t)) {
      lines.push(lineCells(tokens.slice(start, i + 1)));
      start = i + 1;
    }
  });
  if (start < tokens.length) lines.push(lineCells(tokens.slice(start)));
  return lines;
}

function lineCells(tokens: Placed[]): Line {
  const hasComment = tokens.length > 1 && tokens[tokens.length - 1].type === 'Comment';
  const lead = hasComment ? tokens.slice(0, -1) : tokens;
  const comment = hasComment ? tokens.slice(-1) : undefined;
  const equals = lead.findIndex((t, i) => i > 0 && t.type === 'Equal');
  if (equals > 0 && netBrackets(lead.slice(equals)) === 0) return { lead: lead.slice(0, equals), assign: lead.slice(equals), comment };
  return { lead, comment };
}

/** Two spaces a bracket level, counting the brackets each line opens or closes. */
function indentLines(lines: Line[]): void {
  const opened: number[] = [];
  for (const line of lines) {
    const [first] = line.lead;
    if (!first) continue;
    if (first.type === 'Newline') {
      first.spaces = 0;
      continue;
    }
    const net = netBrackets(line.lead) + netBrackets(line.assign ?? []);
    if (net > 0) {
      first.spaces = 2 * opened.length;
      opened.push(net);
      continue;
    }
    let closed = -net;
    while (closed > 0 && opened.length) {
      const top = opened[opened.length - 1];
      if (closed < top) {
        opened[opened.length - 1] = top - closed;
        closed = 0;
      } else {
        opened.pop();
        closed -= top;
      }
    }
    first.spaces = 2 * opened.length;
  }
}

function spaceLines(lines: Line[]): void {
  for (const line of lines) {
    spaceCell(line.lead);
    if (line.assign) {
      line.assign[0].spaces = 1;
      spaceCell(line.assign);
    }
  }
}

/** Spaces between the tokens of a cell (its first token's spaces are the indent's or alignment's). */
function spaceCell(cell: Placed[]): void {
  for (let i = 0; i + 1 < cell.length; i++) {
    cell[i + 1].spaces = spaceAfter(cell[i], cell[i - 1], cell[i + 1]) ? 1 : 0;
  }
}

/** Token types after which a `-` is a negation rather than a subtraction. */
const BEFORE_NEGATION = new Set<TokenType>([
  'OParen',
  'OBrace',
  'OBrack',
  'Equal',
  'Colon',
  'Comma',
  'Question',
  'Plus',
  'Star',
  'Slash',
  'Percent',
  'Minus',
  'EqualOp',
  'NotEqual',
  'GreaterThan',
  'GreaterThanEq',
  'LessThan',
  'LessThanEq',
  'And',
  'Or',
  'Bang',
]);

/** hclwrite's spaceAfterToken, rule for rule and in its order. */
function spaceAfter(subject: Token, before: Token | undefined, after: Token): boolean {
  const s = subject.type;
  const a = after.type;
  if (a === 'Newline') return false;
  if (s === 'Ident' && a === 'OParen') return false;
  if ((s === 'Ident' && a === 'DoubleColon') || (s === 'DoubleColon' && a === 'Ident')) return false;
  if (s === 'Dot' || a === 'Dot') return false;
  if (a === 'Comma' || a === 'Ellipsis') return false;
  if (s === 'Comma') return true;
  if (s === 'QuotedLit' || s === 'OQuote' || a === 'QuotedLit' || a === 'CQuote') return false;
  if (s === 'Ident' && subject.text === 'in' && before?.type === 'Ident') return true;
  if (a === 'OBrack' && (s === 'Ident' || s === 'NumberLit' || bracketChange(s) < 0)) return false;
  if (s === 'Bang') return false;
  if (s === 'Minus') return before !== undefined && !BEFORE_NEGATION.has(before.type);
  if (s === 'OBrace' || a === 'CBrace') return !(s === 'OBrace' && a === 'CBrace');
  if ((s === 'TemplateInterp' || s === 'TemplateControl') && a === 'OBrace') return true;
  if (s === 'CBrace' && a === 'TemplateSeqEnd') return true;
  if (s === 'TemplateSeqEnd' && (a === 'TemplateInterp' || a === 'TemplateControl')) return false;
  if (bracketChange(s) > 0) return false;
  if (bracketChange(a) < 0) return false;
  return true;
}

/** Aligns a cell across each run of consecutive lines that have it. */
function alignCells(lines: Line[], cell: 'assign' | 'comment', width: (line: Line) => number): void {
  let run: Line[] = [];
  const close = (): void => {
    const widest = run.reduce((max, line) => Math.max(max, width(line)), 0);
    for (const line of run) line[cell]![0].spaces = widest - width(line) + 1;
    run = [];
  };
  for (const line of lines) {
    if (line[cell]) run.push(line);
    else if (run.length) close();
  }
  if (run.length) close();
}

function bracketChange(type: TokenType): number {
  switch (type) {
    case 'OBrace':
    case 'OBrack':
    case 'OParen':
    case 'TemplateInterp':
    case 'TemplateControl':
      return 1;
    case 'CBrace':
    case 'CBrack':
    case 'CParen':
    case 'TemplateSeqEnd':
      return -1;
    default:
      return 0;
  }
}

const netBrackets = (tokens: readonly Token[]): number => tokens.reduce((sum, t) => sum + bracketChange(t.type), 0);

let graphemes: Intl.Segmenter | undefined;

/** Columns as hclwrite counts them: spaces, plus grapheme clusters of text. */
function columns(cell: readonly Placed[]): number {
  return cell.reduce((sum, t) => sum + t.spaces + textColumns(t.text), 0);
}

function textColumns(text: string): number {
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text)).length;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------

/** A record's own value for a key: configuration keys like `constructor` must not find Object's. */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function asObject(value: Json, where: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(where, `expected an object, found ${JSON.stringify(value)}`);
  return value;
}

function asArray(value: Json, where: string): Json[] {
  if (!Array.isArray(value)) fail(where, `expected a list, found ${JSON.stringify(value)}`);
  return value;
}

function asString(value: Json, where: string): string {
  if (typeof value !== 'string') fail(where, `expected a string, found ${JSON.stringify(value)}`);
  return value;
}

function fail(where: string, message: string): never {
  throw new Error(`renderHcl: ${where ? `${where}: ` : ''}${message}`);
}
