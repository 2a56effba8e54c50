/**
 * Configuration errors of the ready-made handlers. Kept free of any dependency (cdktf included) because
 * it is bundled into each Lambda function.
 */

/** Thrown for an invalid environment. The message lists every problem, one a line. */
export class ConfigurationError extends Error {
  /** One line per problem: variable, rule, value received, fix. */
  public readonly problems: readonly string[];

  constructor(handlerName: string, problems: readonly string[]) {
    super(
      `Invalid configuration of the ${handlerName} trigger (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigurationError';
    this.problems = problems;
  }
}

/** One line of a configuration error: variable, rule, value received, fix. */
export function configurationProblem(variable: string, rule: string, received: unknown, fix: string): string {
  const shown = received === undefined ? 'nothing (not set)' : JSON.stringify(received);
  return `${variable}: ${rule}; received ${shown}. Fix: ${fix}.`;
}

/**
 * A handler built by `create`, or, when its configuration is invalid, one that logs the problems and
 * rejects every invocation with `unavailableMessage`. The module then never crashes while loading, and
 * the trigger fails closed without showing the user the configuration (Cognito displays the message).
 */
export function failClosed<Handler>(create: () => Handler, unavailableMessage: string): Handler {
  try {
    return create();
  } catch (error) {
    const details = (error as Error).message;
    return (async () => {
      console.error(details);
      throw new Error(unavailableMessage);
    }) as Handler;
  }
}
