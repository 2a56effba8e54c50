/**
 * Checks that a release tag, package.json, CHANGELOG.md and both READMEs name the same version, before
 * anything is tested, released or published (.github/workflows/release.yml runs it on every `v*` tag).
 *
 *   npx tsx scripts/release/check-release.ts v0.2.0 [--notes FILE] [--repository OWNER/NAME]
 *
 * Exit codes: 0 consistent, 1 inconsistent (every problem listed), 2 usage.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { parseArgs } from 'util';

const USAGE = `Usage: npx tsx scripts/release/check-release.ts TAG [--notes FILE] [--repository OWNER/NAME] [--root DIR]

Checks that the release tag TAG (vX.Y.Z), package.json's version, a dated CHANGELOG.md section and the
pins in README.md (?ref=vX.Y.Z, cdktf-cognito@X.Y.Z) and modules/cognito-user-pool/README.md (?ref=vX.Y.Z)
agree, and lists every disagreement.

Options:
  --notes FILE              Write the CHANGELOG section of the version to FILE (the GitHub release notes).
  --repository OWNER/NAME   Also check package.json's repository.url, which npm provenance compares
                            with the repository that builds the package.
  --root DIR                The repository to check (default: this one).
  -h, --help                This help.

Exit codes: 0 consistent, 1 inconsistent, 2 usage.`;

/** The files a release check reads, by path relative to the repository. */
export type ReleaseFiles = (path: string) => string | undefined;

/** What a release check finds. */
export interface ReleaseCheck {
  readonly problems: readonly string[];
  /** The CHANGELOG section of the version, without its heading, when there is one. */
  readonly notes: string | undefined;
}

const TAG = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

/** Checks the tag against the repository's files. Pure: `read` gives a file's text, or undefined when it is missing. */
export function checkRelease(tag: string, read: ReleaseFiles, repository?: string): ReleaseCheck {
  const version = TAG.exec(tag)?.[1];
  if (version === undefined) return { problems: [`tag "${tag}": must be v<major>.<minor>.<patch>, e.g. v0.2.0`], notes: undefined };
  const problems: string[] = [];
  const file = (path: string): string => {
    const text = read(path);
    if (text === undefined) problems.push(`${path}: is missing`);
    return text ?? '';
  };

  const pkg = JSON.parse(file('package.json') || '{}') as { version?: string; private?: boolean; repository?: { url?: string } | string };
  if (pkg.version !== version)
    problems.push(`package.json: version is "${pkg.version}", the tag says ${version}. Fix: set "version": "${version}", or tag v${pkg.version}`);
  if (pkg.private) problems.push('package.json: is private, so npm refuses to publish it. Fix: remove "private"');
  if (repository !== undefined) {
    const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
    const expected = `git+https://github.com/${repository}.git`;
    if (url !== expected)
      problems.push(
        `package.json: repository.url is ${url === undefined ? 'not set' : `"${url}"`}; npm provenance needs the repository that builds it. Fix: set "repository": { "type": "git", "url": "${expected}" }`,
      );
  }

  const changelog = file('CHANGELOG.md');
  const notes = changelogSection(changelog, version);
  if (notes === undefined) {
    problems.push(
      `CHANGELOG.md: has no section "## [${version}] - YYYY-MM-DD". Fix: move the Unreleased entries under that heading, dated the release day`,
    );
  } else if (notes.trim() === '') {
    problems.push(`CHANGELOG.md: the section of ${version} is empty. Fix: say what changed`);
  }

  for (const [path, pins] of [
    [
      'README.md',
      [
        { pattern: /\?ref=v([0-9][^"\s)`]*)/g, wanted: `?ref=v${version}` },
        { pattern: /cdktf-cognito@([0-9][^\s`]*)/g, wanted: `cdktf-cognito@${version}` },
      ],
    ],
    ['modules/cognito-user-pool/README.md', [{ pattern: /\?ref=v([0-9][^"\s)`]*)/g, wanted: `?ref=v${version}` }]],
  ] as const) {
    const text = file(path);
    for (const { pattern, wanted } of pins) {
      const found = [...text.matchAll(pattern)].map((m) => m[1]);
      const others = [...new Set(found.filter((v) => v !== version))];
      const fix = `Fix: pin every example to ${wanted}${path.startsWith('modules/') ? ' (npm run build:modules)' : ''}`;
      if (others.length > 0)
        problems.push(`${path}: pins ${others.join(', ')} ${found.includes(version) ? `besides ${version}` : `instead of ${version}`}. ${fix}`);
      else if (found.length === 0) problems.push(`${path}: shows no pin ${wanted}. ${fix}`);
    }
  }
  return { problems, notes };
}

/** The body of `## [version] - date`, up to the next `## ` heading or the link references. */
export function changelogSection(changelog: string, version: string): string | undefined {
  const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`^## \\[${escaped}\\] - \\d{4}-\\d{2}-\\d{2}[ \\t]*\\n([\\s\\S]*?)(?=^## |^\\[[^\\]]+\\]: |(?![\\s\\S]))`, 'm').exec(
    changelog,
  );
  return match ? match[1]!.trim() : undefined;
}

function main(argv: readonly string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { notes: { type: 'string' }, repository: { type: 'string' }, root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`check-release: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`check-release: give exactly one tag, e.g. v0.2.0\n${USAGE}`);
    return 2;
  }
  const root = resolve(parsed.values.root ?? join(__dirname, '../..'));
  const read: ReleaseFiles = (path) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const [tag] = parsed.positionals as [string];
  const { problems, notes } = checkRelease(tag, read, parsed.values.repository);
  if (problems.length > 0) {
    console.error(
      `Release ${tag} is inconsistent (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    return 1;
  }
  if (parsed.values.notes !== undefined && notes !== undefined) writeFileSync(parsed.values.notes, `${notes}\n`);
  console.log(`Release ${tag}: package.json, CHANGELOG.md and both READMEs agree.`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
