import { parseDocument } from 'yaml';
import { formatPath } from './config-path';
import { Problem } from '../core/problem';

/**
 * Turns the text of a configuration file into a plain document, or into problems that say where and why
 * it is not one. JSON is read by a strict parser of its own, because `JSON.parse` keeps the last of two
 * equal keys without a word (`"dangerouslyAllowDeletionOfAllUsers": false` then `true`); YAML already
 * refuses them. Both readers keep a `__proto__` key as a key (the shape check then reports it), and stop
 * at {@link MAX_DEPTH} levels of nesting with a clear message instead of a stack overflow.
 */

/** Far deeper than any configuration (about 8 levels), far below the call-stack limit. */
export const MAX_DEPTH = 64;

/** A document, or the problems that keep the text from being one. */
export type ReadResult = { readonly document: unknown; readonly problems?: undefined } | { readonly problems: readonly Problem[] };

/** Reads YAML (`yaml: true`) or JSON text. `source` names the file in messages. */
export function readDocument(bytes: Buffer, source: string, yaml: boolean): ReadResult {
  const encoding = utf16(bytes);
  if (encoding) {
    return {
      problems: [
        {
          path: source,
          rule: `is ${encoding} text; configuration files are UTF-8`,
          received: `${bytes.length} bytes`,
          fix: 'save the file as UTF-8',
        },
      ],
    };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  return yaml ? readYaml(text, source) : readJson(text, source);
}

function utf16(bytes: Buffer): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (little-endian)';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (big-endian)';
  // ASCII text in UTF-16 without a byte-order mark: every other byte is zero.
  if (bytes.length >= 4 && bytes.subarray(0, 64).filter((b, i) => i % 2 === 1 && b === 0).length >= Math.min(16, bytes.length / 4))
    return 'UTF-16 (little-endian)';
  if (bytes.length >= 4 && bytes.subarray(0, 64).filter((b, i) => i % 2 === 0 && b === 0).length >= Math.min(16, bytes.length / 4))
    return 'UTF-16 (big-endian)';
  return undefined;
}

function tooDeep(source: string, path: readonly PropertyKey[]): Problem {
  return {
    path: path.length > 0 ? formatPath(path) : source,
    rule: `is nested more than ${MAX_DEPTH} levels deep (a configuration needs about 8)`,
    received: 'a deeper structure',
    fix: 'flatten the document; see the JSON Schema for the shape',
  };
}

function readYaml(text: string, source: string): ReadResult {
  let parsed;
  try {
    parsed = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    if (error instanceof RangeError) return { problems: [tooDeep(source, [])] };
    throw error;
  }
  if (parsed.errors.length > 0) {
    return {
      problems: parsed.errors.map((e) => {
        const at = e.linePos?.[0];
        // The parser's first sentence, without its own position and the echoed source lines.
        const reason = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        return {
          path: at ? `${source}:${at.line}:${at.col}` : source,
          rule: `is not valid YAML (${reason})`,
          received: lineAt(text, at?.line),
          fix: yamlFix(e.code),
        };
      }),
    };
  }
  try {
    const document = parsed.toJS({ maxAliasCount: 100 });
    const deep = depthProblem(document, source);
    return deep ? { problems: [deep] } : { document };
  } catch (error) {
    if (error instanceof RangeError) return { problems: [tooDeep(source, [])] };
    return {
      problems: [
        {
          path: source,
          rule: `is not a usable YAML document (${(error as Error).message.split('\n')[0]})`,
          received: undefined,
          fix: 'remove anchors and aliases that repeat large parts, or correct the syntax',
        },
      ],
    };
  }
}

function yamlFix(code: string): string {
  if (code === 'DUPLICATE_KEY') return 'keep one of the two keys';
  if (code === 'TAB_AS_INDENT') return 'indent with spaces, not tabs';
  return 'correct the syntax at that line and column (quote values that contain ": " or start with a special character)';
}

function lineAt(text: string, line: number | undefined): string | undefined {
  return line === undefined ? undefined : text.split('\n')[line - 1];
}

/** The first path below which the document is deeper than MAX_DEPTH (iterative: no stack to overflow). */
function depthProblem(document: unknown, source: string): Problem | undefined {
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: document, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) return tooDeep(source, path);
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
  }
  return undefined;
}

/** A strict JSON reader (RFC 8259) that reports duplicate keys, depth and syntax errors by line and column. */
function readJson(text: string, source: string): ReadResult {
  const problems: Problem[] = [];
  let i = 0;
  const where = (at: number) => {
    const before = text.slice(0, at).split('\n');
    return `${source}:${before.length}:${before[before.length - 1].length + 1}`;
  };
  class Stop extends Error {}
  const fail = (rule: string, fix = 'correct the syntax at that line and column'): never => {
    problems.push({ path: where(i), rule: `is not valid JSON (${rule})`, received: text.slice(i, i + 20) || 'the end of the file', fix });
    throw new Stop();
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('a control character inside a string', 'escape it, e.g. \\n for a line break');
      i++;
    }
    if (i >= text.length) fail('a string is not closed', 'add the closing "');
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('a string has an invalid escape', 'use \\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX');
    }
  };
  const value = (path: PropertyKey[]): unknown => {
    if (path.length > MAX_DEPTH) {
      problems.push(tooDeep(source, path));
      throw new Stop();
    }
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const object: Record<string, unknown> = {};
      space();
      if (text[i] === '}') return (i++, object);
      for (;;) {
        space();
        if (text[i] !== '"') fail('a key must be a string in double quotes');
        const keyAt = i;
        const key = string();
        space();
        if (text[i] !== ':') fail('":" expected after a key');
        i++;
        const child = value([...path, key]);
        if (Object.prototype.hasOwnProperty.call(object, key)) {
          problems.push({
            path: formatPath([...path, key]),
            rule: `is given twice (again at ${where(keyAt).slice(source.length + 1)}); JSON keeps only the last silently`,
            received: child,
            fix: 'keep one of the two',
          });
        }
        // defineProperty: `__proto__` stays a key (and is reported by the shape check) instead of changing the prototype.
        Object.defineProperty(object, key, { value: child, enumerable: true, writable: true, configurable: true });
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return (i++, object);
        fail('"," or "}" expected');
      }
    }
    if (c === '[') {
      i++;
      const list: unknown[] = [];
      space();
      if (text[i] === ']') return (i++, list);
      for (;;) {
        list.push(value([...path, list.length]));
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return (i++, list);
        fail('"," or "]" expected');
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal)
      return fail(i >= text.length ? 'the document ends too early' : 'a value expected (a string, number, true, false, null, object or list)');
    i += literal[0].length;
    return JSON.parse(literal[0]);
  };
  try {
    const document = value([]);
    space();
    if (i < text.length) fail('text after the end of the document');
    return problems.length > 0 ? { problems } : { document };
  } catch (error) {
    if (error instanceof Stop) return { problems };
    throw error;
  }
}
