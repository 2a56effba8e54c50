/**
 * The plan guard for pipelines: `terraform show -json STACK.tfplan | tsx src/terraform/plan-guard-cli.ts STACK`.
 * Exits 1 when the plan would delete, replace or forget a user pool, unless ALLOW_USER_POOL_DELETION names this
 * stack; 2 for a bad invocation or an unreadable plan. The plan JSON holds secrets: it is read from
 * standard input and never written anywhere.
 */
import { readFileSync } from 'fs';
import { describeVerdict, judgePlan } from './plan-guard';

const USAGE = `usage: terraform show -json PLANFILE | tsx src/terraform/plan-guard-cli.ts STACK

Reads a JSON plan on standard input and stops (exit 1) when it deletes, replaces or forgets a user pool,
unless ALLOW_USER_POOL_DELETION names STACK. Exit codes: 0 no pool lost, 1 stopped, 2 usage or unreadable plan.`;
const stack = process.argv[2];
if (stack === '--help' || stack === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (!stack || stack.startsWith('-') || process.argv.length !== 3) {
  console.error(USAGE);
  process.exit(2);
}
let plan: unknown;
try {
  plan = JSON.parse(readFileSync(0, 'utf8'));
} catch (error) {
  console.error(
    `plan guard: standard input is not a JSON plan (${(error as Error).message}). Fix: pipe \`terraform show -json <planfile>\` into it.`,
  );
  process.exit(2);
}
try {
  const verdict = judgePlan(plan, stack, process.env.ALLOW_USER_POOL_DELETION);
  for (const line of describeVerdict(verdict, stack)) console.error(line);
  if (verdict.refused.length > 0) process.exit(1);
  console.error(
    `plan guard: ${stack}: no user pool is deleted, replaced or dropped from the state${verdict.allowed.length ? ' without permission' : ''}.`,
  );
} catch (error) {
  console.error(`plan guard: ${(error as Error).message}`);
  process.exit(2);
}
