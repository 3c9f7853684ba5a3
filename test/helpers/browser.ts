/**
 * Debian's Chromium, driven by playwright-core. Outside CI a missing browser
 * skips the browser tests with a loud message; under CI=true it fails them.
 */
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** True when browser tests can run; throws under CI when they cannot. */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  const message = 'Chromium is not installed: the browser tests are SKIPPED. Install it with `apt-get install -y chromium` (.ci/run does).';
  if (process.env.CI === 'true') throw new Error(`${message} Under CI a missing browser is a failure.`);
  console.warn(`\n*** ${message} ***\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
