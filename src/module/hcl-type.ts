/**
 * Terraform type constraints, written as data so that one definition gives the variable's `type`, the
 * README's rows and the defaults (which come from the library's own defaults, never retyped).
 */

/** A primitive type. */
export type Primitive = 'string' | 'bool' | 'number';

/** A Terraform type. */
export type TfType = Primitive | { readonly list: TfType } | { readonly map: TfType } | { readonly object: Readonly<Record<string, Attribute>> };

/** One attribute of an object type. */
export interface Attribute {
  readonly type: TfType;
  /** What it does, for the README. */
  readonly description: string;
  /**
   * `optional(type, default)`: the default (a falsy one included); `null` for `optional(type)`; absent
   * for a required attribute.
   */
  readonly default?: unknown;
}

/** An optional attribute with a default (`null`: unset unless given). */
export function optional(type: TfType, defaultValue: unknown, description: string): Attribute {
  return { type, default: defaultValue, description };
}

/** A required attribute. */
export function required(type: TfType, description: string): Attribute {
  return { type, description };
}

/** The type expression, one attribute a line (the layout `terraform fmt` keeps). */
export function typeExpression(type: TfType, indent = ''): string {
  if (typeof type === 'string') return type;
  if ('list' in type) return `list(${typeExpression(type.list, indent)})`;
  if ('map' in type) return `map(${typeExpression(type.map, indent)})`;
  const inner = `${indent}  `;
  const lines = Object.entries(type.object).map(([name, a]) => {
    const t = typeExpression(a.type, inner);
    return `${inner}${name} = ${a.default === undefined ? t : a.default === null ? `optional(${t})` : `optional(${t}, ${hclLiteral(a.default)})`}`;
  });
  return `object({\n${lines.join('\n')}\n${indent}})`;
}

/** A value as an HCL literal: strings quoted, lists bracketed, objects braced. */
export function hclLiteral(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(hclLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as object).map(([k, v]) => `${k} = ${hclLiteral(v)}`);
    return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

/** A type in words, for the README (`list(string)`; objects as `object`, their attributes listed apart). */
export function typeSummary(type: TfType): string {
  if (typeof type === 'string') return type;
  if ('list' in type) return `list(${typeSummary(type.list)})`;
  if ('map' in type) return `map(${typeSummary(type.map)})`;
  return 'object';
}
