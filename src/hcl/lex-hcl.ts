/** The lexer for the HCL inside Terraform JSON strings: templates, references, type expressions. */

import { fail } from './json';
import { escapeQuoted, NEWLINE, quoted, token, Token, TokenType } from './tokens';

/** Symbols, longest first so `==` is not read as two `=`. */
const SYMBOLS: ReadonlyArray<readonly [string, TokenType]> = [
  ['...', 'Ellipsis'],
  ['==', 'EqualOp'],
  ['!=', 'NotEqual'],
  ['>=', 'GreaterThanEq'],
  ['<=', 'LessThanEq'],
  ['&&', 'And'],
  ['||', 'Or'],
  ['::', 'DoubleColon'],
  ['=>', 'FatArrow'],
  ['[', 'OBrack'],
  [']', 'CBrack'],
  ['(', 'OParen'],
  [')', 'CParen'],
  ['.', 'Dot'],
  [',', 'Comma'],
  ['*', 'Star'],
  ['/', 'Slash'],
  ['%', 'Percent'],
  ['+', 'Plus'],
  ['-', 'Minus'],
  ['=', 'Equal'],
  ['<', 'LessThan'],
  ['>', 'GreaterThan'],
  ['!', 'Bang'],
  ['?', 'Question'],
  [':', 'Colon'],
];

/** HCL identifiers: letters, digits, underscores and dashes, not starting with a digit or dash. */
export const IDENTIFIER = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;
const IDENTIFIER_AT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
/** hclsyntax's number literal, before dropping trailing dots (`a.0.b` is a traversal, not `0.`). */
const NUMBER_AT = /[0-9](?:[0-9]|\.|[eE][+-]?[0-9])*/y;
/** `$${` and `%%{` are escapes, meaning a literal `${` and `%{`; the others open template sequences. */
const TEMPLATE_OPENER = /^(?:\$\$\{|%%\{|\$\{~?|%\{~?)/;
const COMMENT_AT = /#[^\n]*\n?|\/\/[^\n]*\n?|\/\*[\s\S]*?\*\//y;

/** Where the lexer is in one JSON string. */
interface Scan {
  readonly src: string;
  pos: number;
  readonly out: Token[];
  readonly where: string;
}

/** A JSON string template as an HCL quoted template. */
export function lexTemplate(src: string, where: string): Token[] {
  // Without `$` or `%`, a template is all text.
  if (!src.includes('$') && !src.includes('%')) return quoted(src, false);
  const scan: Scan = { src, pos: 0, out: [token('OQuote', '"')], where };
  scanTemplate(scan, false);
  scan.out.push(token('CQuote', '"'));
  return scan.out;
}

/** A string holding an HCL expression (a reference, a type, the inside of an interpolation). */
export function lexExpression(src: string, where: string): Token[] {
  const scan: Scan = { src, pos: 0, out: [], where };
  scanExpression(scan);
  if (!scan.out.length) fail(where, 'an empty expression');
  return scan.out;
}

/**
 * Template text up to the end of the string (a JSON template) or the closing quote (a quoted template
 * inside an expression). JSON template text is re-escaped for quotes; `$${` and `%%{` mean the same
 * in both, so they are kept. Quoted template text is already in HCL form and is copied.
 */
function scanTemplate(scan: Scan, quoted: boolean): void {
  const { src } = scan;
  let text = '';
  const flush = (): void => {
    if (text) scan.out.push(token('QuotedLit', quoted ? text : escapeQuoted(text, false)));
    text = '';
  };
  while (scan.pos < src.length) {
    const c = src[scan.pos];
    const opener = c === '$' || c === '%' ? TEMPLATE_OPENER.exec(src.slice(scan.pos, scan.pos + 3))?.[0] : undefined;
    if (opener === '$${' || opener === '%%{') {
      text += opener;
      scan.pos += 3;
    } else if (opener) {
      flush();
      scan.out.push(token(opener.startsWith('$') ? 'TemplateInterp' : 'TemplateControl', opener));
      scan.pos += opener.length;
      scanExpression(scan, opener);
    } else if (quoted && c === '"') {
      flush();
      scan.out.push(token('CQuote', '"'));
      scan.pos++;
      return;
    } else if (quoted && (c === '\n' || c === '\r')) {
      fail(scan.where, 'a quoted string inside an expression spans lines');
    } else {
      // In a quoted template a backslash escapes the next character, which must not end the string.
      const length = quoted && c === '\\' ? 2 : 1;
      text += src.slice(scan.pos, scan.pos + length);
      scan.pos += length;
    }
  }
  if (quoted) fail(scan.where, 'a string inside an expression is not closed');
  flush();
}

/** Expression tokens, up to the `}` that closes the template sequence `opener` opened, if any. */
function scanExpression(scan: Scan, opener?: string): void {
  const inTemplate = opener !== undefined;
  const { src, out } = scan;
  let braces = 0;
  while (scan.pos < src.length) {
    const c = src[scan.pos];
    const closer = src.startsWith('~}', scan.pos) ? '~}' : c === '}' ? '}' : undefined;
    if (c === ' ' || c === '\t') {
      scan.pos++;
    } else if (c === '\n' || src.startsWith('\r\n', scan.pos)) {
      out.push(NEWLINE);
      scan.pos += c === '\n' ? 1 : 2;
    } else if (closer && braces === 0) {
      if (!inTemplate) fail(scan.where, `an unbalanced "${closer}" in ${JSON.stringify(src)}`);
      out.push(token('TemplateSeqEnd', closer));
      scan.pos += closer.length;
      return;
    } else if (c === '}' || c === '{') {
      braces += c === '{' ? 1 : -1;
      out.push(token(c === '{' ? 'OBrace' : 'CBrace', c));
      scan.pos++;
    } else if (c === '"') {
      out.push(token('OQuote', '"'));
      scan.pos++;
      scanTemplate(scan, true);
    } else if (src.startsWith('<<', scan.pos)) {
      fail(scan.where, `heredoc strings inside expressions are not supported: ${JSON.stringify(src)}`);
    } else {
      out.push(scanWord(scan));
    }
  }
  if (opener) {
    const start = opener.slice(0, 2);
    fail(
      scan.where,
      `a "${start}" sequence is not closed in ${JSON.stringify(src)}, which Terraform refuses too; for the text "${start}", write "${start[0]}${start}"`,
    );
  }
}

/** A comment, number, identifier or symbol at the scan position. */
function scanWord(scan: Scan): Token {
  const found =
    matchAt(scan, COMMENT_AT, 'Comment') ?? matchAt(scan, NUMBER_AT, 'NumberLit') ?? matchAt(scan, IDENTIFIER_AT, 'Ident') ?? symbolAt(scan);
  if (!found) fail(scan.where, `unexpected character ${JSON.stringify(scan.src[scan.pos])} in expression ${JSON.stringify(scan.src)}`);
  scan.pos += found.text.length;
  return found;
}

function symbolAt(scan: Scan): Token | undefined {
  const symbol = SYMBOLS.find(([text]) => scan.src.startsWith(text, scan.pos));
  return symbol && token(symbol[1], symbol[0]);
}

function matchAt(scan: Scan, pattern: RegExp, type: TokenType): Token | undefined {
  pattern.lastIndex = scan.pos;
  const text = pattern.exec(scan.src)?.[0];
  if (!text) return undefined;
  return token(type, type === 'NumberLit' ? text.replace(/\.+$/, '') : text);
}
