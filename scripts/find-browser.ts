/**
 * Finds a Chromium for the browser tests, the benchmark and the screenshot script, with no download:
 * CHROME_PATH first, then the usual system paths, then the Chromium that @sparticuz/chromium ships
 * inside its npm tarball (so `npm install && npm test` works on a machine with no browser at all).
 */
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags that keep headless Chromium quiet on a machine without network or GPU. */
const QUIET_FLAGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface FoundBrowser {
  executablePath: string;
  args: string[];
  /** Where it came from, for the log line. */
  source: 'CHROME_PATH' | 'system' | '@sparticuz/chromium';
}

export const NO_BROWSER_MESSAGE =
  'No Chromium found for the browser tests: set CHROME_PATH to a Chrome or Chromium executable, install one (Debian: apt-get install chromium), or run npm install so that the bundled @sparticuz/chromium fallback is present.';

export async function findBrowser(): Promise<FoundBrowser> {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there. ${NO_BROWSER_MESSAGE}`);
    return { executablePath: fromEnv, args: QUIET_FLAGS, source: 'CHROME_PATH' };
  }
  const system = SYSTEM_PATHS.find((path) => existsSync(path));
  if (system) return { executablePath: system, args: QUIET_FLAGS, source: 'system' };
  try {
    const { default: chromium } = await import('@sparticuz/chromium');
    const executablePath = await chromium.executablePath();
    // Its own flags are tuned for serverless: keep them, add ours, but drop --headless (playwright sets it),
    // the security relaxations, and --single-process, under which the whole browser closes with the first
    // page a test closes (every later newPage fails with "Target page, context or browser has been closed").
    const dropped = ['--headless', '--disable-web-security', '--allow-running-insecure-content', '--single-process'];
    const args = [...new Set([...chromium.args.filter((a: string) => !dropped.some((d) => a.startsWith(d))), ...QUIET_FLAGS])];
    return { executablePath, args, source: '@sparticuz/chromium' };
  } catch (cause) {
    throw new Error(NO_BROWSER_MESSAGE, { cause });
  }
}
