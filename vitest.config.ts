import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // `--tags-filter='!package'` leaves out the slow test that packs and installs minutes-kb.
    tags: [
      {
        name: 'package',
        description: 'npm pack and npm install -g in a temporary folder (minutes; needs the npm registry)',
        timeout: 600_000,
      },
    ],
  },
});
