// Headless Chromium for the report tests: Debian's /usr/bin/chromium driven by playwright-core
// (installed by scripts/setup-browser.sh; tests skip, saying so, where it is absent). A fresh
// profile per launch, and every background service off, so a run makes no network request.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium; SPLITSIM_CHROMIUM points elsewhere (e.g. a missing path, to see the skip). */
export const CHROMIUM = process.env.SPLITSIM_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `${CHROMIUM} is absent: the browser test is skipped (run scripts/setup-browser.sh as root to install Debian's Chromium)`;

/** A browser with a fresh profile (playwright passes it as --user-data-dir); close the context to end it. */
export async function launchChromium(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), "splitsim-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
    ],
  });
}
