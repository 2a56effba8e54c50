/**
 * The command line of the generator and build scripts, which take no arguments: `--help` prints the
 * usage and exits 0; anything else is a usage error, exit 2 (the exit codes of every command here: 0 done,
 * 1 problems found, 2 usage). Call it before the script does anything.
 */
export function noArguments(usage: string, args: readonly string[] = process.argv.slice(2)): void {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) {
    console.log(usage.trim());
    process.exit(0);
  }
  if (args.length > 0) {
    console.error(`${args.map((a) => `'${a}'`).join(' ')}: this command takes no arguments.\n\n${usage.trim()}`);
    process.exit(2);
  }
}
