/** Jest runs TypeScript through SWC, keeping decorator metadata for TypeGraphQL and TypeORM. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

/**
 * Suites that time recovery windows and a 200 ms health probe: `npm test` runs them alone, one
 * after the other (JEST_PHASE=serial), after every other suite on two workers
 * (JEST_PHASE=parallel), whose load would blur their timings. Without JEST_PHASE, every suite.
 */
const TIMED_SUITES = '/test/(faults|hostile)/';
const phase = process.env.JEST_PHASE;

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  ...(phase === 'serial' ? { testRegex: `${TIMED_SUITES}.*\\.test\\.ts$` } : { testMatch: ['**/*.test.ts'] }),
  ...(phase === 'parallel' ? { testPathIgnorePatterns: ['/node_modules/', TIMED_SUITES] } : {}),
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  setupFiles: ['reflect-metadata'],
  testTimeout: 60000,
};
