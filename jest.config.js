/** Jest runs TypeScript through SWC (type-checking is `npm run typecheck`, its own step). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }] },
  // Terraform runs take seconds each; they are real processes, not timers.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/__tests__/support/terraform-reporter.js'],
};
