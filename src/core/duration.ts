import { Token } from '../engine';

/** The units Cognito accepts for token validity. */
export enum TimeUnit {
  SECONDS = 'seconds',
  MINUTES = 'minutes',
  HOURS = 'hours',
  DAYS = 'days',
}

const SECONDS_PER: Record<TimeUnit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

/**
 * A length of time, kept in the unit it was given in, so that Terraform receives the number and its
 * unit together (a number without its unit is re-read in hours or days: see the README).
 */
export class Duration {
  public static seconds(amount: number): Duration {
    return new Duration(amount, TimeUnit.SECONDS);
  }
  public static minutes(amount: number): Duration {
    return new Duration(amount, TimeUnit.MINUTES);
  }
  public static hours(amount: number): Duration {
    return new Duration(amount, TimeUnit.HOURS);
  }
  public static days(amount: number): Duration {
    return new Duration(amount, TimeUnit.DAYS);
  }

  private constructor(
    public readonly amount: number,
    public readonly unit: TimeUnit,
  ) {}

  /** The length in seconds, or undefined when the amount is a token. */
  public toSeconds(): number | undefined {
    return Token.isUnresolved(this.amount) ? undefined : this.amount * SECONDS_PER[this.unit];
  }

  /** e.g. `15 minutes`. */
  public toString(): string {
    return `${this.amount} ${this.unit}`;
  }

  /** The JSON form used in messages. */
  public toJSON(): string {
    return this.toString();
  }
}
