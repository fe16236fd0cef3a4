import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { findBrowser } from './scripts/find-browser.js';
import { openWcUnderVitest } from './scripts/vite-plugins.js';

const browser = await findBrowser();
console.log(`Browser tests use ${browser.executablePath} (${browser.source}).`);

// Each project names its browser instance: two projects with an unnamed chromium instance collide.
const browserMode = (name: string) => ({
  enabled: true,
  headless: true,
  provider: playwright({ launchOptions: { executablePath: browser.executablePath, args: browser.args } }),
  instances: [{ browser: 'chromium' as const, name: `${name} (chromium)`, viewport: { width: 1200, height: 900 } }],
  screenshotFailures: false,
});

export default defineConfig({
  optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
        },
      },
      {
        plugins: [openWcUnderVitest()],
        optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', '@open-wc/testing', 'd3-array', 'd3-dsv', 'd3-quadtree'] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['test/support/browser-setup.ts'],
          browser: browserMode('browser'),
        },
      },
      {
        plugins: [await storybookTest({ configDir: '.storybook' })],
        optimizeDeps: { include: ['lit', 'lit/directive-helpers.js'] },
        test: {
          name: 'storybook',
          browser: browserMode('storybook'),
        },
      },
    ],
  },
});
