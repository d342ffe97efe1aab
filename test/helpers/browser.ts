import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

// What every browser test shares: a headless Chromium (Debian's package, or CHROMIUM_PATH)
// and test-artifacts/, where screenshots wait for a human to look at them.

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The path of a screenshot in test-artifacts/, the folder made if need be. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
