/** Baseline: the engine and the AWS provider synthesizing one empty stack (what any CDKTF app pays). */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack } from '../src/engine';

const outdir = mkdtempSync(join(tmpdir(), 'bench-empty-'));
const app = new App({ outdir });
new AwsProvider(new TerraformStack(app, 'empty'), 'aws', { region: 'eu-west-1' });
app.synth();
rmSync(outdir, { recursive: true, force: true });
