import {
  accessSync,
  chmodSync,
  constants,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { formatProblem, UsageError } from '../core/problem';

/**
 * The output folder, written so that nothing but our own output is ever replaced or removed.
 *
 * - A folder is ours when it holds {@link MARKER}, which lists every entry we wrote (`manifest.json`,
 *   `stacks/<stack>/cdk.tf.json`, `stacks/<stack>/assets`, `hcl/<stack>/main.tf`, ...). Only those entries
 *   are replaced or removed: Terraform's own files beside them (`.terraform/`, a lock file, local state)
 *   survive every synth. An empty folder, and the output of earlier versions (only `manifest.json`,
 *   `stacks/`, `hcl/`), are adopted; any other existing path is refused with a problem naming it.
 * - A run stages its output inside the folder; the commit writes a journal first and then moves entries
 *   one by one. A run killed after the journal was written is finished by the next run, before it does
 *   anything else (even when the next run then fails on its configuration); one killed earlier leaves the
 *   old output, and its staging folder is removed by the next run.
 * - Everything that can refuse (the path, permissions, another run at work) is checked before anything
 *   changes, so a failed run leaves the previous output as it was.
 *
 *   const output = openOutput('cdktf.out');      // check, recover an interrupted run, lock
 *   try { writeInto(output.stage()); output.commit(); } catch (e) { output.discard(); throw e; }
 */

/** Lists what we wrote; its presence makes a folder ours. */
export const MARKER = '.cdktf-cognito-output.json';
const JOURNAL = '.cdktf-cognito-commit.json';
const LOCK = '.cdktf-cognito.lock';
const STAGING_PREFIX = '.cdktf-cognito-staging-';
const TRASH_PREFIX = '.cdktf-cognito-trash-';
/** Folders holding one folder per stack: their entries are tracked one level further down. */
const STACK_FOLDERS = ['stacks', 'hcl'];
/** What earlier versions wrote (no marker yet): the top level, and the files in each stack's folder. */
const LEGACY_TOP = ['manifest.json', ...STACK_FOLDERS];
const LEGACY_STACK_ENTRIES = ['cdk.tf.json', 'assets', 'main.tf'];
/** An earlier version's staging folder this old was left by a killed run (a synth takes seconds). */
const LEGACY_STAGING_AGE_MS = 10 * 60 * 1000;
/** Names an entry list must never contain (a marker from elsewhere must not make us touch these). */
const UNSAFE_ENTRY = /(^|\/)\.\.?(\/|$)|^\/|\\/;

/** Options of {@link openOutput}. */
export interface OutputOptions {
  /** How the folder was given, used in messages. @default '--out' */
  readonly label?: string;
  /** Files the output folder may not hold (the configuration): a folder containing one is refused. */
  readonly protect?: readonly string[];
}

/** Options of {@link OpenOutput.commit}. */
export interface CommitOptions {
  /**
   * What happens to the stacks of the previous output that this run did not synthesize. `remove`: their
   * entries go, and their folders too when nothing else is left in them. `leave`: their folders in
   * `stacks/` stay, for the cdktf CLI, which deletes the stack folders it no longer sees itself and fails
   * when one is already gone; their HCL still goes. @default 'remove'
   */
  readonly orphans?: 'remove' | 'leave';
}

/** An output folder checked, recovered and locked for one run. */
export interface OpenOutput {
  /** The folder, absolute. */
  readonly dir: string;
  /** A new, empty staging folder (inside the output folder, so the commit only renames). Once per run. */
  stage(): string;
  /**
   * Replaces the previous output with the staging folder's content. Returns notices for the user (a
   * removed stack's folder kept because it holds files we did not write).
   */
  commit(options?: CommitOptions): string[];
  /** Ends a failed run: removes the staging folder (and the output folder if this run created it). */
  discard(): void;
}

interface Journal {
  readonly staging: string;
  readonly trash: string;
  /** Entries moved from the staging folder into place, in this order. */
  readonly entries: readonly string[];
  /** Entries of the previous output to remove. */
  readonly remove: readonly string[];
  /** Entries of the previous output left in place, still ours. */
  readonly keep: readonly string[];
}

type State = 'missing' | 'empty' | 'legacy' | 'ours';

/**
 * Checks that `outdir` may be written, finishes or cleans up what an interrupted run left, and locks the
 * folder. Throws a {@link UsageError} (every problem at the `--out` option) when the folder is not ours.
 */
export function openOutput(outdir: string, options: OutputOptions = {}): OpenOutput {
  const label = options.label ?? '--out';
  const refuse = (rule: string, fix: string): never => {
    throw new UsageError([formatProblem({ path: label, rule, received: outdir, fix })], 'Cannot use the output folder');
  };
  if (outdir.trim() === '') refuse('must name a folder (an empty value would mean the current folder)', 'give a folder of its own, e.g. cdktf.out');
  const dir = resolve(outdir);
  recoverLegacySwap(dir);
  const state = checkTarget(dir, options.protect ?? [], refuse);
  let lock = state === 'missing' ? undefined : takeLock(dir, refuse);
  let previous: string[] = [];
  try {
    if (state !== 'missing') {
      attempt(() => recover(dir), 'finishing the interrupted synth found in it', refuse);
      previous = previousEntries(dir, isOurs(dir) ? 'ours' : 'legacy');
      checkWritable(dir, previous, refuse);
    }
  } catch (error) {
    lock?.release();
    throw error;
  }
  let staging: string | undefined;
  let created = false;
  let committing = false;
  const release = () => {
    lock?.release();
    lock = undefined;
  };
  return {
    dir,
    stage() {
      if (staging) throw new Error('stage() is called once per run');
      if (state === 'missing') {
        attempt(() => mkdirSync(dir), 'creating it', refuse);
        created = true;
        writeJson(join(dir, MARKER), { writtenBy: 'cdktf-cognito', entries: [] });
        lock = takeLock(dir, refuse);
      }
      staging = mkdtempSync(join(dir, STAGING_PREFIX));
      chmodSync(staging, 0o755); // mkdtemp makes it private; the output is meant to be read by pipelines
      return staging;
    },
    commit(commitOptions = {}) {
      if (!staging) throw new Error('commit() needs stage() first');
      const entries = listEntries(staging);
      const gone = previous.filter((e) => !entries.includes(e));
      // The cdktf CLI knows stacks/ only: with `leave`, the HCL of a removed stack still goes.
      const leftToCli = (entry: string) => commitOptions.orphans === 'leave' && entry.startsWith('stacks/');
      const trash = mkdtempSync(join(dir, TRASH_PREFIX));
      const journal: Journal = {
        staging: basename(staging),
        trash: basename(trash),
        entries,
        remove: gone.filter((e) => !leftToCli(e)),
        keep: gone.filter(leftToCli),
      };
      writeJson(join(dir, JOURNAL), journal);
      committing = true; // from here on, the staging folder belongs to the journal: a failure is finished by the next run
      const notices = attempt(
        () => finish(dir, journal),
        'replacing the previous output (run synth again: it finishes the replacement first)',
        refuse,
      );
      release();
      return notices;
    },
    discard() {
      if (created && !committing) rmSync(dir, { recursive: true, force: true });
      else if (staging && !committing) rmSync(staging, { recursive: true, force: true });
      release();
    },
  };
}

/** Runs a file-system step; a failure (permissions, a full disk) becomes a problem at the option, not a stack trace. */
function attempt<T>(step: () => T, doing: string, refuse: (rule: string, fix: string) => never): T {
  try {
    return step();
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    if (!code) throw error;
    return refuse(
      `failed while ${doing}: ${code}${path ? ` on ${path}` : ''}`,
      'make the folder writable by the user running synth, or choose another folder',
    );
  }
}

/** The marker, or a journal of a commit that has not written it yet, makes a folder ours. */
function isOurs(dir: string): boolean {
  return readJson(join(dir, MARKER))?.writtenBy === 'cdktf-cognito' || readJson(join(dir, JOURNAL)) !== undefined;
}

/** Names we create inside an output folder while a run works. */
function isInternal(name: string): boolean {
  return [LOCK, JOURNAL, STAGING_PREFIX, TRASH_PREFIX, `${MARKER}.tmp`, `${JOURNAL}.tmp`].some((n) => name.startsWith(n));
}

function checkTarget(dir: string, protect: readonly string[], refuse: (rule: string, fix: string) => never): State {
  const stats = lstatSync(dir, { throwIfNoEntry: false });
  if (!stats) {
    const parent = dirname(dir);
    const parentStats = statSync(parent, { throwIfNoEntry: false });
    if (!parentStats?.isDirectory())
      refuse(`its parent folder ${parent} does not exist`, `create ${parent} first, or choose a folder inside an existing one`);
    if (!canWrite(parent))
      refuse(`cannot be created: its parent folder ${parent} is not writable`, 'choose a folder you may write, or make the parent writable');
    return 'missing';
  }
  if (stats.isSymbolicLink())
    refuse('is a symbolic link', `give the folder it points to (${safeRealpath(dir)}) if that is an output folder, or choose another folder`);
  if (!stats.isDirectory()) refuse('is a file, not a folder', 'choose a new folder, e.g. cdktf.out');
  const real = realpathSync(dir);
  if (isInside(process.cwd(), real)) refuse('is the folder you run in, or holds it', 'give a folder of its own inside it, e.g. cdktf.out');
  const guarded = protect.map(safeRealpath).find((file) => isInside(file, real));
  if (guarded) refuse(`holds the configuration file ${guarded}`, 'give a folder of its own, e.g. cdktf.out');
  if (!canWrite(dir)) refuse('is not writable', 'make it writable by the user running synth (chmod u+w), or choose another folder');
  if (isOurs(dir)) return 'ours';
  const names = readdirSync(dir).filter((n) => !isInternal(n));
  if (names.length === 0) return 'empty';
  if (isLegacyOutput(dir)) return 'legacy';
  const shown = names
    .sort()
    .slice(0, 5)
    .map((n) => (statSync(join(dir, n), { throwIfNoEntry: false })?.isDirectory() ? `${n}/` : n));
  return refuse(
    `holds files cdktf-cognito did not write (${shown.join(', ')}${names.length > 5 ? ', ...' : ''})`,
    `choose a new or empty folder; cdktf-cognito writes only into folders it made (they hold ${MARKER})`,
  );
}

/** The output of a version that wrote no marker: only `manifest.json`, `stacks/` and `hcl/`, and a cdktf manifest. */
function isLegacyOutput(dir: string): boolean {
  if (!readdirSync(dir).every((n) => LEGACY_TOP.includes(n) || isInternal(n))) return false;
  const manifest = readJson(join(dir, 'manifest.json'));
  return typeof manifest?.stacks === 'object' && manifest.stacks !== null;
}

/** What the previous output holds that we wrote: the marker's list, or for a legacy output its known files. */
function previousEntries(dir: string, kind: 'ours' | 'legacy'): string[] {
  if (kind === 'ours') {
    const listed: unknown = readJson(join(dir, MARKER))?.entries;
    return Array.isArray(listed) ? listed.filter((e): e is string => typeof e === 'string' && !UNSAFE_ENTRY.test(e)) : [];
  }
  const entries = LEGACY_TOP.filter((n) => !STACK_FOLDERS.includes(n) && exists(join(dir, n)));
  for (const folder of STACK_FOLDERS) {
    for (const stack of safeReaddir(join(dir, folder))) {
      entries.push(...LEGACY_STACK_ENTRIES.map((n) => `${folder}/${stack}/${n}`).filter((e) => exists(join(dir, e))));
    }
  }
  return entries;
}

/** The entries of a staging folder: top-level files, and the contents of each stack's folder; `manifest.json` last. */
function listEntries(staging: string): string[] {
  const entries: string[] = [];
  for (const top of readdirSync(staging).sort()) {
    const isStackFolder = STACK_FOLDERS.includes(top) && lstatSync(join(staging, top)).isDirectory();
    if (!isStackFolder) {
      entries.push(top);
      continue;
    }
    for (const stack of readdirSync(join(staging, top)).sort()) {
      const path = join(staging, top, stack);
      if (!lstatSync(path).isDirectory()) entries.push(`${top}/${stack}`);
      else
        entries.push(
          ...readdirSync(path)
            .sort()
            .map((n) => `${top}/${stack}/${n}`),
        );
    }
  }
  // Readers (the pipeline, the cdktf CLI) start from the manifest: it changes last.
  return [...entries.filter((e) => e !== 'manifest.json'), ...entries.filter((e) => e === 'manifest.json')];
}

/** Every folder the commit renames in or out of must be writable; checked before anything changes. */
function checkWritable(dir: string, previous: readonly string[], refuse: (rule: string, fix: string) => never): void {
  const folders = new Set([dir, ...STACK_FOLDERS.map((f) => join(dir, f))]);
  for (const entry of previous) {
    const path = join(dir, entry);
    folders.add(dirname(path));
    // Moving a folder to another parent rewrites its `..` entry: the folder itself must be writable too.
    if (lstatSync(path, { throwIfNoEntry: false })?.isDirectory()) folders.add(path);
  }
  const locked = [...folders].filter((f) => exists(f) && !canWrite(f));
  if (locked.length > 0) {
    refuse(
      `cannot be updated: ${locked.map((f) => relative(dir, f) || '.').join(', ')} ${locked.length === 1 ? 'is' : 'are'} not writable`,
      'make the output folder writable by the user running synth (chmod -R u+w), or choose another folder',
    );
  }
}

/**
 * Moves the staged entries into place, as the journal says. Safe to run again on a half-done journal.
 *
 * An entry whose folder (`stacks/`, `stacks/<stack>/`) the output does not have yet moves in with that
 * whole folder, in one rename: the staged folder holds exactly the journal's entries below it, and none
 * of them is in place yet (moving one in would have made the folder). A first synth of 1000 stacks so
 * takes a few renames instead of thousands of folders made and removed.
 */
function finish(dir: string, journal: Journal): string[] {
  const staging = join(dir, journal.staging);
  const trash = join(dir, journal.trash);
  mkdirSync(trash, { recursive: true });
  // One flat name per entry in the trash: moving an entry aside makes no folder.
  const moveAside = (entry: string) => {
    const from = join(dir, entry);
    if (!exists(from)) return;
    const to = join(trash, encodeURIComponent(entry));
    rmSync(to, { recursive: true, force: true });
    renameSync(from, to);
  };
  for (const entry of journal.remove) moveAside(entry);
  const present = new Set<string>();
  const isPresent = (folder: string) => present.has(folder) || (exists(join(dir, folder)) && present.add(folder) !== undefined);
  for (const entry of journal.entries) {
    if (!exists(join(staging, entry))) continue; // moved by the interrupted run, or with its folder
    const missing = ancestors(entry).find((folder) => !isPresent(folder));
    if (missing !== undefined) {
      renameSync(join(staging, missing), join(dir, missing));
      continue;
    }
    moveAside(entry);
    renameSync(join(staging, entry), join(dir, entry));
  }
  writeJson(join(dir, MARKER), { writtenBy: 'cdktf-cognito', entries: [...journal.entries, ...journal.keep] });
  const notices = removeEmptyStackFolders(dir, journal.remove, journal.entries);
  unlinkSync(join(dir, JOURNAL));
  rmSync(trash, { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
  return notices;
}

/** The folders an entry is in, outermost first: `stacks`, `stacks/a` for `stacks/a/cdk.tf.json`. */
function ancestors(entry: string): string[] {
  const parts = entry.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

/**
 * A removed stack's folder goes when it is empty; one holding other files (Terraform state...) is kept, and said so.
 * A folder that still holds a written entry (a stack that only lost its assets) is no removed stack's.
 */
function removeEmptyStackFolders(dir: string, removed: readonly string[], written: readonly string[]): string[] {
  const inStackFolder = (entries: readonly string[]) => entries.filter((e) => e.split('/').length === 3).map((e) => dirname(e));
  const kept = new Set(inStackFolder(written));
  const folders = [...new Set(inStackFolder(removed))].filter((folder) => !kept.has(folder));
  const notices: string[] = [];
  for (const folder of folders) {
    const left = safeReaddir(join(dir, folder));
    if (!exists(join(dir, folder))) continue;
    if (left.length === 0) rmdirSync(join(dir, folder));
    else {
      notices.push(
        `${join(dir, folder)}: its stack is no longer synthesized; kept because it holds files synth did not write ` +
          `(${left.join(', ')}). Remove it when you no longer need them.`,
      );
    }
  }
  return notices;
}

/** Finishes a commit that a kill interrupted, then removes staging and trash folders nobody will use. */
function recover(dir: string): void {
  const journal = readJson(join(dir, JOURNAL)) as Journal | undefined; // checked field by field below
  const valid =
    journal &&
    [journal.staging, journal.trash].every((n) => typeof n === 'string' && !UNSAFE_ENTRY.test(n)) &&
    [journal.entries, journal.remove, journal.keep].every((l) => Array.isArray(l) && l.every((e) => typeof e === 'string' && !UNSAFE_ENTRY.test(e)));
  if (valid) finish(dir, journal);
  else if (exists(join(dir, JOURNAL))) unlinkSync(join(dir, JOURNAL)); // torn before its rename: nothing had moved
  for (const name of readdirSync(dir).filter((n) => isInternal(n) && n !== LOCK)) rmSync(join(dir, name), { recursive: true, force: true });
}

/**
 * Earlier versions swapped `<dir>.previous` and `<dir>` with two renames, staging in
 * `.cdktf-out-staging-*` beside them. A kill between the renames left no output at all: put it back, and
 * remove the leftovers, but only those shaped like that output.
 */
function recoverLegacySwap(dir: string): void {
  const previous = `${dir}.previous`;
  if (lstatSync(previous, { throwIfNoEntry: false })?.isDirectory() && isLegacyOutput(previous)) {
    if (!exists(dir)) renameSync(previous, dir);
    else rmSync(previous, { recursive: true });
  }
  for (const name of safeReaddir(dirname(dir)).filter((n) => n.startsWith('.cdktf-out-staging-'))) {
    const path = join(dirname(dir), name);
    const stats = lstatSync(path);
    // The folder is shared: an earlier version's synth of another output may be writing there right now.
    const abandoned = Date.now() - stats.mtimeMs > LEGACY_STAGING_AGE_MS;
    if (stats.isDirectory() && abandoned && (readdirSync(path).length === 0 || isLegacyOutput(path))) rmSync(path, { recursive: true });
  }
}

interface Lock {
  release(): void;
}

/** One run at a time per folder: a second run would take the first one's staging folder for a leftover. */
function takeLock(dir: string, refuse: (rule: string, fix: string) => never): Lock {
  const file = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) {
        refuse(`is being written by another synth (process ${pid})`, `wait for it to end; if no synth runs, remove ${file}`);
      }
      rmSync(file, { force: true }); // left by a run that was killed
    }
  }
  return refuse('could not be locked', 'run synth again');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Writes through a temporary file and a rename, so a reader (or a recovery) never sees half a file. */
function writeJson(file: string, value: unknown): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, file);
}

/** A JSON object from a file; undefined when the file is missing, unreadable, not JSON or not an object. */
function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function exists(path: string): boolean {
  return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function safeRealpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when `path` is `folder` or inside it. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
