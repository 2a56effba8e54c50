import { isKnown, Problem } from '../core/problem';
import { STANDARD_ATTRIBUTES, StandardAttributes } from '../user-pool/attributes';

/**
 * A name in a client's `readAttributes` or `writeAttributes`: a standard attribute in the library's
 * spelling (`givenName`) or Cognito's (`given_name`), `email_verified` / `phone_number_verified`, or a
 * custom attribute of the pool with or without its `custom:` prefix (`tenant`, `custom:tenant`).
 */
export type ClientAttributeName = keyof StandardAttributes | (string & {});

/** Cognito's name of each standard attribute, by either spelling. */
const STANDARD_NAMES: ReadonlyMap<string, string> = new Map([
  ...Object.entries(STANDARD_ATTRIBUTES).flatMap(([key, spec]): [string, string][] => [
    [key, spec.name],
    [spec.name, spec.name],
  ]),
  // Not schema attributes, but readable (and settable by an admin) on every pool.
  ['email_verified', 'email_verified'],
  ['phone_number_verified', 'phone_number_verified'],
]);

/** What a client's attribute list resolves to. */
export interface ResolvedClientAttributes {
  /** Cognito's names, `custom:` added, each once, in the order given; undefined when the list was. */
  readonly names: readonly string[] | undefined;
  readonly problems: readonly Problem[];
}

/**
 * Resolves a client's attribute list against the pool's attributes: Cognito's spelling, `custom:` added,
 * and a problem for each name the pool does not have. `customAttributes` undefined means the pool's custom
 * attributes are unknown (an imported pool): `custom:<name>` is then taken as given.
 */
export function resolveClientAttributes(
  setting: string,
  names: readonly string[] | undefined,
  customAttributes: readonly string[] | undefined,
): ResolvedClientAttributes {
  if (names === undefined || !isKnown(names)) return { names, problems: [] };
  const problems: Problem[] = [];
  const resolved = names.map((name, i) => {
    if (!isKnown(name)) return name;
    const standard = STANDARD_NAMES.get(name);
    if (standard !== undefined) return standard;
    const custom = name.startsWith('custom:') ? name.slice('custom:'.length) : name;
    if (customAttributes === undefined ? name.startsWith('custom:') : customAttributes.includes(custom)) return `custom:${custom}`;
    problems.push({
      path: `${setting}[${i}]`,
      rule: 'must be a standard attribute or a custom attribute of the pool',
      received: name,
      fix: attributeFix(name, customAttributes),
    });
    return name;
  });
  return { names: [...new Set(resolved)], problems };
}

function attributeFix(name: string, customAttributes: readonly string[] | undefined): string {
  if (customAttributes === undefined) {
    return `for a custom attribute of a pool created elsewhere write custom:${name.replace(/^custom:/, '')}, or list the pool's customAttributes when importing it`;
  }
  const custom = customAttributes.map((a) => `custom:${a}`);
  return `use one of the pool's custom attributes (${custom.length > 0 ? custom.join(', ') : 'it has none: declare it in customAttributes'}) or a standard attribute such as email, given_name, family_name`;
}
