/** `["environments", 1, "pool", "clients", "web"]` -> `environments[1].pool.clients.web`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => appendPath(text, part), '');
}

/** A path with one more key or index: `.key`, `["odd key"]` or `[3]`. */
export function appendPath(path: string, part: PropertyKey): string {
  if (typeof part === 'number') return `${path}[${part}]`;
  const key = String(part);
  if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** The value at a path of a parsed document, or undefined. */
export function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (node, part) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined),
    document,
  );
}

export { closest } from '../core/closest';
