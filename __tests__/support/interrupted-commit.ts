/**
 * Run by output-dir.test.ts in its own process: stages the files given as JSON and commits them into an
 * output folder, killing itself (SIGKILL, no cleanup) at the Nth rename. With N = 0 it prints how many
 * renames a whole commit takes.
 *
 *   tsx interrupted-commit.ts <outdir> <N> '<{"path": "content"}>'
 */
import fs from 'fs';
import { dirname, join } from 'path';
import { openOutput } from '../../src/app/output-dir';

const [outdir, killAt, files] = process.argv.slice(2);
let renames = 0;
const rename = fs.renameSync;
fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
  renames += 1;
  if (renames === Number(killAt)) process.kill(process.pid, 'SIGKILL');
  rename(from, to);
};
const output = openOutput(outdir);
const staging = output.stage();
for (const [path, content] of Object.entries(JSON.parse(files) as Record<string, string>)) {
  fs.mkdirSync(dirname(join(staging, path)), { recursive: true });
  fs.writeFileSync(join(staging, path), content);
}
output.commit();
console.log(renames);
