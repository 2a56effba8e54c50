#!/usr/bin/env node
/**
 * Runs a TypeScript entry point of this project as compiled JavaScript:
 *
 *   node scripts/run.js main.ts --config my.yaml      # what `npm run synth -- --config my.yaml` runs
 *   node scripts/run.js <compiled.js> [arguments...]  # a file compiled earlier, with its code cache
 *
 * The entry is bundled once with esbuild (a dependency) into node_modules/.cache/cdktf-cognito/ and
 * reused while the sources it was built from, the installed packages and this file are unchanged
 * (a content hash, checked in about a millisecond). Why not `tsx`: the engine captures a stack trace for
 * every token it creates, and a TypeScript loader makes each one expensive (source maps), and loading
 * hundreds of modules one by one costs more than one file. Plain JavaScript, no dependency needed to
 * start: a fresh `npm ci && npm run synth` builds the bundle on the first run (about 0.3 s).
 *
 * V8's code cache of the bundle is kept beside it, so later runs compile little.
 *
 * The bundle keeps the project's `__dirname` (files next to the sources, such as the ready-made trigger
 * handlers, are found where they are) and leaves `esbuild` itself outside (it runs a native binary).
 * Set CDKTF_COGNITO_NO_BUNDLE_CACHE=1 to rebuild every time.
 */
'use strict';

const { createHash } = require('crypto');
const { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('fs');
const { dirname, join, relative, resolve, sep } = require('path');

const ROOT = resolve(__dirname, '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'cdktf-cognito');
/** What the installed packages are: npm rewrites this file on every install. */
const INSTALLED = ['node_modules/.package-lock.json', 'package-lock.json'];

/**
 * The compiled file for a TypeScript entry (relative to the project root or absolute), built when
 * missing or stale. A promise: esbuild runs plugins only in its asynchronous API.
 */
async function compiledEntry(entry) {
  const source = resolve(ROOT, entry);
  const name = relative(ROOT, source)
    .replace(/\.ts$/, '')
    .split(sep)
    .join('-')
    .replace(/[^A-Za-z0-9_-]/g, '_');
  const recordFile = join(CACHE, `${name}.json`);
  const record = readRecord(recordFile);
  if (!process.env.CDKTF_COGNITO_NO_BUNDLE_CACHE && record && existsSync(join(CACHE, record.bundle)) && record.key === cacheKey(record.inputs)) {
    return join(CACHE, record.bundle);
  }
  return build(source, name, recordFile);
}

function readRecord(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The hash of everything a bundle depends on: the project files it was built from (a new import shows
 * up as a change in the file that imports it), the installed packages, this launcher and the folder.
 */
function cacheKey(inputs) {
  const hash = createHash('sha256').update(ROOT).update(readFileSync(__filename));
  for (const file of [...INSTALLED, ...inputs]) {
    hash.update(`\0${file}\0`);
    try {
      hash.update(readFileSync(join(ROOT, file)));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex');
}

async function build(source, name, recordFile) {
  // Required only here: a cached run does not load esbuild's JavaScript API.
  const esbuild = require('esbuild');
  mkdirSync(CACHE, { recursive: true });
  const temporary = join(CACHE, `${name}.${process.pid}.tmp.js`);
  const result = await esbuild.build({
    entryPoints: [source],
    outfile: temporary,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    external: ['esbuild'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [keepSourceDirname],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .map((file) => relative(ROOT, resolve(ROOT, file)).split(sep).join('/'))
    .filter((file) => !file.split('/').includes('node_modules'))
    .sort();
  const key = cacheKey(inputs);
  const bundle = `${name}-${key.slice(0, 16)}.js`;
  // Renames are atomic: a run started meanwhile sees the old bundle or the new one, never half of one.
  renameSync(`${temporary}.map`, join(CACHE, `${bundle}.map`));
  renameSync(temporary, join(CACHE, bundle));
  writeFileSync(`${recordFile}.${process.pid}`, JSON.stringify({ key, bundle, inputs }));
  renameSync(`${recordFile}.${process.pid}`, recordFile);
  removeStale(name, bundle);
  return join(CACHE, bundle);
}

/** Older bundles of the same entry (a run that is still using one keeps its open copy). */
function removeStale(name, keep) {
  for (const file of readdirSync(CACHE)) {
    const stale = file.startsWith(`${name}-`) && !file.startsWith(keep) && /^[0-9a-f]{16}\.js(\.map|\.v8-cache)?$/.test(file.slice(name.length + 1));
    if (stale) rmSync(join(CACHE, file), { force: true });
  }
}

/** In the project's own files, `__dirname` and `__filename` keep naming the source file's place. */
const keepSourceDirname = {
  name: 'keep-source-dirname',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const contents = readFileSync(args.path, 'utf8');
      if (args.path.includes(`${sep}node_modules${sep}`) || !/__dirname|__filename/.test(contents)) return undefined;
      const header = `const __dirname = ${JSON.stringify(dirname(args.path))}, __filename = ${JSON.stringify(args.path)};\n`;
      return { contents: header + contents, loader: 'ts' };
    });
  },
};

/**
 * Runs a compiled file as a CommonJS module, with V8's code cache kept beside it: compiling a bundle of
 * a few MB is a good part of a short run, and the cache (made after the first run, so it holds the
 * functions that ran) skips most of that. V8 rejects a stale or foreign cache, which is then made anew.
 */
function runWithCodeCache(file) {
  const Module = require('module');
  const { Script } = require('vm');
  const cacheFile = `${file}.v8-cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  const compiled = new Module(file, module);
  compiled.filename = file;
  script.runInThisContext().call(compiled.exports, compiled.exports, Module.createRequire(file), compiled, file, dirname(file));
  compiled.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    const temporary = `${cacheFile}.${process.pid}`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  }
}

module.exports = { compiledEntry };

if (require.main === module) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error(`usage: node ${relative(process.cwd(), __filename)} <entry.ts | compiled.js> [arguments...]`);
    process.exit(2);
  }
  // A compiled file (a worker process of the synth, compiled by its coordinator) runs as it is.
  (entry.endsWith('.js') ? Promise.resolve(resolve(entry)) : compiledEntry(entry)).then((compiled) => {
    // The entry sees the arguments as if it had been started itself.
    process.argv = [process.argv[0], compiled, ...args];
    runWithCodeCache(compiled);
  });
}
