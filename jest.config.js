// One Jest run: pure unit specs next to the code (libs/**/domain/*.spec.ts and friends) and the
// cross-context e2e specs in test/. globalSetup starts one PostgreSQL (embedded unless DATABASE_URL
// is set) and builds a template database with every migration applied; each test file clones it.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // apps/web has its own unit runner (Vitest, `npm run test:web`); its browser tests are in test/web.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  modulePathIgnorePatterns: ['<rootDir>/apps/web/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
  maxWorkers: 2,
};
