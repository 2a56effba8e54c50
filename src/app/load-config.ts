import { readFileSync, statSync } from 'fs';
import { extname } from 'path';
import { z } from 'zod';
import { closest, formatPath, valueAt } from './config-path';
import { AppConfig, configSchema } from './config-schema';
import { MAX_DEPTH, readDocument } from './read-document';
import { formatProblem, Problem, ValidationError } from '../core/problem';
import { PROVIDER_SETTINGS, providerSecretVariableName } from '../client/identity-provider-kinds';

/**
 * Reads a configuration file (JSON or YAML) and checks its shape. Every problem is reported at once,
 * each with its full path, the rule, the value received and a fix; unknown keys included.
 */
export function loadConfig(file: string): AppConfig {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) {
      throw new ValidationError(
        [
          formatProblem({
            path: file,
            rule: 'is not a regular file',
            received: file,
            fix: 'pass the configuration file (YAML or JSON) with --config',
          }),
        ],
        'Invalid configuration',
      );
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(
      [`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Fix: pass an existing file with --config`],
      'Invalid configuration',
    );
  }
  const read = readDocument(bytes, file, ['.yaml', '.yml'].includes(extname(file).toLowerCase()));
  if (read.problems)
    throw new ValidationError(
      read.problems.map((p) => formatProblem(p)),
      `Invalid configuration in ${file}`,
    );
  return parseConfig(read.document, file);
}

/** Checks a parsed document against the configuration schema. */
export function parseConfig(document: unknown, source = 'the configuration'): AppConfig {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const problem = {
      path: '(root)',
      rule: 'the document must be a mapping of settings (backend, defaults, environments)',
      received: document,
      fix: 'start from config/default.yaml',
    };
    throw new ValidationError([formatProblem(problem)], `Invalid configuration in ${source}`);
  }
  const own = documentProblems(document);
  const result = configSchema.safeParse(withoutPrototypes(document));
  if (result.success && own.length === 0) return renameKeys(result.data, MASKED_KEY, CONSTRUCTOR_KEY) as AppConfig;
  const issues = result.success
    ? []
    : result.error.issues
        .map(unmaskIssue)
        .filter(
          (issue) => !issue.path.includes(RESERVED_KEY) && !(issue.code === 'unrecognized_keys' && issue.keys.every((k) => k === RESERVED_KEY)),
        );
  const problems = [...own, ...issues.flatMap((issue) => problemsOf(issue, document))];
  throw new ValidationError(
    problems.map((p) => formatProblem(p)),
    `Invalid configuration in ${source}`,
  );
}

/** JavaScript's prototype key: kept as a key by the readers, refused here so it is never silently dropped. */
const RESERVED_KEY = '__proto__';

/**
 * What the schema cannot see: `__proto__` keys (which a plain object would drop) and strings that are not
 * well-formed Unicode (a lone surrogate, `"a\ud800"`, that the JSON output keeps and the HCL file cannot hold).
 */
function documentProblems(document: object): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      problems.push({
        path: formatPath(path),
        rule: 'is not well-formed Unicode (it holds half of a surrogate pair)',
        received: value,
        fix: 'remove the \\uD800-\\uDFFF escape, or give the whole pair',
      });
    }
    if (value === null || typeof value !== 'object') continue;
    for (const [key, child] of Object.entries(value)) {
      const childPath = [...path, Array.isArray(value) ? Number(key) : key];
      if (key === RESERVED_KEY) {
        problems.push({
          path: formatPath(childPath),
          rule: `${RESERVED_KEY} is reserved and cannot name a setting, client, tag or any other key`,
          received: key,
          fix: 'rename the key',
        });
        continue;
      }
      if (LONE_SURROGATE.test(key))
        problems.push({
          path: formatPath(childPath),
          rule: 'the key is not well-formed Unicode (it holds half of a surrogate pair)',
          received: key,
          fix: 'rename the key',
        });
      stack.push({ value: child, path: childPath });
    }
  }
  return problems.reverse();
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The schema checker takes an object with a `constructor` key for a class instance, so a client or tag
 * named `constructor` is masked while it checks, then named back.
 */
const CONSTRUCTOR_KEY = 'constructor';
const MASKED_KEY = '\u0000constructor';

/** A copy without `__proto__` keys and with `constructor` keys masked (see MASKED_KEY). */
function withoutPrototypes(value: unknown): unknown {
  return renameKeys(value, CONSTRUCTOR_KEY, MASKED_KEY);
}

function renameKeys(value: unknown, from: string, to: string, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => renameKeys(v, from, to, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === RESERVED_KEY) continue;
    Object.defineProperty(copy, key === from ? to : key, {
      value: renameKeys(child, from, to, depth + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

function unmaskIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  const unmask = (k: PropertyKey) => (k === MASKED_KEY ? CONSTRUCTOR_KEY : k);
  const path = issue.path.map(unmask);
  return issue.code === 'unrecognized_keys' ? { ...issue, path, keys: issue.keys.map((k) => String(unmask(k))) } : { ...issue, path };
}

function problemsOf(issue: z.core.$ZodIssue, document: unknown): Problem[] {
  const path = issue.path as PropertyKey[];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const secret = secretInFile(path, key);
        if (secret) return secret;
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
      return [
        {
          path: formatPath(path),
          rule: `must be ${article(issue.expected)}`,
          received: valueAt(document, path),
          fix: valueAt(document, path) === undefined ? 'add it' : `write it as ${article(issue.expected)}`,
        },
      ];
    case 'invalid_value':
      return [
        {
          path: formatPath(path),
          rule: `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`,
          received: valueAt(document, path),
          fix: 'use one of the listed values',
        },
      ];
    case 'invalid_key': {
      // A key of a map whose keys are a closed set (standard attributes, trigger operations).
      const key = String(path[path.length - 1]);
      const known = knownKeys(path.slice(0, -1));
      const guess = closest(key, known);
      return [
        {
          path: formatPath(path),
          rule: `is not one of ${known.join(', ')}`,
          received: key,
          fix: guess ? `did you mean "${guess}"? Rename it` : 'use one of the listed names',
        },
      ];
    }
    case 'too_small':
      return [
        {
          path: formatPath(path),
          rule: `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`,
          received: valueAt(document, path),
          fix: 'add one',
        },
      ];
    case 'invalid_union':
      return [
        {
          path: formatPath(path),
          rule: unionRule(path),
          received: valueAt(document, path),
          fix: 'use one of the documented forms (see the JSON Schema)',
        },
      ];
    default:
      // The schema's own messages state the expected form (e.g. durations: "15m", "30d").
      return [
        {
          path: formatPath(path),
          rule: issue.message.replace(/^Invalid string: /, ''),
          received: valueAt(document, path),
          fix: 'write it in the form the rule gives',
        },
      ];
  }
}

/**
 * A secret written in the file (an identity provider's clientSecret or privateKey): refused with the
 * variable that replaces it, and never echoed. Other unknown keys of a provider are not echoed either,
 * since a misspelt secret is still a secret.
 */
function secretInFile(path: readonly PropertyKey[], key: string): Problem | undefined {
  const at = path.indexOf('identityProviders');
  if (at < 0 || path.length !== at + 2) return undefined;
  const providerKey = String(path[at + 1]);
  const setting = Object.values(PROVIDER_SETTINGS)
    .flat()
    .find((s) => s.secret && s.name === key);
  if (!setting) {
    return {
      path: formatPath([...path, key]),
      rule: 'is not a known setting',
      received: '(not shown: it may be a secret)',
      fix: `remove it; see the identity provider settings in the README`,
    };
  }
  const variable = providerSecretVariableName(providerKey, setting);
  return {
    path: formatPath([...path, key]),
    rule: 'secrets never sit in the configuration file (they would be in the repository, the plan and the HCL)',
    received: '(a literal value, not shown)',
    fix: `remove it; the stack declares the sensitive variable ${variable}: set it in the pipeline as the environment variable TF_VAR_${variable} (see PIPELINE.md)`,
  };
}

function unionRule(path: PropertyKey[]): string {
  const last = path[path.length - 1];
  if (last === 'handler')
    return 'must be exactly one of { emailDomainAllowlist }, { groupClaims }, { file }, { directory, handler } or { functionArn }';
  if (last === 'email') return 'must have sender "cognito" or "ses" (with fromEmail)';
  return 'does not match any allowed form';
}

function article(type: string): string {
  return `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
}

/** The keys the schema allows at a path, for "did you mean" hints. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walks zod's internal schema tree, which has no public type
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
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- zod's internal schema tree has no public type
function unwrap(schema: any): any {
  let s = schema;
  while (s && ['optional', 'nullable', 'default', 'readonly'].includes(s.def?.type)) s = s.unwrap();
  return s;
}
