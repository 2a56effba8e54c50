/**
 * Formatting: a port of hclwrite's format (github.com/hashicorp/hcl/v2/hclwrite/format.go), the code
 * behind `terraform fmt`: indentation, spaces between tokens, and `=` and comment alignment.
 */

import { bracketChange, endsLine, netBrackets, Token, TokenType } from './tokens';

/** A token with the spaces before it, which is all formatting changes. */
interface Placed extends Token {
  spaces: number;
}

/**
 * A line in up to three cells: `lead`, then `assign` (from an `=` whose right side closes every bracket
 * it opens), then a trailing `comment`. `assign` and `comment` cells align across neighbouring lines.
 */
interface Line {
  readonly lead: Placed[];
  readonly assign?: Placed[];
  readonly comment?: Placed[];
}

/** The text of tokens, spaced, indented and aligned as `terraform fmt` would. */
export function formatTokens(tokens: readonly Token[]): string {
  const placed: Placed[] = tokens.map((t) => ({ ...t, spaces: 0 }));
  const lines = splitLines(placed);
  indentLines(lines);
  spaceLines(lines);
  alignCells(lines, 'assign', (line) => columns(line.lead));
  alignCells(lines, 'comment', (line) => columns(line.lead) + columns(line.assign ?? []));
  return placed.map((t) => ' '.repeat(t.spaces) + t.text).join('');
}


function splitLines(tokens: Placed[]): Line[] {
  const lines: Line[] = [];
  let start = 0;
  tokens.forEach((t, i) => {
    if (endsLine(t)) {
      lines.push(lineCells(tokens.slice(start, i + 1)));
      start = i + 1;
    }
  });
  if (start < tokens.length) lines.push(lineCells(tokens.slice(start)));
  return lines;
}

function lineCells(tokens: Placed[]): Line {
  const hasComment = tokens.length > 1 && tokens[tokens.length - 1].type === 'Comment';
  const lead = hasComment ? tokens.slice(0, -1) : tokens;
  const comment = hasComment ? tokens.slice(-1) : undefined;
  const equals = lead.findIndex((t, i) => i > 0 && t.type === 'Equal');
  if (equals > 0 && netBrackets(lead.slice(equals)) === 0) return { lead: lead.slice(0, equals), assign: lead.slice(equals), comment };
  return { lead, comment };
}

/** Two spaces a bracket level, counting the brackets each line opens or closes. */
function indentLines(lines: Line[]): void {
  const opened: number[] = [];
  for (const line of lines) {
    const [first] = line.lead;
    if (!first) continue;
    if (first.type === 'Newline') {
      first.spaces = 0;
      continue;
    }
    const net = netBrackets(line.lead) + netBrackets(line.assign ?? []);
    if (net > 0) {
      first.spaces = 2 * opened.length;
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
    first.spaces = 2 * opened.length;
  }
}

function spaceLines(lines: Line[]): void {
  for (const line of lines) {
    spaceCell(line.lead);
    if (line.assign) {
      line.assign[0].spaces = 1;
      spaceCell(line.assign);
    }
  }
}

/** Spaces between the tokens of a cell (its first token's spaces are the indent's or alignment's). */
function spaceCell(cell: Placed[]): void {
  for (let i = 0; i + 1 < cell.length; i++) {
    cell[i + 1].spaces = spaceAfter(cell[i], cell[i - 1], cell[i + 1]) ? 1 : 0;
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

/** Aligns a cell across each run of consecutive lines that have it. */
function alignCells(lines: Line[], cell: 'assign' | 'comment', width: (line: Line) => number): void {
  let run: Line[] = [];
  const close = (): void => {
    const widest = run.reduce((max, line) => Math.max(max, width(line)), 0);
    for (const line of run) line[cell]![0].spaces = widest - width(line) + 1;
    run = [];
  };
  for (const line of lines) {
    if (line[cell]) run.push(line);
    else if (run.length) close();
  }
  if (run.length) close();
}
let graphemes: Intl.Segmenter | undefined;

/** Columns as hclwrite counts them: spaces, plus grapheme clusters of text. */
function columns(cell: readonly Placed[]): number {
  return cell.reduce((sum, t) => sum + t.spaces + textColumns(t.text), 0);
}

function textColumns(text: string): number {
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return Array.from(graphemes.segment(text)).length;
}
