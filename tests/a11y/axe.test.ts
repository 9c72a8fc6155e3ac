/**
 * WCAG 2.1 AA: axe-core injected into Chromium on every page type of the built site, with and
 * without the site's scripts; zero violations allowed. Best-practice rules run too.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBuiltSite } from '../e2e/harness.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One page of every type (and the XSS fixture, whose text is hostile). */
const PAGES = [
  '/',
  '/vragen/',
  '/vragen/ah-tk-20202021-3976/',
  '/vragen/ah-tk-20202021-3658/',
  '/vragen/kv-tk-2026Z03535/',
  '/vragen/xss-testrecord/',
  '/vragen/kv-tk-2026Z90001/',
  '/vragen/ah-tk-20252026-9001/',
  '/vragen/openstaand/',
  '/vragen/openstaand/status/termijn-verstreken/ministerie/justitie-en-veiligheid/',
  '/leden/proefhoven/',
  '/toezeggingen/',
  '/toezeggingen/status/overdue/ministerie/justitie-en-veiligheid/',
  '/toezeggingen/ah-tk-20202021-3976-83f64689/',
  '/toezeggingen/kv-tk-2026Z03535-d2c536bb/',
  '/moties/',
  '/moties/kst-34550-XVI-91/',
  '/programmas/',
  '/programmas/hervormingsagenda-jeugd/',
  '/leden/',
  '/leden/westerveld/',
  '/partijen/',
  '/partijen/groenlinks-pvda/',
  '/ministeries/',
  '/ministeries/justitie-en-veiligheid/',
  '/statistieken/',
  '/over/',
  '/toegankelijkheid/',
  '/data/',
  '/zoeken/',
  '/zoeken/?q=uithuisplaatsing',
  '/bestaat-niet/',
];


const site = useBuiltSite();

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
  passes: unknown[];
}

async function axe(page: Page): Promise<AxeResult> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } };
    return w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
  });
}

function describeViolations(result: AxeResult): string[] {
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`,
  );
}

describe.each([true, false])('axe-core, site scripts %s', (siteScripts) => {
  test.each(PAGES)('%s has no violations', async (path) => {
    // axe itself needs JavaScript, so "without JavaScript" means: the site's own scripts are blocked.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    if (!siteScripts) await context.route(/\/(scripts|pagefind)\//, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${site.server.origin}${path}`);
    if (siteScripts && path.startsWith('/zoeken/?q=')) {
      await expect.poll(() => page.locator('#zoekstatus').textContent(), { timeout: 15_000 }).toMatch(/gevonden|Geen/);
    }
    const result = await axe(page);
    expect(describeViolations(result)).toEqual([]);
    await context.close();
  });
});

test('axe really runs: it flags a page with known problems', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.setContent('<html><body><img src="x.png"><a href="#"></a><input type="text"></body></html>');
  const result = await axe(page);
  const ids = result.violations.map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['image-alt', 'link-name', 'label', 'html-has-lang']));
  await context.close();
});
