import { Token } from '../engine';

/**
 * One broken rule in the settings, reported with everything a user needs to fix it.
 *
 * Rules never throw: they return problems, so a single run reports every problem at once.
 */
export interface Problem {
  /** Where the setting lives, relative to the construct's props (e.g. `passwordPolicy.minLength`). */
  readonly path: string;
  /** The rule, stated as a fact (e.g. `must be between 6 and 99`). */
  readonly rule: string;
  /** The value received. */
  readonly received: unknown;
  /** How to fix it. */
  readonly fix: string;
}

/** Renders a problem as one line: setting, rule, received value, fix. */
export function formatProblem(problem: Problem, prefix = ''): string {
  const path = prefix && problem.path ? `${prefix}.${problem.path}` : prefix || problem.path;
  // Rules and fixes may quote what was received too: they are bounded like the value.
  // One line each: a control character that a rule or fix quotes from the input is shown escaped.
  return `${oneLine(shorten(path, 400))}: ${oneLine(shorten(problem.rule, 600))}; received ${describeValue(problem.received)}. Fix: ${oneLine(shorten(problem.fix, 600))}`;
}

/** At most this many characters of a received value are shown: a message stays readable whatever was received. */
export const MAX_SHOWN_VALUE = 200;

/** Values shown in messages: strings quoted, `undefined` named, everything else as JSON; long ones shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (not set)';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Array.isArray(value) ? `a list of ${value.length} items` : typeof value === 'object' ? 'an object' : String(value);
  }
  return shorten(text);
}

/** Control characters (line breaks, tabs, ...) escaped as in JSON, so that a problem stays on one line. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what it escapes
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** `text`, or its start and how long it was, cut between characters. */
export function shorten(text: string, max = MAX_SHOWN_VALUE): string {
  const chars = [...text.slice(0, max * 2)];
  if (text.length <= max) return text;
  return `${chars.slice(0, max).join('')}... (${text.length} characters in all)`;
}

/**
 * Thrown when settings break rules. The message lists every problem, one a line.
 */
export class ValidationError extends Error {
  public readonly problems: readonly string[];

  constructor(problems: readonly string[], heading = 'Invalid cdktf-cognito settings') {
    super(`${heading} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/**
 * True when a value is known at synth time. Unresolved tokens (references to other resources, Terraform
 * variables of the generated module) are checked by Terraform or AWS instead, so value rules skip them.
 */
export function isKnown<T>(value: T | undefined): value is T {
  return value !== undefined && value !== null && !Token.isUnresolved(value);
}

/**
 * Thrown when the command line (or an equivalent option of a library call) cannot be used: an unknown
 * environment, an output folder that is not safe to write. Command lines exit 2 on it, not 1.
 */
export class UsageError extends ValidationError {
  constructor(problems: readonly string[], heading = 'Invalid command line') {
    super(problems, heading);
    this.name = 'UsageError';
  }
}
