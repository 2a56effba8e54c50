import { AppConfig } from './config-schema';
import { valueAt } from './config-path';
import { REPLACED_WHOLE } from './environments';

/**
 * A problem found in an environment's merged pool whose setting the environment does not give comes from
 * `defaults.pool`: it is reported there, once, instead of once per environment.
 */
export function reportDefaultsOnce(problems: readonly string[], config: AppConfig): string[] {
  const moved = problems.map((problem) => {
    const match = /^environments\[(\d+)\]\.pool((?:\.[A-Za-z_$][\w$-]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])*)(?=: )/.exec(problem);
    if (!match) return problem;
    const env = config.environments[Number(match[1])];
    const path = settingPath(match[2] ?? '');
    if (path.length === 0 || env === undefined) return problem;
    // The environment gives the setting when it sets it, or replaces something above it whole (a value, a list, or
    // one of the one-of-several-forms settings, which are not merged).
    const givenHere = path.some((key, i) => {
      const here = valueAt(env.pool, path.slice(0, i + 1));
      return (
        here !== undefined &&
        (i === path.length - 1 || here === null || typeof here !== 'object' || Array.isArray(here) || REPLACED_WHOLE.has(String(key)))
      );
    });
    const inDefaults = valueAt(config.defaults?.pool, path) !== undefined;
    return !givenHere && inDefaults ? `defaults.pool${match[2]}${problem.slice(match[0].length)}` : problem;
  });
  return [...new Set(moved)];
}

/** `.clients.web.callbackUrls[0]` -> `['clients', 'web', 'callbackUrls', 0]`. */
function settingPath(text: string): PropertyKey[] {
  const parts: PropertyKey[] = [];
  for (const m of text.matchAll(/\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    parts.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  }
  return parts;
}
