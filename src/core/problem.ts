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
  return `${path}: ${problem.rule}; received ${describeValue(problem.received)}. Fix: ${problem.fix}`;
}

/** Values shown in messages: strings quoted, `undefined` named, everything else as JSON. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (not set)';
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
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
