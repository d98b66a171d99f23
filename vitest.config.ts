import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [react()],
        define: { __STATUS_LENS_VERSION__: JSON.stringify('0.0.0-test') },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/helpers/setup.ts'],
          // CSS reads as empty in tests, but the toolbar badge takes its colours from theme.css's
          // text (src/ui/palette.ts): that one import is given as it ships.
          css: { include: [/theme\.css\?raw$/] },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // One Chromium at a time: these machines have two cores.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
