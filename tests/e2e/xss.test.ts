/**
 * Document text is untrusted. The fixture site includes a record (xss-testrecord) whose title,
 * names, questions, answers, footnotes, references and source URL hold <script>, <img onerror>,
 * <svg onload> and javascript: links. Every built page is loaded in Chromium: nothing may run,
 * no element may carry an event-handler attribute, no link may use a scheme other than http(s)
 * or a site path, every page sends the strict CSP, and the CSP reports no violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/site/csp.ts';
import { htmlFiles, useBuiltSite } from './harness.ts';

/** Runs in the page: everything unsafe it finds, then the CSP meta content as the last entry. */
function scanDocument(): string[] {
  const out: string[] = [];
  const w = window as unknown as { __xss?: unknown; __csp: string[] };
  if (w.__xss !== undefined) out.push(`window.__xss = ${String(w.__xss)}`);
  for (const v of w.__csp ?? []) out.push(`CSP violation: ${v}`);
  for (const s of document.querySelectorAll('script')) {
    const src = s.getAttribute('src');
    if (!src || !/^\/(scripts|pagefind)\/[\w.-]+\.js$/.test(src)) out.push(`script ${src ?? '(inline)'}`);
  }
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) out.push(`${el.tagName} ${attr}`);
    }
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      const v = value.trim();
      if (!(v.startsWith('/') || v.startsWith('#') || /^https?:\/\//i.test(v)) || v.startsWith('//')) out.push(`${el.tagName} ${name}="${v}"`);
    }
  }
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? 'none';
  out.push(`csp:${csp}`);
  return out;
}


const site = useBuiltSite();

test('the hostile record is in the build and its text is shown as text', async () => {
  const html = readFileSync(join(site.dist, 'vragen/xss-testrecord/index.html'), 'utf8');
  expect(html).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.origin}/vragen/xss-testrecord/`);
  expect(await page.locator('h1').textContent()).toContain('<script>window.__xss=5</script>Testonderwerp');
  expect(await page.locator('#vraag-1 ~ .pair__question').textContent()).toContain('<img src=x onerror="window.__xss=2">');
  await context.close();
});

test('no page runs injected code, carries handlers or emits unsafe links', async () => {
  const pages = htmlFiles(site.dist).map((f) => `/${f.replace(/index\.html$/, '')}`);
  expect(pages.length).toBeGreaterThan(50);
  const context = await site.browser.newContext();
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const dialogs: string[] = [];
  const problems: string[] = [];
  for (const path of pages) {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${path}: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${site.server.origin}${path}`);
    await page.waitForLoadState('load');
    const found = await page.evaluate(scanDocument);
    const csp = found.pop();
    if (csp !== `csp:${CONTENT_SECURITY_POLICY}`) problems.push(`${path}: CSP ${csp}`);
    for (const f of found) problems.push(`${path}: ${f}`);
    await page.close();
  }
  await context.close();
  expect(dialogs).toEqual([]);
  expect(problems).toEqual([]);
}, 300_000);

test('the scan itself catches what it looks for', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.setContent(
    '<a href="javascript:void(0)">a</a><img src="data:image/png;base64,AA" onerror="x()"><form action="vbscript:x"></form><script>window.__xss=1</script>',
  );
  const found = await page.evaluate(scanDocument);
  expect(found.pop()).toBe('csp:none');
  expect(found).toEqual(
    expect.arrayContaining([
      'window.__xss = 1',
      'script (inline)',
      'A href="javascript:void(0)"',
      'IMG onerror',
      'IMG src="data:image/png;base64,AA"',
      'FORM action="vbscript:x"',
    ]),
  );
  await context.close();
});

test('feeds and exports escape the hostile text', () => {
  const feed = readFileSync(join(site.dist, 'feeds/antwoorden.xml'), 'utf8');
  expect(feed).not.toMatch(/<script|<img/i);
  expect(feed).toContain('&lt;script&gt;');
  const csv = readFileSync(join(site.dist, 'data/toezeggingen.csv'), 'utf8');
  // CSV has no markup to escape: the text is kept as data, quoted only where CSV needs it.
  expect(csv).toContain(',<script>window.__xss=9</script>Wij sturen de Kamer voor 1 december 2023 een brief.,');
});

test('the CSP is strict: no inline script or style, and wasm allowed only for Pagefind', () => {
  expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
  expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'/);
  for (const file of htmlFiles(site.dist)) {
    const html = readFileSync(join(site.dist, file), 'utf8');
    expect(html, file).not.toMatch(/<style[\s>]/i);
    expect(html, file).not.toMatch(/\sstyle="/i);
  }
});
