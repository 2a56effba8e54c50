/** JSON values as `cdk.tf.json` holds them, and the checks the renderer makes on them. */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

/** A record's own value for a key: configuration keys like `constructor` must not find Object's. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function asObject(value: Json, where: string): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(where, `expected an object, found ${JSON.stringify(value)}`);
  return value;
}

export function asArray(value: Json, where: string): Json[] {
  if (!Array.isArray(value)) fail(where, `expected a list, found ${JSON.stringify(value)}`);
  return value;
}

export function asString(value: Json, where: string): string {
  if (typeof value !== 'string') fail(where, `expected a string, found ${JSON.stringify(value)}`);
  return value;
}

export function fail(where: string, message: string): never {
  throw new Error(`renderHcl: ${where ? `${where}: ` : ''}${message}`);
}
