/**
 * Deterministic random Terraform JSON configurations, to test what no hand-written fixture thought of:
 * nestings of lists and maps, odd keys (unicode, quotes, keywords, templates), alignment next to
 * multi-line values, and expressions written with cdktf's spacing or none, across lines, with comments.
 */

const STRINGS = [
  '${var.a}',
  '${jsonencode({"a"=1,b=[1,2,{c="d"}]})}',
  '${var.a?1:-2}',
  '${[for x in var.l:x if x!=""]}',
  '${{for k,v in var.m:k=>v}}',
  'x${var.a}y',
  '%{if var.a}y%{endif}',
  '${aws_x.y[*].id}',
  '${f(a,b...)}',
  '${!var.a}',
  '${-var.a}',
  '${a.b["c"][0]}',
  '${upper("é")}',
  '${1/* c */+2}',
  '${(a\n+ b)}',
  '${merge(\n  a,\n  b\n)}',
  '$${not_interpolated}',
  'plain',
  '',
  'with "quotes" and \\ backslash',
  'tab\tnewline\n',
  'ünï',
  '日本',
  'e\u0301',
];

const KEYS = ['a', 'bb', 'ccc_long_key', 'with-dash', 'ünï', '日本語', 'x y', '${var.k}', 'for', 'Name', '1x', '"q"'];

const SCALARS = [true, false, null, 0, -1, 1.5, 1e21];

/** `count` configurations from `seed`: locals of random values, and a user pool with random tags. */
export function randomConfigs(seed: number, count: number): object[] {
  const random = lcg(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const value = (depth: number): unknown => {
    const roll = random();
    if (depth > 3 || roll < 0.35) return pick<unknown>([...SCALARS, ...STRINGS]);
    const size = Math.floor(random() * 5);
    if (roll < 0.65) return Array.from({ length: size }, () => value(depth + 1));
    return Object.fromEntries(
      Array.from({ length: size }, () => [pick(KEYS) + (random() < 0.3 ? `_${Math.floor(random() * 100)}` : ''), value(depth + 1)]),
    );
  };
  return Array.from({ length: count }, () => ({
    locals: Object.fromEntries(Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => [pick(['a', 'bbbb', 'ccccccccc', 'ü']) + i, value(0)])),
    resource: {
      aws_cognito_user_pool: {
        pool: { name: pick(STRINGS), tags: value(3), lifecycle: { ignore_changes: ['tags'] }, password_policy: { minimum_length: 8 } },
      },
    },
  }));
}

/** A linear congruential generator: the same numbers for the same seed, on every machine. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
