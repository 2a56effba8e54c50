/**
 * Prints how many tests ran the real terraform and how many were skipped because it is missing, so a
 * machine without terraform can never pass the offline checks silently.
 */
class TerraformReporter {
  onRunComplete(_contexts, results) {
    let ran = 0;
    let skipped = 0;
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (!test.title.startsWith('[terraform]')) continue;
        if (test.status === 'pending' || test.status === 'skipped') skipped += 1;
        else ran += 1;
      }
    }
    const missing = !process.env.PATH.split(require('path').delimiter).some(
      (dir) => dir && require('fs').existsSync(require('path').join(dir, 'terraform')),
    );
    const why = missing ? ' (TERRAFORM NOT FOUND: these were NOT checked)' : ' (filtered out of this run)';
    const line = `terraform checks: ${ran} ran, ${skipped} skipped${skipped ? why : ''}`;
    process.stdout.write(`\n${line}\n`);
  }
}
module.exports = TerraformReporter;
