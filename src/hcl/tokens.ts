/** The HCL tokens the renderer emits, and quoted strings escaped as `terraform fmt` writes them. */

/** The hclsyntax token types this renderer emits (hclwrite's formatting rules are written in them). */
export type TokenType =
  | 'OBrace'
  | 'CBrace'
  | 'OBrack'
  | 'CBrack'
  | 'OParen'
  | 'CParen'
  | 'OQuote'
  | 'CQuote'
  | 'QuotedLit'
  | 'TemplateInterp'
  | 'TemplateControl'
  | 'TemplateSeqEnd'
  | 'Ident'
  | 'NumberLit'
  | 'Equal'
  | 'Dot'
  | 'Comma'
  | 'Colon'
  | 'Question'
  | 'Ellipsis'
  | 'DoubleColon'
  | 'FatArrow'
  | 'Bang'
  | 'Minus'
  | 'Plus'
  | 'Star'
  | 'Slash'
  | 'Percent'
  | 'EqualOp'
  | 'NotEqual'
  | 'LessThan'
  | 'LessThanEq'
  | 'GreaterThan'
  | 'GreaterThanEq'
  | 'And'
  | 'Or'
  | 'Comment'
  | 'Newline';

export interface Token {
  readonly type: TokenType;
  readonly text: string;
}

export const token = (type: TokenType, text: string): Token => ({ type, text });
export const ident = (name: string): Token => token('Ident', name);
export const NEWLINE = token('Newline', '\n');

/** Newlines end lines, and so do line comments, which hold their newline. */
export const endsLine = (t: Token): boolean => t.type === 'Newline' || (t.type === 'Comment' && t.text.endsWith('\n'));

/** A quoted string of literal text (`escapeTemplates`) or of template text, escaped as hclwrite does. */
export function quoted(text: string, escapeTemplates: boolean): Token[] {
  const body = escapeQuoted(text, escapeTemplates);
  return body ? [token('OQuote', '"'), token('QuotedLit', body), token('CQuote', '"')] : [token('OQuote', '"'), token('CQuote', '"')];
}

/**
 * hclwrite's escaping of quoted strings (`escapeQuotedStringLit`), which `terraform fmt` uses for
 * labels: backslash escapes, `\uXXXX` for what Go does not print, and, for literal text only, a
 * doubled `$`/`%` before `{` so it is not read as a template sequence.
 */
export function escapeQuoted(text: string, escapeTemplates: boolean): string {
  // Most strings are printable ASCII with nothing to escape: they are written as they are.
  if (PLAIN_TEXT.test(text) && !(escapeTemplates && TEMPLATE_START.test(text))) return text;
  let out = '';
  const chars = Array.from(text);
  chars.forEach((c, i) => {
    const escaped = ESCAPES[c];
    if (escaped) out += escaped;
    else if ((c === '$' || c === '%') && escapeTemplates && chars[i + 1] === '{') out += c + c;
    else if ((c >= ' ' && c <= '~') || PRINTABLE.test(c)) out += c;
    else {
      const code = c.codePointAt(0) ?? 0;
      out += code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\U${code.toString(16).padStart(8, '0')}`;
    }
  });
  return out;
}

/** Printable ASCII, but for the quote and the backslash. */
const PLAIN_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const TEMPLATE_START = /[$%]\{/;
const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };
/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function bracketChange(type: TokenType): number {
  switch (type) {
    case 'OBrace':
    case 'OBrack':
    case 'OParen':
    case 'TemplateInterp':
    case 'TemplateControl':
      return 1;
    case 'CBrace':
    case 'CBrack':
    case 'CParen':
    case 'TemplateSeqEnd':
      return -1;
    default:
      return 0;
  }
}

/** The brackets tokens open less those they close (from `start` to `end`, by default all). */
export function netBrackets(tokens: readonly Token[], start = 0, end = tokens.length): number {
  let net = 0;
  for (let i = start; i < end; i++) net += bracketChange(tokens[i].type);
  return net;
}
