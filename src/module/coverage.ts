import { TfType } from './hcl-type';
import { modulePathOf, moduleType } from './placement';
import { AnySetting, isOmitted } from '../settings/setting';

/**
 * What the module makes of each setting of the configuration file, by configuration path (`*` for the
 * entries of a map): the module path that takes it, or the reason it has none. The coverage test walks
 * the configuration's JSON Schema against this, so a setting without a module counterpart, or a
 * counterpart that is missing from the module's input types, fails it.
 */
export type Coverage = Map<string, { readonly modulePath: string } | { readonly omitted: string } | { readonly spreadInto: string }>;

/** The module counterpart of every declared setting. */
export function moduleCoverage(
  settings: Readonly<Record<string, AnySetting>>,
  base: readonly string[] = [],
  configPrefix = '',
  into: Coverage = new Map(),
): Coverage {
  for (const [key, s] of Object.entries(settings)) {
    const configPath = `${configPrefix}${key}`;
    if (isOmitted(s.module)) {
      into.set(configPath, { omitted: s.module.notInModule });
      continue;
    }
    const at = modulePathOf(key, s, base);
    // An object whose fields the module spreads into its parent's place has no place of its own.
    into.set(configPath, s.moduleAt === '.' ? { spreadInto: at.join('.') } : { modulePath: at.join('.') });
    const type = moduleType(s);
    if (typeof type === 'object' && ('map' in type || 'list' in type)) into.set(`${configPath}.*`, { modulePath: [...at, '*'].join('.') });
    if (s.fields) moduleCoverage(s.fields, at, `${configPath}.`, into);
    else if (entriesPlaced(s)) moduleCoverage(s.entry!.fields!, [...at, '*'], `${configPath}.*.`, into);
    for (const [relative, target] of Object.entries(s.moduleKeys ?? {})) {
      into.set(
        `${configPath}.${relative}`,
        typeof target === 'string' ? { modulePath: [...at, ...(target ? [target] : [])].join('.') } : { omitted: target.notInModule },
      );
    }
  }
  return into;
}

/** Whether a map or list setting's entries are objects placed field by field (see `moduleType`). */
function entriesPlaced(s: AnySetting): boolean {
  if (!s.entry?.fields) return false;
  const type = moduleType(s);
  const inner = typeof type === 'object' ? ('map' in type ? type.map : 'list' in type ? type.list : undefined) : undefined;
  return typeof inner === 'object' && 'object' in inner;
}

/** Every path the module's input types accept (`*` for the entries of a map or list). */
export function modulePaths(inputs: readonly { readonly name: string; readonly type: TfType }[]): Set<string> {
  const paths = new Set<string>();
  const walk = (type: TfType, path: string) => {
    paths.add(path);
    if (typeof type === 'string') return;
    if ('list' in type) walk(type.list, `${path}.*`);
    else if ('map' in type) walk(type.map, `${path}.*`);
    else for (const [k, a] of Object.entries(type.object)) walk(a.type, `${path}.${k}`);
  };
  for (const input of inputs) walk(input.type, input.name);
  return paths;
}

/** Every property path of a JSON Schema (`*` for map entries; the branches of a union merged). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON Schema document, walked generically
export function schemaPaths(node: any, path = '', into: Set<string> = new Set()): Set<string> {
  if (!node || typeof node !== 'object') return into;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON Schema document, walked generically
  for (const [key, child] of Object.entries<any>(node.properties ?? {})) {
    const at = path ? `${path}.${key}` : key;
    into.add(at);
    schemaPaths(child, at, into);
  }
  for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) schemaPaths(branch, path, into);
  if (typeof node.additionalProperties === 'object') {
    into.add(`${path}.*`);
    schemaPaths(node.additionalProperties, `${path}.*`, into);
  }
  return into;
}

/**
 * The configuration paths that neither have a module counterpart nor are left out with a reason
 * (a path inside a setting the module leaves out is covered by that setting's reason), and the
 * counterparts that the module's types do not have.
 */
export function coverageGaps(paths: Iterable<string>, coverage: Coverage, accepted: Set<string>): { uncovered: string[]; missingInModule: string[] } {
  const uncovered: string[] = [];
  const missingInModule: string[] = [];
  for (const path of paths) {
    const parts = path.split('.');
    const entry = coverage.get(path);
    const omittedAbove = parts.some((_, i) => i < parts.length - 1 && 'omitted' in (coverage.get(parts.slice(0, i + 1).join('.')) ?? {}));
    if (omittedAbove) continue;
    if (!entry) uncovered.push(path);
    else if ('modulePath' in entry && !accepted.has(entry.modulePath)) missingInModule.push(`${path} -> ${entry.modulePath}`);
  }
  return { uncovered, missingInModule };
}
