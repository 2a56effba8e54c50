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
 *
 * The parts: `block-specs.ts` (the schema tables), this file (blocks, bodies and values to tokens),
 * `lex-hcl.ts` (the HCL inside JSON strings), `tokens.ts`, `format-hcl.ts` (the layout), `json.ts`.
 */

import { ArgumentKind, BlockSpec, BodySpec, COMMENT_KEY, TOP_LEVEL } from './block-specs';
import { formatTokens } from './format-hcl';
import { asArray, asObject, asString, fail, Json, JsonObject, own } from './json';
import { IDENTIFIER, lexExpression, lexTemplate } from './lex-hcl';
import { endsLine, ident, NEWLINE, quoted, token, Token } from './tokens';

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
  const tokens: Token[] = [];
  const sections = new Sections(tokens);
  for (const [type, spec] of TOP_LEVEL) if (Object.hasOwn(root, type)) writeBlocks(sections, type, root[type], spec, '');
  return formatTokens(tokens);
}

/**
 * Tokens written in sections set apart by one blank line (so `=` alignment stays within each). Bodies
 * are written straight into the one list of tokens, not built and copied level by level.
 */
class Sections {
  private empty = true;

  constructor(private readonly tokens: Token[]) {}

  /** Starts a section, and returns the list to write it to. */
  public next(): Token[] {
    if (!this.empty) this.tokens.push(NEWLINE);
    this.empty = false;
    return this.tokens;
  }
}

/** One block of a type, with its labels. */
interface BlockInstance {
  readonly labels: readonly string[];
  readonly body: JsonObject;
  readonly where: string;
}

/** Each block a JSON property describes, as its own section. */
function writeBlocks(sections: Sections, type: string, value: Json, spec: BlockSpec, parent: string): void {
  const where = parent ? `${parent}.${type}` : type;
  for (const block of expandBlocks(value, spec.labels, [], where)) {
    const tokens = sections.next();
    tokens.push(ident(type));
    for (const label of block.labels) append(tokens, quoted(label, true));
    tokens.push(token('OBrace', '{'), NEWLINE);
    const bodyStart = tokens.length;
    writeBody(tokens, block.body, spec.body(block.labels, block.where), block.where);
    // An empty body closes on the same line: `foo {}`.
    if (tokens.length === bodyStart) tokens.pop();
    tokens.push(token('CBrace', '}'), NEWLINE);
  }
}

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
 * meta-arguments, with blank lines between those sections.
 */
function writeBody(tokens: Token[], body: JsonObject, spec: BodySpec, where: string): void {
  const entries = Object.entries(body).filter(([key]) => key !== COMMENT_KEY);
  const leading = pick(entries, spec.leading ?? []);
  const trailing = pick(entries, spec.trailing ?? []);
  const placed = new Set([...leading, ...trailing].map(([key]) => key));
  const rest = entries.filter(([key]) => !placed.has(key));
  const isBlock = ([key]: [string, Json]): boolean => own(spec.blocks, key) !== undefined;
  const sections = new Sections(tokens);
  writeEntries(sections, leading, spec, where, true);
  writeEntries(
    sections,
    rest.filter((e) => !isBlock(e)),
    spec,
    where,
    true,
  );
  writeEntries(sections, rest.filter(isBlock), spec, where, false);
  writeEntries(sections, trailing, spec, where, false);
}

/**
 * Every block in a section of its own, and arguments each alone or (`together`) in one section,
 * one-line arguments first so that a multi-line value does not split their `=` alignment.
 */
function writeEntries(sections: Sections, entries: [string, Json][], spec: BodySpec, where: string, together: boolean): void {
  if (!together || entries.some(([key]) => own(spec.blocks, key) !== undefined)) {
    for (const [key, value] of entries) {
      const block = own(spec.blocks, key);
      if (block) writeBlocks(sections, key, value, block, where);
      else append(sections.next(), argumentTokens(key, value, spec, where));
    }
    return;
  }
  if (!entries.length) return;
  const lines = entries.map(([key, value]) => argumentTokens(key, value, spec, where));
  const tokens = sections.next();
  for (const line of lines) if (isOneLine(line)) append(tokens, line);
  for (const line of lines) if (!isOneLine(line)) append(tokens, line);
}

function isOneLine(tokens: readonly Token[]): boolean {
  let ends = 0;
  for (const t of tokens) if (endsLine(t) && ++ends > 1) return false;
  return true;
}

/** Appends without spreading (a long list would not fit the call stack). */
function append(tokens: Token[], more: readonly Token[]): void {
  for (const t of more) tokens.push(t);
}

function pick(entries: [string, Json][], keys: readonly string[]): [string, Json][] {
  return keys.flatMap((key) => entries.filter(([name]) => name === key));
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
      return objectCons(
        Object.entries(asObject(value, where)).map(([k, v]) => [lexExpression(k, where), argumentValue(v, 'reference', `${where}.${k}`)]),
      );
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
