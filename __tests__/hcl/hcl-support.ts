import { getExpressionAst, parse } from '@cdktf/hcl2json';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { mustRun, OFFLINE_PROVIDER_CONSTRAINT, runTerraform, TerraformRun } from '../../src/terraform/offline';

/**
 * Round-trip comparison: HCL parsed by HashiCorp's own parser (hcl2json, the Go hcl library as WASM)
 * against the Terraform JSON it was rendered from, both brought to one comparable form.
 *
 * hcl2json writes every block as a list of objects and every expression as its source text in `${...}`;
 * Terraform JSON writes blocks as objects or lists, references as plain strings in some arguments, and
 * literal text in others. The helpers below translate the JSON side by Terraform's documented JSON rules
 * (an independent statement of them, not the renderer's), then erase what neither side decides: a list
 * holding one object is that object, and expression source is compared by syntax tree, not by spacing.
 */

type Json = any;

/** hcl2json's reading of HCL text, in comparable form. */
export async function parsedHcl(hcl: string): Promise<unknown> {
  return comparable(await parse('main.tf', hcl));
}

/** What a Terraform JSON configuration means, in the same comparable form. */
export async function meaningOf(config: object): Promise<unknown> {
  return comparable(asHcl2Json(withoutComments(structuredClone(config))));
}

/** Terraform JSON's exceptions to "strings are templates", restated as hcl2json would show them. */
function asHcl2Json(config: Json): Json {
  for (const body of bodies(config.terraform, 0)) literal(body);
  for (const body of bodies(config.provider, 1)) literalKeys(body, ['alias', 'version']);
  for (const body of bodies(config.variable, 1)) {
    literalKeys(body, ['default', 'description']);
    if (typeof body.type === 'string') body.type = wrap(['list', 'map', 'set'].includes(body.type) ? `${body.type}(any)` : body.type);
  }
  for (const body of bodies(config.output, 1)) {
    literalKeys(body, ['description']);
    wrapEach(body, 'depends_on');
  }
  for (const body of bodies(config.module, 1)) {
    literalKeys(body, ['source', 'version']);
    wrapEach(body, 'depends_on');
    if (body.providers) body.providers = Object.fromEntries(Object.entries(body.providers).map(([k, v]) => [k, wrap(v as string)]));
  }
  for (const body of [...bodies(config.resource, 2), ...bodies(config.data, 2)]) resourceMeta(body);
  for (const body of bodies(config.moved, 0)) wrapKeys(body, ['from', 'to']);
  for (const body of bodies(config.import, 0)) wrapKeys(body, ['to', 'provider']);
  for (const body of bodies(config.removed, 0)) wrapKeys(body, ['from']);
  return config;
}

function resourceMeta(body: Json): void {
  wrapKeys(body, ['provider']);
  wrapEach(body, 'depends_on');
  for (const lifecycle of bodies(body.lifecycle, 0)) {
    if (lifecycle.ignore_changes === 'all') lifecycle.ignore_changes = wrap('all');
    else wrapEach(lifecycle, 'ignore_changes');
    wrapEach(lifecycle, 'replace_triggered_by');
  }
  for (const dynamic of bodies(body.dynamic, 1)) wrapKeys(dynamic, ['iterator']);
  if (Array.isArray(body.provisioner)) {
    // hcl2json groups blocks by label.
    const grouped: Record<string, Json[]> = {};
    for (const item of body.provisioner) for (const [type, inner] of Object.entries(item)) (grouped[type] ??= []).push(inner);
    body.provisioner = grouped;
  }
  for (const provisioner of bodies(body.provisioner, 1)) wrapKeys(provisioner, ['when', 'on_failure']);
}

/** The block bodies a JSON property value holds, through `labels` levels of label objects. */
function bodies(value: Json, labels: number): Json[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => bodies(item, labels));
  return labels === 0 ? [value] : Object.values(value).flatMap((inner) => bodies(inner, labels - 1));
}

const wrap = (reference: string): string => `\${${reference}}`;

function wrapKeys(body: Json, keys: string[]): void {
  for (const key of keys) if (typeof body[key] === 'string') body[key] = wrap(body[key]);
}

function wrapEach(body: Json, key: string): void {
  if (Array.isArray(body[key])) body[key] = body[key].map(wrap);
}

function literalKeys(body: Json, keys: string[]): void {
  for (const key of keys) if (key in body) body[key] = literal(body[key]);
}

/** Literal text in template syntax: `${` and `%{` doubled, in place for objects. */
function literal(value: Json): Json {
  if (typeof value === 'string') return value.replace(/([$%])\{/g, (_match, sign: string) => `${sign}${sign}{`);
  if (Array.isArray(value)) return value.map(literal);
  if (value && typeof value === 'object') for (const key of Object.keys(value)) value[key] = literal(value[key]);
  return value;
}

function withoutComments(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutComments);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '//')
      .map(([key, v]) => [key, withoutComments(v)]),
  );
}

/** Lists of one object are that object (blocks and lists of them look alike), and expressions are trees. */
async function comparable(value: Json): Promise<unknown> {
  if (Array.isArray(value)) {
    const items = await Promise.all(value.map(comparable));
    return items.length === 1 && isObject(value[0]) ? items[0] : items;
  }
  if (isObject(value)) {
    const entries = await Promise.all(Object.entries(value).map(async ([key, v]) => [key, await comparable(v)] as const));
    return Object.fromEntries(entries);
  }
  // Terraform holds every string NFC-normalized (cty does it), whichever syntax it came from.
  return typeof value === 'string' ? expressionOrText(value.normalize('NFC')) : value;
}

const isObject = (value: Json): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A string that is one interpolation as the syntax tree of its expression; any other string as is. */
async function expressionOrText(text: string): Promise<unknown> {
  if (!/^\$\{[\s\S]*\}$/.test(text)) return text;
  try {
    return { expression: tree(await getExpressionAst('main.tf', text.slice(2, -1))) };
  } catch {
    return text; // several interpolations, like "${a}${b}": compared as text
  }
}

/** A syntax tree without positions, source text and wrappers: what the expression is, not how it is written. */
function tree(node: Json): unknown {
  if (!node) return node;
  const meta = node.meta ?? {};
  const kept: Record<string, unknown> = {};
  if (node.type === 'literalValue') Object.assign(kept, { type: meta.type, value: meta.value });
  if (node.type === 'function') kept.name = meta.name;
  if (node.type === 'scopeTraversal' || node.type === 'relativeTraversal') {
    kept.traversal = meta.traversal.map((part: Json) => [part.type, part.segment]);
  }
  if (node.type === 'unaryOp' || node.type === 'binaryOp') kept.operator = meta.operator;
  if (node.type === 'for') Object.assign(kept, { keyVar: meta.keyVar, valVar: meta.valVar, grouped: meta.groupedValue });
  const children = node.children ?? [];
  // Untyped nodes only wrap one other (parentheses, object keys): the wrapped node is the meaning.
  if (node.type === '' && children.length === 1) return tree(children[0]);
  return { type: node.type, meta: kept, children: children.map(tree) };
}

// --- terraform ------------------------------------------------------------------------------------------

/** A fresh folder holding the given files. */
export function scratchDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-hcl-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Runs terraform, throwing its whole output when it fails. */
export const terraformOk = mustRun;

/** `terraform fmt -check -diff` on HCL text: code 0 when it is formatted, 3 (with the diff) when not. */
export function fmtCheck(hcl: string): TerraformRun {
  return runTerraform(scratchDir({ 'main.tf': hcl }), ['fmt', '-check', '-diff', '-no-color', 'main.tf']);
}

/** The configuration, requiring the AWS provider the offline mirror holds instead of the pinned one. */
export function withMirrorProvider(config: Json): Json {
  const copy = structuredClone(config);
  if (copy.terraform?.required_providers) {
    copy.terraform.required_providers.aws = { source: 'hashicorp/aws', version: OFFLINE_PROVIDER_CONSTRAINT };
  }
  return copy;
}

/** `terraform init` (no backend) and `validate` on a folder. */
export function validateDir(dir: string): void {
  terraformOk(dir, ['init', '-backend=false', '-no-color']);
  terraformOk(dir, ['validate', '-no-color']);
}

/** `terraform show -json` of a fresh plan of a folder (after {@link validateDir}). */
export function planDir(dir: string): Json {
  terraformOk(dir, ['plan', '-refresh=false', '-lock=false', '-no-color', '-out', 'plan.bin']);
  return JSON.parse(terraformOk(dir, ['show', '-json', 'plan.bin']).stdout);
}

/**
 * A plan's `configuration` without what only tells how the configuration was written: for the JSON
 * syntax, Terraform reports the raw text of a string template as its `constant_value`, even when it
 * holds references or calls and so is no constant.
 */
export function configurationMeaning(configuration: Json): Json {
  if (Array.isArray(configuration)) return configuration.map(configurationMeaning);
  if (!isObject(configuration)) return configuration;
  const entries = Object.entries(configuration).filter(([key, value]) => !(key === 'constant_value' && holdsTemplate(value)));
  return Object.fromEntries(entries.map(([key, value]) => [key, configurationMeaning(value)]));
}

function holdsTemplate(value: Json): boolean {
  if (typeof value === 'string') return /(^|[^$])\$\{|(^|[^%])%\{/.test(value);
  return value !== null && typeof value === 'object' && Object.values(value).some(holdsTemplate);
}
