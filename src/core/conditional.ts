import { Fn, Op, Token } from '../engine';
import { isKnown } from './problem';

/**
 * Branches that render functions take on setting values, written once for both kinds of value: decided
 * in TypeScript when the value is known at synth (the library's literal path, unchanged), and left to
 * Terraform as a conditional expression or a `dynamic` block when it is a token (the generated module,
 * whose settings are variables). A known condition always gives exactly the literal result.
 */

/** `null` in an expression: Terraform's "argument not set". */
const orNull = (value: unknown): unknown => (value === undefined ? Token.nullValue() : value);

/** `condition ? whenTrue : whenFalse`; `undefined` in a branch means the argument is left unset. */
export function choose<T>(condition: boolean, whenTrue: T, whenFalse: T): T {
  if (isKnown(condition)) return condition ? whenTrue : whenFalse;
  if (whenTrue === whenFalse) return whenTrue;
  return Fn.conditional(condition, orNull(whenTrue), orNull(whenFalse)) as T;
}

/** `!condition`. */
export function not(condition: boolean): boolean {
  return isKnown(condition) ? !condition : (Op.not(condition) as unknown as boolean);
}

/** `a && b`: a known false decides it without Terraform, a known true drops out. */
export function and(a: boolean, b: boolean): boolean {
  if (isKnown(a)) return a ? b : false;
  if (isKnown(b)) return b ? a : false;
  return Op.and(a, b) as unknown as boolean;
}

/** `value != literal`. */
export function differs(value: string, literal: string): boolean {
  return isKnown(value) ? value !== literal : (Op.neq(value, literal) as unknown as boolean);
}

/** Whether an optional string is set (a known value: non-empty; a token: not null). */
export function isSet(value: string | undefined): boolean {
  return isKnown(value) ? value !== '' : value === undefined ? false : (Op.neq(value, Token.nullValue()) as unknown as boolean);
}

/** `a || b || ...`: a known true decides it, known falses drop out. */
export function anyOf(flags: readonly boolean[]): boolean {
  if (flags.some((f) => isKnown(f) && f)) return true;
  const open = flags.filter((f) => !isKnown(f));
  if (open.length === 0) return false;
  return open.reduce((a, b) => Op.or(a, b) as unknown as boolean);
}

/** Whether a value is given: known values when not undefined, a token when not null. */
export function given(value: unknown): boolean {
  if (!Token.isUnresolved(value)) return value !== undefined;
  return Op.neq(value, Token.nullValue()) as unknown as boolean;
}

/** Whether a number is above zero. */
export function isPositive(value: number): boolean {
  // `> 0` would be the natural spelling, but the engine drops a literal 0 operand.
  return isKnown(value) ? value > 0 : (Op.gte(value, 1) as unknown as boolean);
}

/** The names whose flag is on, in order: `[[email, 'email'], [phone, 'phone_number']]`. */
export function namesWhere(flags: readonly (readonly [boolean, string])[]): string[] {
  const possible = flags.filter(([flag]) => !isKnown(flag) || flag);
  if (possible.every(([flag]) => isKnown(flag))) return possible.map(([, name]) => name);
  return Token.asList(Fn.compact(possible.map(([flag, name]) => choose(flag, name, ''))));
}

/** Whether a list has items. */
export function hasItems(list: readonly unknown[]): boolean {
  return Token.isUnresolved(list) ? (Op.gte(Fn.lengthOf(list), 1) as unknown as boolean) : list.length > 0;
}

/** An argument that is there only when `present` is; for a token condition, `null` (unset) otherwise. */
export function optionalArgument<K extends string, V>(key: K, present: boolean, value: V): { [P in K]?: V } {
  if (isKnown(present)) return (present ? { [key]: value } : {}) as { [P in K]?: V };
  return { [key]: choose(present, value, undefined) } as { [P in K]?: V };
}

/**
 * A list argument only when it has items: an empty list and an absent one are not the same to the
 * provider, and AWS reports an empty list as absent, which would show as a change on every plan.
 */
export function nonEmpty<K extends string>(key: K, values: readonly string[] | undefined): { [P in K]?: string[] } {
  if (values === undefined) return {};
  return optionalArgument(key, hasItems(values), Token.isUnresolved(values) ? (values as string[]) : [...values]);
}

/**
 * One of two sets of arguments: for a token condition, each argument of either set becomes a
 * conditional, unset where its set does not have it.
 */
export function chooseArguments<T extends object>(condition: boolean, whenTrue: T, whenFalse: T): T {
  if (isKnown(condition)) return condition ? whenTrue : whenFalse;
  const keys = [...new Set([...Object.keys(whenTrue), ...Object.keys(whenFalse)])] as (keyof T)[];
  return Object.fromEntries(keys.map((k) => [k, choose(condition, whenTrue[k], whenFalse[k])])) as T;
}

/**
 * A nested block that Terraform repeats once per item of `forEach`; in `content` (written with
 * Terraform's argument names) the item is `<block type>.value`.
 */
export class DynamicBlock {
  constructor(
    /** A token for the list or map to repeat over. */
    public readonly forEach: unknown,
    /** The block's arguments, by their Terraform names. */
    public readonly content: Readonly<Record<string, unknown>>,
  ) {}
}

/**
 * An optional nested block, there when `present` is: for a token condition, a `dynamic` block that
 * Terraform renders zero times or once.
 */
export function optionalBlock<K extends string, V extends object>(key: K, present: boolean, block: V): { [P in K]?: V } {
  if (isKnown(present)) return (present ? { [key]: block } : {}) as { [P in K]?: V };
  return { [key]: new DynamicBlock(Fn.conditional(present, [1], []), terraformArguments(block)) } as unknown as { [P in K]?: V };
}

/** {@link optionalBlock} for a block the provider types as a list of one (`refresh_token_rotation`). */
export function optionalListBlock<K extends string, V extends object>(key: K, present: boolean, block: V): { [P in K]?: V[] } {
  if (isKnown(present)) return (present ? { [key]: [block] } : {}) as { [P in K]?: V[] };
  return { [key]: new DynamicBlock(Fn.conditional(present, [1], []), terraformArguments(block)) } as unknown as { [P in K]?: V[] };
}

/** Flat arguments by their Terraform names, as a `dynamic` block's content needs them. */
export function terraformArguments(args: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [terraformName(k), v]));
}

/** `recoveryMechanism` -> `recovery_mechanism`. */
export function terraformName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** What {@link splitDynamicBlocks} found: where each dynamic block goes (`a.b` Terraform paths). */
export type DynamicBlocks = readonly { readonly path: string; readonly block: DynamicBlock }[];

/**
 * Takes the {@link DynamicBlock}s out of rendered arguments, which the provider classes cannot carry, to
 * be added to the resource with {@link addDynamicBlocks}. Arguments without any are returned as they are.
 */
export function splitDynamicBlocks<T extends object>(args: T): { config: T; dynamicBlocks: DynamicBlocks } {
  const found: { path: string; block: DynamicBlock }[] = [];
  const walk = (value: object, path: string): object =>
    Object.fromEntries(
      Object.entries(value).flatMap(([key, v]) => {
        const at = path ? `${path}.${terraformName(key)}` : terraformName(key);
        if (v instanceof DynamicBlock) {
          found.push({ path: at, block: v });
          return [];
        }
        return [[key, isPlainObject(v) ? walk(v, at) : v]];
      }),
    );
  const config = walk(args, '') as T;
  return found.length === 0 ? { config: args, dynamicBlocks: [] } : { config, dynamicBlocks: found };
}

/** Adds dynamic blocks to a resource (as `dynamic` overrides, which is how Terraform JSON spells them). */
export function addDynamicBlocks(resource: { addOverride(path: string, value: unknown): void }, blocks: DynamicBlocks): void {
  for (const { path, block } of blocks) {
    const dot = path.lastIndexOf('.');
    const [parent, type] = dot < 0 ? ['', path] : [`${path.slice(0, dot)}.`, path.slice(dot + 1)];
    resource.addOverride(`${parent}dynamic.${type}`, { for_each: block.forEach, content: block.content });
  }
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && !Token.isUnresolved(value);
}
