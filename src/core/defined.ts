/**
 * `{ a: T | undefined }` as `{ a?: T }`: the shape of an object whose `undefined` values were dropped.
 * With `exactOptionalPropertyTypes` (which consumers of this library may use), an optional property
 * `a?: T` does not accept an explicit `undefined`.
 */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/**
 * The object without its `undefined` values, typed for optional properties. Terraform JSON leaves unset
 * arguments out either way, so the synthesized output is the same.
 */
export function defined<T extends object>(value: T): Defined<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<T>;
}

/** The keys of an object whose values are not `undefined`: a key set to `undefined` is a key not set. */
export function definedOnly<T extends object>(value: T): Partial<T> {
  return defined(value) as unknown as Partial<T>;
}
