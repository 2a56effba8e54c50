import { findTerraform } from '../../src/terraform/offline';

/**
 * Tests that run the real `terraform` are named with this prefix, so the reporter can count them. When
 * terraform is missing they are skipped, loudly, and counted: never passed silently.
 */
export const TERRAFORM_PREFIX = '[terraform]';

export const terraformAvailable = findTerraform() !== undefined;

if (!terraformAvailable) {
  process.stderr.write(
    `\n!!! terraform is NOT on PATH: every ${TERRAFORM_PREFIX} test is SKIPPED. Install Terraform to check what we synthesize. !!!\n\n`,
  );
}

/** A test that needs terraform. */
export const terraformIt = (name: string, fn: () => void, timeout?: number): void =>
  (terraformAvailable ? it : it.skip)(`${TERRAFORM_PREFIX} ${name}`, fn, timeout);
