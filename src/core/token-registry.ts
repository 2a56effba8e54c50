/**
 * The engine keeps every token it ever turned into a string in one process-wide registry
 * (`global.__cdktfTokenMap`), and a token holds on to the construct tree it refers to. Synthesizing in
 * batches frees nothing while that registry remembers every batch's tokens: memory then grows with the
 * number of environments. A batch's tokens are needed by nothing once its stacks are written, so they
 * are forgotten (registered after {@link tokenMark}); tokens registered before, such as module-level
 * ones, stay. Without the registry (another engine version), nothing happens.
 */

interface TokenRegistry {
  readonly stringTokenMap: Map<unknown, unknown>;
  readonly numberTokenMap: Map<unknown, unknown>;
}

/** How many tokens each map of the registry holds now. */
export interface TokenMark {
  readonly strings: number;
  readonly numbers: number;
}

const registry = (): TokenRegistry | undefined => {
  const candidate = (globalThis as { __cdktfTokenMap?: Partial<TokenRegistry> }).__cdktfTokenMap;
  return candidate?.stringTokenMap instanceof Map && candidate.numberTokenMap instanceof Map ? (candidate as TokenRegistry) : undefined;
};

export function tokenMark(): TokenMark {
  const tokens = registry();
  return { strings: tokens?.stringTokenMap.size ?? 0, numbers: tokens?.numberTokenMap.size ?? 0 };
}

/** Forgets the tokens registered after `mark` (maps keep insertion order: they are the last ones). */
export function forgetTokensSince(mark: TokenMark): void {
  const tokens = registry();
  if (!tokens) return;
  forgetAfter(tokens.stringTokenMap, mark.strings);
  forgetAfter(tokens.numberTokenMap, mark.numbers);
}

function forgetAfter(map: Map<unknown, unknown>, keep: number): void {
  let index = 0;
  for (const key of [...map.keys()]) if (index++ >= keep) map.delete(key);
}
