import { defineConfig } from 'vitest/config';

// Four projects: pure unit tests beside src/lib (parallel), integration tests that build
// fixture sites (`npm test` runs these two), the long checks that compare whole builds, and
// e2e tests in Chromium. Integration and long files run two at a time, each building in a
// checkout of its own (test/support/build-site.ts checkoutRoot): a build keeps about one core
// busy, and Astro allows one build per checkout. e2e files run two at a time as well.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'test/architecture.test.ts'],
          // Pure modules and no mocks: one module graph per worker instead of one per file
          // (the unit files run in 11 s instead of 40 s). A unit test that mocks a module or
          // changes process state would leak into the next file: such a test is not a unit test.
          isolate: false,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/cli/**/*.test.ts'],
          maxWorkers: 2,
          env: { OKR_TEST_CHECKOUTS: '1' },
          // Files share a module graph per worker, as in the unit project: each file loading
          // zod, the schemas and the loader again cost about a second of a core per file. A
          // file that changes process state (environment, current folder, mocks) restores it.
          isolate: false,
          // Projects run in parallel unless ordered: builds and Chromium would share 2 cores.
          sequence: { groupOrder: 1 },
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
      {
        test: {
          // The long checks, not part of `npm test`; `.ci/run` runs them (npm run test:long):
          // the suites that compare whole builds with each other (incremental rebuilds after
          // each kind of change against cold builds, a sharded build merged against a single
          // one, a second cold build against the first), the French and Spanish builds (the
          // locale suite's code runs in German and Norwegian in `npm test`), and the packed
          // package installed into an empty repository.
          name: 'long',
          include: ['test/incremental/**/*.test.ts', 'test/long/**/*.test.ts', 'test/package/**/*.test.ts'],
          maxWorkers: 2,
          env: { OKR_TEST_CHECKOUTS: '1' },
          sequence: { groupOrder: 2 },
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Two files at a time, each with its own Chromium and static server (port 0): a
          // headless page keeps about one core busy, and no suite measures time (layout shift,
          // fit and axe results do not depend on speed).
          maxWorkers: 2,
          sequence: { groupOrder: 3 },
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
