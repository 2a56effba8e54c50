/**
 * The engine records a complete stack trace, formatted as text, for every token it creates (so that an
 * unresolvable token can say where it was made). A stack of ours creates thousands of tokens, and
 * formatting their traces was the largest single cost of a synth (issue 14's profile: about 1 s of 8 at
 * 1000 environments). Synthesis runs without them; errors keep their stack traces.
 *
 * Set CDKTF_COGNITO_TOKEN_STACK_TRACES=1 to keep them, when debugging the engine itself.
 */
export function withoutTokenStackTraces<T>(run: () => T): T {
  if (process.env.CDKTF_COGNITO_TOKEN_STACK_TRACES) return run();
  const [original, capture] = [Error.prepareStackTrace, Error.captureStackTrace];
  // The engine captures its traces on plain objects (`Error.captureStackTrace({ stack: '' })`) and
  // treats an empty trace as none: such captures are skipped (collecting the frames costs too), and
  // such traces, if made, are not formatted. Real errors keep theirs.
  Error.captureStackTrace = (target: object, constructor?: (...args: never[]) => unknown) =>
    target instanceof Error ? capture(target, constructor) : undefined;
  Error.prepareStackTrace = (error, frames) => (error instanceof Error ? formatted(original, error, frames) : '');
  try {
    return run();
  } finally {
    Error.prepareStackTrace = original;
    Error.captureStackTrace = capture;
  }
}

function formatted(original: typeof Error.prepareStackTrace, error: Error, frames: NodeJS.CallSite[]): string {
  if (original) return original(error, frames);
  return [String(error), ...frames.map((frame) => `    at ${frame}`)].join('\n');
}
