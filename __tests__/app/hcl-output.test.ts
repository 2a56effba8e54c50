import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { synthesizeConfig } from '../../src/app/synthesize';
import { renderHcl } from '../../src/hcl/render-hcl';
import { offlineCopy } from '../../src/terraform/offline';
import { configurationMeaning, fmtCheck, meaningOf, parsedHcl, planDir, scratchDir, validateDir } from '../hcl/hcl-support';
import { terraformIt } from '../support/terraform';

const outdir = mkdtempSync(join(tmpdir(), 'cdktf-cognito-hcl-out-'));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));
const stacks = synthesizeConfig({ configFile: 'config/default.yaml', outdir });
const json = (name: string) => JSON.parse(readFileSync(join(outdir, 'stacks', name, 'cdk.tf.json'), 'utf8'));
const hcl = (name: string) => readFileSync(join(outdir, 'hcl', name, 'main.tf'), 'utf8');

describe('every stack is written as HCL too', () => {
  test('hcl/<stack>/main.tf with its assets, and no cdk.tf.json beside it', () => {
    for (const { name } of stacks) {
      // The bootstrap stacks (IAM only) have no assets.
      const assets = existsSync(join(outdir, 'stacks', name, 'assets'));
      expect(readdirSync(join(outdir, 'hcl', name)).sort()).toEqual(assets ? ['assets', 'main.tf'] : ['main.tf']);
      if (assets) expect(readdirSync(join(outdir, 'hcl', name, 'assets')).sort()).toEqual(readdirSync(join(outdir, 'stacks', name, 'assets')).sort());
      expect(existsSync(join(outdir, 'stacks', name, 'main.tf'))).toBe(false);
    }
  });

  test.each(['dev', 'staging', 'prod', 'bootstrap-111111111111'])(
    "%s: HashiCorp's HCL parser reads back the same configuration as the JSON",
    async (name) => {
      expect(await parsedHcl(hcl(name))).toEqual(await meaningOf(json(name)));
    },
  );

  test('falsy values and interpolations survive as HCL, not as "${...}" strings', () => {
    const text = hcl('dev');
    expect(text).toContain('generate_secret                               = false');
    expect(text).toMatch(/user_pool_id\s+= aws_cognito_user_pool\.pool_[0-9A-F]+\.id/);
    // A value that is one interpolation is written as the bare expression (what terraform fmt would do).
    expect(text).not.toMatch(/= "\$\{[^"]*\}"$/m);
  });
});

describe('terraform accepts the HCL', () => {
  for (const name of ['dev', 'prod']) {
    terraformIt(`${name}: terraform fmt -check passes on the written file`, () => {
      const run = fmtCheck(hcl(name));
      expect({ code: run.code, diff: run.stdout }).toEqual({ code: 0, diff: '' });
    });
  }

  terraformIt('prod: the HCL validates and plans exactly as the JSON does', () => {
    const offline = offlineCopy(json('prod'));
    const hclDir = scratchDir({ 'main.tf': renderHcl(offline) });
    const jsonDir = scratchDir({ 'main.tf.json': JSON.stringify(offline) });
    for (const dir of [hclDir, jsonDir]) {
      writeFileSync(join(dir, 'offline.tfrc'), ''); // replaced by runTerraform's own CLI configuration
      validateDir(dir);
    }
    const [fromHcl, fromJson] = [planDir(hclDir), planDir(jsonDir)];
    expect(fromHcl.resource_changes).toEqual(fromJson.resource_changes);
    expect(fromHcl.planned_values).toEqual(fromJson.planned_values);
    expect(configurationMeaning(fromHcl.configuration)).toEqual(configurationMeaning(fromJson.configuration));
  });
});
