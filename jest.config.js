// Three tiers, all run by `npm test`: unit (pure code, no server, no Redis, no browser, a few
// small trees: `npm run test:unit`, under 30 s), integration (real HTTP, Redis, processes, all
// the bundled trees) and browser (a real chromium).
const base = {
  testEnvironment: 'node',
  // eld (language detection, bot/lang/detect.ts) ships ES modules only: turned into CommonJS like our own code
  transform: { '^.+\\.ts$': ['@swc/jest'], '/node_modules/eld/.+\\.js$': ['@swc/jest'] },
  transformIgnorePatterns: ['/node_modules/(?!eld/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

const UNIT = [
  'architecture/',
  'agent/dialog-tests.test.ts',
  'agent/pii.test.ts',
  'channels/render.test.ts',
  'eval/score.test.ts',
  'knowledge/',
  'ops/config.test.ts',
  'trees/validator.test.ts',
];
const BROWSER = '\\.browser\\.test\\.ts$';

/** @type {import('jest').Config} */
module.exports = {
  // A handle a test forgets (a worker thread, a socket) must not keep CI waiting for its whole
  // budget once every test has run; jest still says so ("Force exiting Jest"), and
  // `npx jest --detectOpenHandles` names it.
  forceExit: true,
  projects: [
    { ...base, displayName: 'unit', testMatch: UNIT.map((path) => `<rootDir>/test/${path}${path.endsWith('/') ? '**/*.test.ts' : ''}`) },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: [...UNIT.map((path) => `<rootDir>/test/${path}`), BROWSER],
    },
    { ...base, displayName: 'browser', testMatch: ['<rootDir>/test/**/*.browser.test.ts'] },
  ],
};
