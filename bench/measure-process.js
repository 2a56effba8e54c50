/**
 * Preloaded into every Node process of a benchmark run (`NODE_OPTIONS=--require`, which worker
 * processes inherit): when the process ends, appends its peak memory (resident set) and CPU time to
 * the file named by BENCH_MEASURE_FILE, one JSON line per process.
 */
'use strict';
const { appendFileSync } = require('fs');

const file = process.env.BENCH_MEASURE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const line = { pid: process.pid, maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
