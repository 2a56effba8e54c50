import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { parse } from 'yaml';
import { changelogSection, checkRelease, ReleaseFiles } from '../../scripts/release/check-release';

const ROOT = resolve(__dirname, '../..');
const read: ReleaseFiles = (path) => readFileSync(join(ROOT, path), 'utf8');
const version: string = JSON.parse(read('package.json')!).version;

/** A repository whose files agree on 1.2.3, with `changes` applied. */
function fixture(changes: Record<string, string | undefined> = {}): ReleaseFiles {
  const files: Record<string, string | undefined> = {
    'package.json': JSON.stringify({
      name: 'cdktf-cognito',
      version: '1.2.3',
      repository: { type: 'git', url: 'git+https://github.com/acme/cdktf-cognito.git' },
    }),
    'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n## [1.2.3] - 2026-12-01\n\n### Fixed\n\n- A thing.\n\n## [1.2.2] - 2026-11-01\n\n- Older.\n',
    'README.md':
      'npm install --save-exact cdktf-cognito@1.2.3\n\n  source = "git::https://github.com/acme/cdktf-cognito.git//modules/cognito-user-pool?ref=v1.2.3"\n',
    'modules/cognito-user-pool/README.md': '  source = "git::https://github.com/acme/cdktf-cognito.git//modules/cognito-user-pool?ref=v1.2.3"\n',
    ...changes,
  };
  return (path) => files[path];
}

describe('release consistency check', () => {
  test('this repository is consistent for its own version, and the notes are its CHANGELOG section', () => {
    const { problems, notes } = checkRelease(`v${version}`, read);
    expect(problems).toEqual([]);
    expect(notes).toMatch(/^### Added\n/);
    expect(notes).not.toContain('## [');
  });

  test('files that agree pass; the notes stop at the next section', () => {
    expect(checkRelease('v1.2.3', fixture(), 'acme/cdktf-cognito')).toEqual({ problems: [], notes: '### Fixed\n\n- A thing.' });
  });

  test('every disagreement is reported at once, each with its fix', () => {
    const { problems } = checkRelease(
      'v1.2.3',
      fixture({
        'package.json': JSON.stringify({ version: '1.2.4', private: true }),
        'CHANGELOG.md': '## [Unreleased]\n\n- Not yet dated.\n',
        'README.md': 'cdktf-cognito@1.2.3 and ?ref=v1.2.2\n',
        'modules/cognito-user-pool/README.md': 'source = "./modules/cognito-user-pool"\n',
      }),
      'acme/cdktf-cognito',
    );
    expect(problems).toEqual([
      'package.json: version is "1.2.4", the tag says 1.2.3. Fix: set "version": "1.2.3", or tag v1.2.4',
      'package.json: is private, so npm refuses to publish it. Fix: remove "private"',
      expect.stringMatching(/^package\.json: repository\.url is not set; npm provenance .*"git\+https:\/\/github\.com\/acme\/cdktf-cognito\.git"/),
      'CHANGELOG.md: has no section "## [1.2.3] - YYYY-MM-DD". Fix: move the Unreleased entries under that heading, dated the release day',
      'README.md: pins 1.2.2 instead of 1.2.3. Fix: pin every example to ?ref=v1.2.3',
      'modules/cognito-user-pool/README.md: shows no pin ?ref=v1.2.3. Fix: pin every example to ?ref=v1.2.3 (npm run build:modules)',
    ]);
  });

  test('an empty section, a missing file and a malformed tag are problems', () => {
    expect(checkRelease('v1.2.3', fixture({ 'CHANGELOG.md': '## [1.2.3] - 2026-12-01\n\n## [1.2.2] - 2026-11-01\n- x\n' })).problems).toEqual([
      'CHANGELOG.md: the section of 1.2.3 is empty. Fix: say what changed',
    ]);
    expect(checkRelease('v1.2.3', fixture({ 'modules/cognito-user-pool/README.md': undefined })).problems).toEqual(
      expect.arrayContaining(['modules/cognito-user-pool/README.md: is missing']),
    );
    expect(checkRelease('1.2.3', fixture()).problems).toEqual(['tag "1.2.3": must be v<major>.<minor>.<patch>, e.g. v0.2.0']);
  });

  test('a section is found only under its exact, dated heading', () => {
    const changelog = '## [1.2.30] - 2026-12-02\n- later\n## [1.2.3] - 2026-12-01\n- this\n';
    expect(changelogSection(changelog, '1.2.3')).toBe('- this');
    expect(changelogSection('## [1.2.3]\n- undated\n', '1.2.3')).toBeUndefined();
  });

  describe('the command', () => {
    const work = mkdtempSync(join(tmpdir(), 'cdktf-cognito-release-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));
    const cli = (args: readonly string[]) => {
      const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/release/check-release.ts'), ...args], {
        encoding: 'utf8',
        cwd: work,
      });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    };

    test('--help lists the options and exits 0; bad usage exits 2', () => {
      const help = cli(['--help']);
      expect(help.code).toBe(0);
      for (const option of ['--notes FILE', '--repository OWNER/NAME', '--root DIR', 'Exit codes: 0 consistent, 1 inconsistent, 2 usage'])
        expect(help.stdout).toContain(option);
      expect(cli([]).code).toBe(2);
      expect(cli(['v1.0.0', '--colour']).code).toBe(2);
    });

    test('consistent: exit 0 and the notes written; inconsistent: exit 1 with the problems', () => {
      const root = join(work, 'repo');
      const files = fixture();
      for (const path of ['package.json', 'CHANGELOG.md', 'README.md', 'modules/cognito-user-pool/README.md']) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        writeFileSync(join(root, path), files(path)!);
      }
      const ok = cli(['v1.2.3', '--root', root, '--notes', join(work, 'notes.md'), '--repository', 'acme/cdktf-cognito']);
      expect(ok).toMatchObject({ code: 0, stdout: expect.stringContaining('agree') });
      expect(readFileSync(join(work, 'notes.md'), 'utf8')).toBe('### Fixed\n\n- A thing.\n');
      const bad = cli(['v1.3.0', '--root', root]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/^Release v1\.3\.0 is inconsistent \(5 problems\):\n {2}- package\.json: version is "1\.2\.3"/);
    });
  });
});

describe('the release workflow', () => {
  const workflow = parse(read('.github/workflows/release.yml')!);
  const steps = (job: string): { uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }[] =>
    workflow.jobs[job].steps;
  const runs = (job: string): string =>
    steps(job)
      .map((s) => s.run ?? '')
      .join('\n');

  test('runs on v* tags only, grants nothing by default, never cancels a release halfway', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
    expect(workflow.permissions).toEqual({});
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  test('check, then the whole test suite, then the release and the publish', () => {
    expect(runs('check')).toContain('npx tsx scripts/release/check-release.ts');
    expect(steps('check').find((s) => s.run?.includes('check-release'))?.env?.TAG).toBe('${{ github.ref_name }}');
    expect(workflow.jobs.test.needs).toBe('check');
    expect(runs('test')).toContain('npm test');
    expect(steps('test').some((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))).toBe(true);
    expect(workflow.jobs.release.needs).toBe('test');
    expect(workflow.jobs.publish.needs).toBe('test');
  });

  test('the GitHub release is the tag, with the CHANGELOG section as notes', () => {
    expect(workflow.jobs.release.permissions).toEqual({ contents: 'write' });
    expect(runs('release')).toMatch(/gh release create "\$TAG" .*--notes-file "\$RUNNER_TEMP\/notes\.md" --verify-tag/);
    expect(runs('check')).toContain('--notes "$RUNNER_TEMP/notes.md"');
  });

  test('npm publish with provenance, only when the token is configured', () => {
    expect(workflow.jobs.publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const publish = steps('publish').find((s) => s.run?.startsWith('npm publish'))!;
    expect(publish.run).toBe('npm publish --provenance --access public');
    expect(publish.if).toBe("env.HAS_NPM_TOKEN == 'true'");
    expect(publish.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    expect(workflow.jobs.publish.env.HAS_NPM_TOKEN).toBe("${{ secrets.NPM_TOKEN != '' }}");
  });
});
