// Three projects run in CI order: unit tests on sources, then tests of the production build
// (dist/ must exist), then browser tests in Debian's Chromium.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }];
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': tsJest },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/**/*.test.ts?(x)'],
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/bundle/',
        '<rootDir>/test/manifest/',
        '<rootDir>/test/scripts/',
        '<rootDir>/test/browser/',
      ],
    },
    {
      ...common,
      displayName: 'bundle',
      testMatch: [
        '<rootDir>/test/bundle/**/*.test.ts',
        '<rootDir>/test/manifest/**/*.test.ts',
        '<rootDir>/test/scripts/**/*.test.ts',
      ],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
};
