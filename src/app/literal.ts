import { PoolConfig } from './config-schema';

/**
 * Values from the configuration file are literals. Terraform reads `${` and `%{` in any string of its JSON
 * or HCL as the start of an expression or directive: a tag `note: "${uuid()}"` would be evaluated (a new
 * value on every plan), and an unclosed one breaks the file. Escaped as `$${` and `%%{`, both mean the
 * characters themselves, in JSON and HCL alike.
 */
export function literalString(value: string): string {
  // Function replacements: in a replacement string, `$$` would itself mean one `$`.
  return value.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/** Paths of the pool configuration that name files on this machine, never rendered: left as written. */
const FILE_KEYS = new Set(['file', 'directory']);

/** Every string (and map key) of a pool configuration as a literal, except local file paths. */
export function literalPoolConfig(pool: PoolConfig): PoolConfig {
  return literalValue(pool, '') as PoolConfig;
}

/** Every value and key of a string map (tags) as a literal. */
export function literalMap(map: { readonly [key: string]: string }): { [key: string]: string } {
  return literalValue(map, '') as { [key: string]: string };
}

function literalValue(value: unknown, key: string): unknown {
  if (typeof value === 'string') return FILE_KEYS.has(key) ? value : literalString(value);
  if (Array.isArray(value)) return value.map((v) => literalValue(v, key));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    Object.defineProperty(copy, literalString(k), { value: literalValue(v, k), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
