import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Screenshots land here (git-ignored) so a person can look at what the tests saw. */
export const ARTIFACTS = join(__dirname, '..', 'artifacts');

/**
 * Debian's Chromium, headless. The network flags matter: this machine has no network, and without
 * them Chromium keeps trying to reach Google's services.
 */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}
