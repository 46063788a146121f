/** The system Chromium, headless, and the scripts the benchmarks inject into pages. */
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/e2e/chromium.ts';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/**
 * An init script that runs `fn` (with `arg`, JSON) in the page before any page script. Playwright
 * serialises functions with toString(), and tsx (esbuild, keepNames) wraps named functions in
 * `__name(…)` calls that do not exist in the page: the script defines a `__name` that does nothing.
 * So `fn` must be self-contained: no imports, no outer variables.
 */
export function pageScript<A>(fn: (arg: A) => void, arg?: A): { content: string } {
  return {
    content: `(() => { const __name = (f) => f; (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })();`,
  };
}
