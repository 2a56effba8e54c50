import { z } from 'zod';
import { Attribute, TfType } from '../module/hcl-type';
import { terraformName } from '../core/conditional';
import { Fn, ref, Token } from '../engine';

/**
 * The kit that declares a setting once. A declaration gives, from one place:
 * - the configuration file's shape (zod, hence the JSON Schema), with its description and default;
 * - the conversion of the file's value to the construct prop's (enums by name, durations, classes);
 * - the Terraform module's form: the type, default and description of its input, and the prop's value
 *   as Terraform expressions on that input (`fromTerraform`), or the reason the module leaves it out;
 * - the rows of the README settings tables.
 *
 * `Setting<P, F>` is typed by the prop it produces (`P`) and the file value it reads (`F`), so a table of
 * declarations can be checked against a props interface at compile time (see {@link Declarations}).
 */

/** How the default of a setting is shown: a value in the file's spelling, or words for a computed one. */
export type Default = { readonly value: unknown } | { readonly text: string };

/** The reason a setting has no module input: one of a short, reasoned list (checked by the coverage test). */
export interface NotInModule {
  readonly notInModule: string;
}

/** One declared setting. */
export interface Setting<P, F> {
  /** What it does: one or two sentences, for the JSON Schema, the README and the module. */
  readonly description: string;
  /** The file's shape for the value (not optional: {@link object} makes fields optional). */
  readonly schema: z.ZodType<F>;
  /** The file's value to the prop's. */
  readonly toProp: (value: F) => P;
  /** The default; absent when there is none (the setting is then simply not set). */
  readonly default?: Default;
  /** Whether an object that has this field must give it. */
  readonly required?: boolean;
  /** The fields of an object setting, by their file (and prop) names. */
  readonly fields?: Readonly<Record<string, AnySetting>>;
  /** The value of a map or list setting's entries. */
  readonly entry?: AnySetting;
  /** The module's Terraform type for the value, or why the module leaves it out. */
  readonly module: TfType | NotInModule;
  /** The prop's value as Terraform expressions on `expression` (the module's input or a field of it). */
  readonly fromTerraform?: (expression: string) => P;
  /** The module's default in its own spelling when it differs from the file's (`null`: unset). */
  readonly moduleDefault?: unknown;
  /** Where the module has it, relative to its parent's place (see {@link Options.module}). */
  readonly moduleAt?: string;
  /** Whether the module requires it. */
  readonly moduleRequired?: boolean;
  /** The description of the module's object input when several settings share it. */
  readonly moduleDescription?: string;
  /**
   * Objects of the module that only group fields (no setting of their own), by path relative to this
   * setting's place, with their descriptions: `threat_protection` holds the pool's responses.
   */
  readonly moduleGroups?: Readonly<Record<string, string>>;
  /**
   * For a hand-written form ({@link custom}) whose file keys the module spells otherwise: each file key's
   * module key, or why the module has none. The coverage test reads it.
   */
  readonly moduleKeys?: Readonly<Record<string, string | NotInModule>>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySetting = Setting<any, any>;
/** The prop a declaration produces. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches a Setting of any file type (inference position)
export type PropOf<S> = S extends Setting<infer P, any> ? P : never;
/** The file value a declaration reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches a Setting of any file type (inference position)
export type FileOf<S> = S extends Setting<any, infer F> ? F : never;

/**
 * Declarations for every key of a props interface but `Omit`: each must produce exactly that prop's
 * type. Use with `satisfies`, so a prop without a declaration, or a declaration that produces the wrong
 * type, fails the compile. Keys in `Omit` may be declared for the file and converted elsewhere (a
 * client's scopes name the pool's resource servers), or left out (construct-only props).
 */
export type Declarations<Props, Omit extends keyof Props = never> = {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches a Setting of any file type (inference position)
  readonly [K in Exclude<keyof Props, Omit>]-?: Setting<NonNullable<Props[K]>, any>;
} & {
  readonly [K in Omit]?: AnySetting;
};

/** The file value of an object of declarations: required fields required, others optional. */
export type FileObject<F extends Record<string, AnySetting>> = { [K in keyof F as F[K] extends { required: true } ? K : never]: FileOf<F[K]> } & {
  [K in keyof F as F[K] extends { required: true } ? never : K]?: FileOf<F[K]>;
};
/** The props of an object of declarations. */
export type PropObject<F extends Record<string, AnySetting>> = { [K in keyof F as F[K] extends { required: true } ? K : never]: PropOf<F[K]> } & {
  [K in keyof F as F[K] extends { required: true } ? never : K]?: PropOf<F[K]>;
};

/** What a declaration may say beyond its description. */
export interface Options {
  /** The default, in the file's spelling (a value), or a sentence (computed defaults). */
  readonly default?: unknown;
  readonly defaultText?: string;
  /** The module leaves it out, for this reason. */
  readonly notInModule?: string;
  /**
   * Where the module has it, relative to its parent's place: `mfa.email_subject`; `.` puts an object's
   * fields in its parent's place. Default: the key in snake_case.
   */
  readonly module?: string;
  /** The module's default when it differs from the file's (`null`: unset). */
  readonly moduleDefault?: unknown;
  /** The module requires it (the file need not: the app fills it in). */
  readonly moduleRequired?: boolean;
  /** The description of the module's object input when several settings share it (`mfa`). */
  readonly moduleDescription?: string;
  /** Objects of the module that only group fields, with their descriptions (see {@link Setting.moduleGroups}). */
  readonly moduleGroups?: Readonly<Record<string, string>>;
}

/** Whether the module leaves a setting out. */
export function isOmitted(module: TfType | NotInModule): module is NotInModule {
  return typeof module === 'object' && 'notInModule' in module;
}

function defaultOf(o: Options): Default | undefined {
  if (o.defaultText !== undefined) return { text: o.defaultText };
  return o.default === undefined ? undefined : { value: o.default };
}

function moduleOf(type: TfType, o: Options): TfType | NotInModule {
  return o.notInModule ? { notInModule: o.notInModule } : type;
}

/** The description with its default, as the JSON Schema shows it (`default` too, for editors; parsing ignores it). */
function described<T extends z.ZodType>(schema: T, description: string, d?: Default): T {
  if (description === '') return schema;
  const shown = !d ? description : `${description} Default: ${'text' in d ? d.text : JSON.stringify(d.value)}.`;
  return schema.meta({ description: shown, ...(d && 'value' in d ? { default: d.value } : {}) }) as T;
}

/** A declaration with its schema described and its module options. */
function declare<P, F>(setting: Setting<P, F>, o: Options = {}): Setting<P, F> {
  const moduleOptions = {
    ...(o.module !== undefined ? { moduleAt: o.module } : {}),
    ...(o.moduleDefault !== undefined ? { moduleDefault: o.moduleDefault } : {}),
    ...(o.moduleRequired ? { moduleRequired: true } : {}),
    ...(o.moduleDescription ? { moduleDescription: o.moduleDescription } : {}),
    ...(o.moduleGroups ? { moduleGroups: o.moduleGroups } : {}),
  };
  return { ...setting, ...moduleOptions, schema: described(setting.schema, setting.description, setting.default) };
}

const str = (expression: string): string => Token.asString(ref(expression));

/** Marks a field as one an object must give. */
export function required<S extends AnySetting>(setting: S): S & { readonly required: true } {
  return { ...setting, required: true };
}

/** True or false. */
export function flag(description: string, o: Options = {}): Setting<boolean, boolean> {
  return declare(
    {
      description,
      schema: z.boolean(),
      toProp: (v) => v,
      default: defaultOf(o),
      module: moduleOf('bool', o),
      fromTerraform: (e) => ref(e) as unknown as boolean,
    },
    o,
  );
}

/** A whole number (ranges are rules, not shape). */
export function whole(description: string, o: Options = {}): Setting<number, number> {
  return declare(
    {
      description,
      schema: z.number().int(),
      toProp: (v) => v,
      default: defaultOf(o),
      module: moduleOf('number', o),
      fromTerraform: (e) => Token.asNumber(ref(e)),
    },
    o,
  );
}

/** A number. */
export function decimal(description: string, o: Options = {}): Setting<number, number> {
  return declare({ ...whole(description, o), schema: z.number() }, o);
}

/** Text (formats and lengths are rules, not shape). */
export function text(description: string, o: Options = {}): Setting<string, string> {
  return declare({ description, schema: z.string(), toProp: (v) => v, default: defaultOf(o), module: moduleOf('string', o), fromTerraform: str }, o);
}

type EnumLike = Record<string, string | number>;
type StringValues<E extends EnumLike> = Extract<E[keyof E], string>;

/** The string values of an enum (a numeric enum has reverse-mapping keys, which are left out). */
export function enumValues<E extends EnumLike>(e: E): [StringValues<E>, ...StringValues<E>[]] {
  return Object.values(e).filter((v) => typeof v === 'string') as [StringValues<E>, ...StringValues<E>[]];
}

/**
 * One value of a closed set, written in the file as the enum's value (`"ESSENTIALS"`, `"code"`).
 * The default is given as the enum value.
 */
export function oneOf<E extends Record<string, string>>(e: E, description: string, o: Options = {}): Setting<E[keyof E], E[keyof E]> {
  const values = enumValues(e);
  const full = `${description} One of ${values.map((v) => `\`${v}\``).join(', ')}.`;
  return declare(
    {
      description: full,
      schema: z.enum(values) as unknown as z.ZodType<E[keyof E]>,
      toProp: (v) => v,
      default: defaultOf(o),
      module: moduleOf('string', o),
      fromTerraform: (expression) => str(expression) as E[keyof E],
    },
    o,
  );
}

/**
 * One value of a closed set, written in the file by the enum member's name (`mfa: REQUIRED` for
 * `Mfa.REQUIRED`, whose API value is `ON`): for enums whose values read badly. The default is given as
 * the enum value and shown by name.
 */
export function oneOfByName<E extends Record<string, string>>(e: E, description: string, o: Options = {}): Setting<E[keyof E], keyof E & string> {
  const names = Object.keys(e) as [keyof E & string, ...(keyof E & string)[]];
  const nameOf = (value: unknown) => names.find((n) => e[n] === value);
  const full = `${description} One of ${names.map((v) => `\`${v}\``).join(', ')}.`;
  return declare(
    {
      description: full,
      schema: z.enum(names) as unknown as z.ZodType<keyof E & string>,
      toProp: (name) => e[name],
      default: o.default === undefined ? defaultOf(o) : { value: nameOf(o.default) },
      module: moduleOf('string', o),
      // The module takes the name too; Terraform looks the API value up.
      fromTerraform: (expression) => Token.asString(Fn.lookup({ ...e }, Token.asString(ref(expression)))) as E[keyof E],
    },
    o,
  );
}

/** A list of values. */
export function listOf<P, F>(entry: Setting<P, F>, description: string, o: Options = {}): Setting<P[], F[]> {
  // A closed set's values are worth listing; a free entry's description is not.
  const values = (entry.schema as z.ZodType & { options?: unknown[] }).options;
  return declare(
    {
      description: values ? `${description} Each one of ${values.map((v) => `\`${String(v)}\``).join(', ')}.` : description,
      schema: z.array(entry.schema),
      toProp: (v) => v.map(entry.toProp),
      default: defaultOf(o),
      entry,
      module: isOmitted(entry.module) ? entry.module : moduleOf({ list: entry.module }, o),
      fromTerraform: (e) => Token.asList(ref(e)) as unknown as P[],
    },
    o,
  );
}

/** A map from names of your choosing to values. */
export function mapOf<P, F>(
  entry: Setting<P, F>,
  description: string,
  o: Options & { keys?: z.ZodEnum } = {},
): Setting<{ [key: string]: P }, { [key: string]: F }> {
  return declare(
    {
      description,
      schema: (o.keys ? z.partialRecord(o.keys, entry.schema) : z.record(z.string(), entry.schema)) as z.ZodType<{ [key: string]: F }>,
      toProp: (v) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, entry.toProp(x)])),
      default: defaultOf(o),
      entry,
      module: isOmitted(entry.module) ? entry.module : moduleOf({ map: entry.module }, o),
      fromTerraform: (e) => Token.asAnyMap(ref(e)) as { [key: string]: P },
    },
    o,
  );
}

/** An object of settings: its fields are declarations too, optional unless marked {@link required}. */
export function object<F extends Record<string, AnySetting>>(fields: F, description: string, o: Options = {}): Setting<PropObject<F>, FileObject<F>> {
  const shape = objectShape(fields);
  const inModule = Object.entries(fields).filter(([, f]) => !isOmitted(f.module));
  return declare(
    {
      description,
      schema: z.strictObject(shape) as unknown as z.ZodType<FileObject<F>>,
      toProp: (v) => propsOf(fields, v),
      default: defaultOf(o),
      fields,
      module: o.notInModule
        ? { notInModule: o.notInModule }
        : { object: Object.fromEntries(inModule.map(([k, f]) => [terraformName(k), moduleAttribute(f)])) },
      fromTerraform: (e) => Object.fromEntries(inModule.map(([k, f]) => [k, f.fromTerraform!(`${e}.${terraformName(k)}`)])) as PropObject<F>,
    },
    o,
  );
}

/** The zod shape of an object's fields: optional unless marked required. */
export function objectShape(fields: Record<string, AnySetting>): Record<string, z.ZodType> {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.required ? f.schema : f.schema.optional()]));
}

/** The module attribute of a field: `optional(type, default)` with the file's default, `optional(type)` without one. */
export function moduleAttribute(f: AnySetting): Attribute {
  const type = f.module as TfType;
  if (f.required) return { type, description: f.description };
  return { type, description: f.description, default: moduleDefault(f) };
}

/** A setting's default as the module spells it: its own, the file's value, `{}` for an object, else null. */
export function moduleDefault(f: AnySetting): unknown {
  if (f.moduleDefault !== undefined) return f.moduleDefault;
  if (f.default && 'value' in f.default) return f.default.value;
  // An object with required fields cannot default to {}: it is null (not set) unless given.
  if (f.fields && !f.default) return Object.values(f.fields).some((x) => x.required || x.moduleRequired) ? null : {};
  return null;
}

/**
 * A setting whose file shape, conversion and module form are written by hand (a choice of forms, a
 * class instance). Everything else about it is declared as for any other.
 */
export function custom<P, F>(declaration: Omit<Setting<P, F>, 'schema'> & { readonly schema: z.ZodType<F> }): Setting<P, F> {
  return declare(declaration);
}

/** The configuration's zod shape of a table of declarations (all optional unless marked required). */
export function shapeOf<F extends Record<string, AnySetting>>(fields: F): z.ZodType<FileObject<F>> {
  return object(fields, '').schema;
}

/** The props of a file value of a table of declarations (per environment: builds no schema). */
export function propsOf<F extends Record<string, AnySetting>>(fields: F, value: FileObject<F>): PropObject<F> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, x]) => x !== undefined)
      .map(([k, x]) => [k, fields[k].toProp(x)]),
  ) as PropObject<F>;
}
