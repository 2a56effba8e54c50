import { readFileSync } from 'fs';
import { extname } from 'path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { closest, formatPath, valueAt } from './config-path';
import { AppConfig, configSchema } from './config-schema';
import { formatProblem, Problem, ValidationError } from '../core/problem';

/**
 * Reads a configuration file (JSON or YAML) and checks its shape. Every problem is reported at once,
 * each with its full path, the rule, the value received and a fix; unknown keys included.
 */
export function loadConfig(file: string): AppConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ValidationError([`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix: pass an existing file with --config`], 'Invalid configuration');
  }
  let document: unknown;
  try {
    document = ['.yaml', '.yml'].includes(extname(file).toLowerCase()) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ValidationError([`${file}: is not valid ${extname(file).slice(1).toUpperCase() || 'JSON'} (${(error as Error).message.split('\n')[0]}). Fix: correct the syntax`], 'Invalid configuration');
  }
  return parseConfig(document, file);
}

/** Checks a parsed document against the configuration schema. */
export function parseConfig(document: unknown, source = 'the configuration'): AppConfig {
  const result = configSchema.safeParse(document);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => problemsOf(issue, document));
  throw new ValidationError(problems.map((p) => formatProblem(p)), `Invalid configuration in ${source}`);
}

function problemsOf(issue: z.core.$ZodIssue, document: unknown): Problem[] {
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const known = knownKeys(path);
        const guess = closest(key, known);
        return {
          path: formatPath([...path, key]),
          rule: 'is not a known setting',
          received: valueAt(document, [...path, key]),
          fix: guess ? `did you mean "${guess}"? Rename it` : `remove it; known settings here: ${known.join(', ')}`,
        };
      });
    case 'invalid_type':
      return [{ path: formatPath(path), rule: `must be ${article(issue.expected)}`, received: valueAt(document, path), fix: valueAt(document, path) === undefined ? 'add it' : `write it as ${article(issue.expected)}` }];
    case 'invalid_value':
      return [{ path: formatPath(path), rule: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`, received: valueAt(document, path), fix: 'use one of the listed values' }];
    case 'invalid_key': {
      // A key of a map whose keys are a closed set (standard attributes, trigger operations).
      const key = String(path[path.length - 1]);
      const known = knownKeys(path.slice(0, -1));
      const guess = closest(key, known);
      return [{ path: formatPath(path), rule: `is not one of ${known.join(', ')}`, received: key, fix: guess ? `did you mean "${guess}"? Rename it` : 'use one of the listed names' }];
    }
    case 'too_small':
      return [{ path: formatPath(path), rule: `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`, received: valueAt(document, path), fix: 'add one' }];
    case 'invalid_union':
      return [{ path: formatPath(path), rule: unionRule(path), received: valueAt(document, path), fix: 'use one of the documented forms (see the JSON Schema)' }];
    default:
      // The schema's own messages state the expected form (e.g. durations: "15m", "30d").
      return [{ path: formatPath(path), rule: issue.message.replace(/^Invalid string: /, ''), received: valueAt(document, path), fix: 'write it in the form the rule gives' }];
  }
}

function unionRule(path: PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === 'handler') return 'must be exactly one of { emailDomainAllowlist }, { groupClaims }, { file }, { directory, handler } or { functionArn }';
  if (last === 'email') return 'must have sender "cognito" or "ses" (with fromEmail)';
  return 'does not match any allowed form';
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** The keys the schema allows at a path, for "did you mean" hints. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: any = configSchema;
  for (const part of path) {
    schema = unwrap(schema);
    if (schema?.shape) schema = schema.shape[part as string];
    else if (schema?.element) schema = schema.element;
    else if (schema?.valueType) schema = schema.valueType;
    else return [];
  }
  schema = unwrap(schema);
  if (schema?.shape) return Object.keys(schema.shape);
  // A map with a closed set of keys.
  return schema?.keyType?.options ? [...schema.keyType.options] : [];
}

/** Through optional and nullable wrappers (not arrays, whose unwrap gives the element). */
function unwrap(schema: any): any {
  let s = schema;
  while (s && ['optional', 'nullable', 'default', 'readonly'].includes(s.def?.type)) s = s.unwrap();
  return s;
}
