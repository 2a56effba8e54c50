import { Attribute, TfType } from './hcl-type';
import { terraformName } from '../core/conditional';
import { AnySetting, isOmitted, moduleDefault, object } from '../settings/setting';

/**
 * Where each declared setting lives in the module, and the module's input types built from that: the
 * declarations say the type, default and description; `module` options say the place when it is not the
 * key in snake_case (the module keeps the names its users already write: `sign_in.case_sensitive`,
 * `mfa.otp`).
 */

/** A setting with a place in the module (a leaf: a value, a list, a map or a hand-written form). */
export interface Placed {
  readonly configPath: string;
  readonly modulePath: readonly string[];
  readonly setting: AnySetting;
}

/** A setting the module leaves out, with the reason. */
export interface Omitted {
  readonly configPath: string;
  readonly reason: string;
}

/** Where every setting of a table goes. */
export interface Placement {
  readonly placed: Placed[];
  readonly omitted: Omitted[];
  /** The object declarations by module path (`sign_in`), for the descriptions of object inputs. */
  readonly objects: Map<string, AnySetting>;
}

/** The module path of a setting: its `module` option relative to `base`, or its key in snake_case. */
export function modulePathOf(key: string, setting: AnySetting, base: readonly string[]): string[] {
  if (setting.moduleAt === '.') return [...base];
  return [...base, ...(setting.moduleAt ?? terraformName(key)).split('.')];
}

/** Places every setting of a table, objects through their fields. */
export function place(settings: Readonly<Record<string, AnySetting>>, base: readonly string[] = [], configPrefix = ''): Placement {
  const result: Placement = { placed: [], omitted: [], objects: new Map() };
  for (const [key, setting] of Object.entries(settings)) {
    const configPath = `${configPrefix}${key}`;
    if (isOmitted(setting.module)) {
      result.omitted.push({ configPath, reason: setting.module.notInModule });
      continue;
    }
    const at = modulePathOf(key, setting, base);
    // A group has no declaration of its own: it defaults to {} (every field at its own default).
    for (const [relative, description] of Object.entries(setting.moduleGroups ?? {}))
      result.objects.set([...at, ...relative.split('.')].join('.'), { ...object({}, description), moduleDefault: {} });
    if (setting.fields) {
      const path = at.join('.');
      // The first object placed at a path describes it, unless a later one says it describes the group.
      if (setting.moduleAt !== '.' && (!result.objects.has(path) || setting.moduleDescription)) result.objects.set(path, setting);
      const inner = place(setting.fields, at, `${configPath}.`);
      result.placed.push(...inner.placed);
      result.omitted.push(...inner.omitted);
      inner.objects.forEach((v, k) => result.objects.set(k, v));
    } else {
      result.placed.push({ configPath, modulePath: at, setting });
    }
  }
  return result;
}

interface Node {
  readonly children: Map<string, Node>;
  leaf?: Placed;
}

/** The attributes of the objects that the placed settings make, by their first path segment. */
export function attributesOf(
  placement: Placement,
  prefix: readonly string[] = [],
  adjust: (path: string, a: Attribute) => Attribute = (_p, a) => a,
): Record<string, Attribute> {
  const root: Node = { children: new Map() };
  for (const p of placement.placed) {
    let node = root;
    for (const part of p.modulePath.slice(prefix.length)) {
      if (!node.children.has(part)) node.children.set(part, { children: new Map() });
      node = node.children.get(part)!;
    }
    if (node.leaf || node.children.size > 0) throw new Error(`two settings share the module path ${p.modulePath.join('.')}`);
    node.leaf = p;
  }
  const attribute = (path: string[], node: Node): Attribute => {
    const at = path.join('.');
    if (node.leaf) {
      const s = node.leaf.setting;
      const type = moduleType(s);
      const description = s.moduleDescription ?? s.description;
      return adjust(at, s.moduleRequired || s.required ? { type, description } : { type, description, default: moduleDefault(s) });
    }
    const object = placement.objects.get(at);
    if (!object) throw new Error(`the module object ${at} has no declaration to describe it`);
    const type: TfType = { object: Object.fromEntries([...node.children].map(([k, child]) => [k, attribute([...path, k], child)])) };
    return adjust(at, {
      type,
      description: object.moduleDescription ?? object.description,
      default: object.moduleDefault !== undefined ? object.moduleDefault : moduleDefault(object),
    });
  };
  return Object.fromEntries([...root.children].map(([k, child]) => [k, attribute([...prefix, k], child)]));
}

/** A leaf's module type; a map or list of objects gets its entries' attributes from their own placement. */
export function moduleType(s: AnySetting): TfType {
  const type = s.module as TfType;
  if (!s.entry?.fields || typeof type !== 'object') return type;
  const entry: TfType = { object: attributesOf(place(s.entry.fields)) };
  if ('map' in type && typeof type.map === 'object' && 'object' in type.map) return { map: entry };
  if ('list' in type && typeof type.list === 'object' && 'object' in type.list) return { list: entry };
  return type;
}

/**
 * The props of a table of settings as Terraform expressions on the module's inputs (`root` is `var`,
 * or `each.value` for an entry of a map): what the same renderers turn into the module's resources.
 */
export function propsFromModule(
  settings: Readonly<Record<string, AnySetting>>,
  root: string,
  base: readonly string[] = [],
  nullable = false,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(settings).flatMap(([key, s]) => {
      // A hand-written form without `fromTerraform` is wired by the module builder itself (triggers).
      if (isOmitted(s.module) || (!s.fields && !s.fromTerraform)) return [];
      const at = modulePathOf(key, s, base);
      // Inside an object that may be null (`device_tracking = null`), every field reads as null then.
      if (s.fields) return [[key, propsFromModule(s.fields, root, at, nullable || moduleDefault(s) === null)]];
      const expression = `${root}.${at.join('.')}`;
      return [[key, s.fromTerraform!(nullable ? `try(${expression}, null)` : expression)]];
    }),
  );
}
