/**
 * Formatting: a port of hclwrite's format (github.com/hashicorp/hcl/v2/hclwrite/format.go), the code
 * behind `terraform fmt`: indentation, spaces between tokens, and `=` and comment alignment.
 */

import { bracketChange, endsLine, netBrackets, Token, TokenType } from './tokens';

/**
 * A line as ranges of token indexes, in up to three cells: `lead` [start, assign), then `assign`
 * [assign, comment) (from an `=` whose right side closes every bracket it opens; empty when there is
 * none), then a trailing `comment` [comment, end). `assign` and `comment` cells align across
 * neighbouring lines.
 */
interface Line {
  readonly start: number;
  readonly assign: number;
  readonly comment: number;
  readonly end: number;
}

/**
 * The text of tokens, spaced, indented and aligned as `terraform fmt` would. Formatting only decides
 * the spaces before each token; one pass per rule, each linear in the tokens.
 */
export function formatTokens(tokens: readonly Token[]): string {
  const spaces = new Int32Array(tokens.length);
  const lines = splitLines(tokens);
  indentLines(tokens, lines, spaces);
  spaceLines(tokens, lines, spaces);
  alignCells(
    lines,
    spaces,
    (line) => line.assign < line.comment,
    (line) => line.assign,
    (line) => columns(tokens, spaces, line.start, line.assign),
  );
  alignCells(
    lines,
    spaces,
    (line) => line.comment < line.end,
    (line) => line.comment,
    (line) => columns(tokens, spaces, line.start, line.comment),
  );
  let text = '';
  for (let i = 0; i < tokens.length; i++) text += spacing(spaces[i]) + tokens[i].text;
  return text;
}

function splitLines(tokens: readonly Token[]): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (endsLine(tokens[i])) {
      lines.push(lineCells(tokens, start, i + 1));
      start = i + 1;
    }
  }
  if (start < tokens.length) lines.push(lineCells(tokens, start, tokens.length));
  return lines;
}

function lineCells(tokens: readonly Token[], start: number, end: number): Line {
  const comment = end - start > 1 && tokens[end - 1].type === 'Comment' ? end - 1 : end;
  for (let i = start + 1; i < comment; i++) {
    if (tokens[i].type === 'Equal') return { start, assign: netBrackets(tokens, i, comment) === 0 ? i : comment, comment, end };
  }
  return { start, assign: comment, comment, end };
}

/** Two spaces a bracket level, counting the brackets each line opens or closes. */
function indentLines(tokens: readonly Token[], lines: readonly Line[], spaces: Int32Array): void {
  const opened: number[] = [];
  for (const { start, comment } of lines) {
    if (tokens[start].type === 'Newline') continue;
    const net = netBrackets(tokens, start, comment);
    if (net > 0) {
      spaces[start] = 2 * opened.length;
      opened.push(net);
      continue;
    }
    let closed = -net;
    while (closed > 0 && opened.length) {
      const top = opened[opened.length - 1];
      if (closed < top) {
        opened[opened.length - 1] = top - closed;
        closed = 0;
      } else {
        opened.pop();
        closed -= top;
      }
    }
    spaces[start] = 2 * opened.length;
  }
}

function spaceLines(tokens: readonly Token[], lines: readonly Line[], spaces: Int32Array): void {
  for (const line of lines) {
    spaceCell(tokens, spaces, line.start, line.assign);
    if (line.assign < line.comment) {
      spaces[line.assign] = 1;
      spaceCell(tokens, spaces, line.assign, line.comment);
    }
  }
}

/** Spaces between the tokens of a cell (its first token's spaces are the indent's or alignment's). */
function spaceCell(tokens: readonly Token[], spaces: Int32Array, start: number, end: number): void {
  for (let i = start; i + 1 < end; i++) {
    spaces[i + 1] = spaceAfter(tokens[i], i > start ? tokens[i - 1] : undefined, tokens[i + 1]) ? 1 : 0;
  }
}

/** Token types after which a `-` is a negation rather than a subtraction. */
const BEFORE_NEGATION = new Set<TokenType>([
  'OParen',
  'OBrace',
  'OBrack',
  'Equal',
  'Colon',
  'Comma',
  'Question',
  'Plus',
  'Star',
  'Slash',
  'Percent',
  'Minus',
  'EqualOp',
  'NotEqual',
  'GreaterThan',
  'GreaterThanEq',
  'LessThan',
  'LessThanEq',
  'And',
  'Or',
  'Bang',
]);

/** hclwrite's spaceAfterToken, rule for rule and in its order. */
function spaceAfter(subject: Token, before: Token | undefined, after: Token): boolean {
  const s = subject.type;
  const a = after.type;
  if (a === 'Newline') return false;
  if (s === 'Ident' && a === 'OParen') return false;
  if ((s === 'Ident' && a === 'DoubleColon') || (s === 'DoubleColon' && a === 'Ident')) return false;
  if (s === 'Dot' || a === 'Dot') return false;
  if (a === 'Comma' || a === 'Ellipsis') return false;
  if (s === 'Comma') return true;
  if (s === 'QuotedLit' || s === 'OQuote' || a === 'QuotedLit' || a === 'CQuote') return false;
  if (s === 'Ident' && subject.text === 'in' && before?.type === 'Ident') return true;
  if (a === 'OBrack' && (s === 'Ident' || s === 'NumberLit' || bracketChange(s) < 0)) return false;
  if (s === 'Bang') return false;
  if (s === 'Minus') return before !== undefined && !BEFORE_NEGATION.has(before.type);
  if (s === 'OBrace' || a === 'CBrace') return !(s === 'OBrace' && a === 'CBrace');
  if ((s === 'TemplateInterp' || s === 'TemplateControl') && a === 'OBrace') return true;
  if (s === 'CBrace' && a === 'TemplateSeqEnd') return true;
  if (s === 'TemplateSeqEnd' && (a === 'TemplateInterp' || a === 'TemplateControl')) return false;
  if (bracketChange(s) > 0) return false;
  if (bracketChange(a) < 0) return false;
  return true;
}

/** Aligns a cell across each run of consecutive lines that have it: `width` is what stands before it. */
function alignCells(
  lines: readonly Line[],
  spaces: Int32Array,
  has: (line: Line) => boolean,
  first: (line: Line) => number,
  width: (line: Line) => number,
): void {
  let runStart = -1;
  const close = (end: number): void => {
    let widest = 0;
    for (let i = runStart; i < end; i++) widest = Math.max(widest, width(lines[i]));
    for (let i = runStart; i < end; i++) spaces[first(lines[i])] = widest - width(lines[i]) + 1;
    runStart = -1;
  };
  lines.forEach((line, i) => {
    if (has(line)) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) close(i);
  });
  if (runStart >= 0) close(lines.length);
}

let graphemes: Intl.Segmenter | undefined;

/** Columns as hclwrite counts them: spaces, plus grapheme clusters of text. */
function columns(tokens: readonly Token[], spaces: Int32Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += spaces[i] + textColumns(tokens[i].text);
  return sum;
}

function textColumns(text: string): number {
  // eslint-disable-next-line no-control-regex -- the ASCII range, for the fast path of column counting
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text)).length;
}

/** Runs of spaces, made once. */
const SPACES: string[] = [];
const spacing = (count: number): string => (SPACES[count] ??= ' '.repeat(count));
