/**
 * The progress line of a long synth: `synthesizing: 420/1000 environments`, on standard error.
 *
 * Nothing is shown during the first two seconds (most runs end before), nor when standard output is not
 * a terminal (a pipeline's log), unless asked. On a terminal the line is rewritten in place and cleared
 * at the end; asked for elsewhere, a line is printed at most once a second, and one at the end.
 * Imports nothing but Node: the worker coordinator loads it without the engine.
 */

/** `auto`: only when standard output and standard error are terminals. */
export type ProgressSetting = boolean | 'auto';

/** How long a run goes before its progress shows. */
export const PROGRESS_DELAY_MS = 2000;
const LINE_INTERVAL_MS = 1000;

export interface ProgressOptions {
  readonly setting?: ProgressSetting;
  /** Where the line goes. @default process.stderr */
  readonly stream?: NodeJS.WriteStream;
  /** Whether standard output is a terminal. @default process.stdout.isTTY */
  readonly stdoutIsTerminal?: boolean;
  /** The clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
  /** @default PROGRESS_DELAY_MS */
  readonly delayMs?: number;
}

export class ProgressLine {
  private done = 0;
  private readonly started: number;
  private lastShown = -Infinity;
  private shownOnce = false;
  private readonly stream: NodeJS.WriteStream;
  private readonly now: () => number;
  private readonly delayMs: number;
  /** `inPlace` rewrites one terminal line; `lines` prints new lines; `off` prints nothing. */
  private readonly mode: 'inPlace' | 'lines' | 'off';

  constructor(
    private readonly total: number,
    options: ProgressOptions = {},
  ) {
    this.stream = options.stream ?? process.stderr;
    this.now = options.now ?? Date.now;
    this.delayMs = options.delayMs ?? PROGRESS_DELAY_MS;
    this.started = this.now();
    const setting = options.setting ?? 'auto';
    const terminal = Boolean(options.stdoutIsTerminal ?? process.stdout.isTTY) && Boolean(this.stream.isTTY);
    this.mode = setting === false || (setting === 'auto' && !terminal) ? 'off' : this.stream.isTTY ? 'inPlace' : 'lines';
  }

  /** Counts environments written. */
  public add(count: number): void {
    this.done += count;
    const now = this.now();
    if (this.mode === 'off' || now - this.started < this.delayMs) return;
    if (this.mode === 'lines' && now - this.lastShown < LINE_INTERVAL_MS && this.done < this.total) return;
    this.lastShown = now;
    this.shownOnce = true;
    this.stream.write(this.mode === 'inPlace' ? `\r${this.text()}` : `${this.text()}\n`);
  }

  /** Ends the line: cleared on a terminal, so the list of stacks that follows starts clean. */
  public finish(): void {
    if (this.mode === 'inPlace' && this.shownOnce) this.stream.write('\r\x1b[K');
    if (this.mode === 'lines' && this.shownOnce && this.done < this.total) this.stream.write(`${this.text()}\n`);
  }

  private text(): string {
    return `synthesizing: ${this.done}/${this.total} environments`;
  }
}
