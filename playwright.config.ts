import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser: Debian's Chromium when present (these machines cannot download Playwright's own build); set
 * RELEASE_LENS_BROWSER=bundled to use Playwright's browser instead, or PLAYWRIGHT_CHROMIUM_PATH to pick a binary.
 */
const systemChromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const useSystem = process.env.RELEASE_LENS_BROWSER !== 'bundled' && existsSync(systemChromium);
const port = Number(process.env.E2E_PORT ?? 3210);
const dataDir = path.join(import.meta.dirname, '.cache', 'e2e');
/** The fleet token of the end-to-end server; a test value. */
export const FLEET_TOKEN = 'e2e-fleet-token-0123456789';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: useSystem
      ? {
          executablePath: systemChromium,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        }
      : {},
  },
  webServer: {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: '1',
      RELEASE_LENS_SQLITE_PATH: path.join(dataDir, `reports-${Date.now()}.sqlite`),
      RELEASE_LENS_LOCAL_KUBECONFIG: 'false',
      // The fleet page (e2e/fleet.spec.ts): three agent clusters and a fleet token.
      RELEASE_LENS_CLUSTERS: path.join(import.meta.dirname, 'e2e', 'fleet', 'clusters.yaml'),
      RELEASE_LENS_FLEET_TOKENS: FLEET_TOKEN,
    },
  },
});
