import { isKnown, Problem } from './problem';

/**
 * Small value checks shared by every rule. Each returns the problem it finds, or nothing; each skips
 * values that are not known at synth time (tokens), which Terraform or AWS check instead.
 */

/** An integer between `min` and `max`, both included. */
export function checkIntegerRange(path: string, value: number | undefined, min: number, max: number, fix?: string): Problem[] {
  if (!isKnown(value)) return [];
  if (Number.isInteger(value) && value >= min && value <= max) return [];
  return [{ path, rule: `must be a whole number from ${min} to ${max}`, received: value, fix: fix ?? `use a whole number from ${min} to ${max}` }];
}

/** A string whose length is between `min` and `max` characters, both included. */
export function checkLength(path: string, value: string | undefined, min: number, max: number, fix?: string): Problem[] {
  if (!isKnown(value)) return [];
  // The length AWS receives: Terraform turns the escapes `$${` and `%%{` (configuration values) into `${` and `%{`.
  const length = [...value.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{')].length;
  if (length >= min && length <= max) return [];
  const rule = min === max ? `must be exactly ${min} characters` : `must be ${min} to ${max} characters long (it has ${length})`;
  return [{ path, rule, received: value, fix: fix ?? `shorten or lengthen it to ${min}-${max} characters` }];
}

/** A string matching an anchored pattern. `rule` says in words what the pattern means. */
export function checkPattern(path: string, value: string | undefined, pattern: RegExp, rule: string, fix: string): Problem[] {
  if (!isKnown(value)) return [];
  return pattern.test(value) ? [] : [{ path, rule, received: value, fix }];
}

/** A value from a closed set. */
export function checkOneOf<T>(path: string, value: T | undefined, allowed: readonly T[], fix?: string): Problem[] {
  if (!isKnown(value)) return [];
  if (allowed.includes(value)) return [];
  return [
    { path, rule: `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, received: value, fix: fix ?? 'use one of the listed values' },
  ];
}

/** A list with at most `max` items. */
export function checkMaxItems(path: string, value: readonly unknown[] | undefined, max: number, fix?: string): Problem[] {
  if (!isKnown(value) || value.length <= max) return [];
  return [
    { path, rule: `must have at most ${max} items (it has ${value.length})`, received: value, fix: fix ?? `remove ${value.length - max} of them` },
  ];
}

/** A list without repeated items. */
export function checkUnique(path: string, value: readonly unknown[] | undefined): Problem[] {
  if (!isKnown(value)) return [];
  const seen = new Set<unknown>();
  const repeated = value.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
  return repeated.length === 0
    ? []
    : [{ path, rule: 'must not repeat an item', received: value, fix: `remove the repeated ${repeated.map((r) => JSON.stringify(r)).join(', ')}` }];
}

/**
 * Unicode classes AWS uses in its message patterns: letters, marks, symbols, numbers, punctuation.
 * AWS writes its patterns unanchored but applies them to the whole value, so these are anchored.
 */
export const PRINTABLE = '\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}';
