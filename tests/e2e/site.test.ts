/**
 * The built site in a real browser (Debian Chromium via playwright-core), served from 127.0.0.1:
 * search ("Goede moeders" opens seed 000's pair at its anchor), filters without JavaScript, deep
 * links, a commitment with evidence, the Hervormingsagenda trail from 2021 to 2026, no request
 * leaving the site, and screenshots checked for size.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ROOT, useBuiltSite } from './harness.ts';

const external: string[] = [];
const consoleErrors: string[] = [];

async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await site.browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: 'nl-NL',
  });
  // Block and record anything that is not our server: the site must not load anything else.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(site.server.origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err.message}`));
  return { context, page };
}

const site = useBuiltSite();

describe('search', () => {
  test('"Goede moeders" finds seed 000 and opens the pair at its anchor', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.origin}/zoeken/?q=Goede+moeders`);
    const status = page.locator('#zoekstatus');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/gevonden/);
    expect(await status.getAttribute('role')).toBe('status');
    // The fixture index is split per vergaderjaar; the 2021 answer is only found after merging older years.
    expect(await status.textContent()).toMatch(/in alle vergaderjaren/);
    const links = page.locator('#resultaten a');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toContain('/vragen/ah-tk-20202021-3976/#vraag-1');
    expect(await page.locator('#q').inputValue()).toBe('Goede moeders');
    // The highlight comes from Pagefind's excerpt, copied as <mark> elements only.
    expect(await page.locator('#resultaten mark').count()).toBeGreaterThan(0);

    await page.locator('#resultaten a[href="/vragen/ah-tk-20202021-3976/#vraag-1"]').first().click();
    await page.waitForURL('**/vragen/ah-tk-20202021-3976/#vraag-1');
    const target = await page.evaluate(() => document.querySelector(':target')?.id);
    expect(target).toBe('vraag-1');
    // The heading scrolls (smoothly) to the top of the viewport.
    await expect
      .poll(() => page.locator('#vraag-1').evaluate((el) => Math.round(el.getBoundingClientRect().top)), { timeout: 5_000 })
      .toBeLessThan(300);
    expect(await page.locator('#vraag-1').evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    await context.close();
  });

  test('ids are searchable the way people type them', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.origin}/zoeken/?q=34550-XVI-91`);
    await expect.poll(() => page.locator('#zoekstatus').textContent(), { timeout: 15_000 }).toMatch(/gevonden/);
    const hrefs = await page.locator('#resultaten h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.some((h) => h.startsWith('/vragen/ah-tk-20202021-3976/'))).toBe(true);
    await context.close();
  });

  test('search form keeps ?q= in the URL and filters narrow the results', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.origin}/zoeken/`);
    await page.locator('#q').fill('uithuisplaatsing');
    await page.locator('#f-partij').selectOption('D66');
    await page.locator('#zoekformulier button[type=submit]').click();
    await expect.poll(() => page.locator('#zoekstatus').textContent(), { timeout: 15_000 }).toMatch(/gevonden/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('uithuisplaatsing');
    expect(new URL(page.url()).searchParams.get('partij')).toBe('D66');
    const hrefs = await page.locator('#resultaten h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    // Only seed 002 (and its commitments) has a D66 questioner.
    for (const href of hrefs) expect(href).toMatch(/^\/(vragen\/kv-tk-2026Z03535\/#|toezeggingen\/kv-tk-2026Z03535-)/);
    // One result per pair: several distinct pair anchors of the same set.
    const pairs = hrefs.filter((h) => /#vraag-\d+$/.test(h));
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.length).toBeGreaterThan(1);
    await context.close();
  });

  test("a vergaderjaar filter downloads only that year's index", async () => {
    const { context, page } = await newPage();
    const metas: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.pf_meta')) metas.push(path);
    });
    await page.goto(`${site.server.origin}/zoeken/?q=moeders&vergaderjaar=2020-2021`);
    await expect.poll(() => page.locator('#zoekstatus').textContent(), { timeout: 15_000 }).toMatch(/gevonden/);
    expect(metas.length).toBe(1);
    expect(metas[0]).toMatch(/^\/pagefind\/2020-2021\//);
    expect(await page.locator('#f-vergaderjaar').inputValue()).toBe('2020-2021');
    const hrefs = await page.locator('#resultaten h2 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toContain('/vragen/ah-tk-20202021-3976/#vraag-1');
    expect(await page.locator('#ouder').isVisible()).toBe(false);
    await context.close();
  });

  test('without JavaScript the search page explains itself and links to browsing', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/zoeken/?q=stikstof`);
    await expect.poll(() => page.locator('#js-nodig').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('#js-nodig a[href="/vragen/"]').count()).toBe(1);
    await context.close();
  });
});

describe('question set page', () => {
  test('pairs have anchors, merged pairs answer each number, deep links are plain links', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/vragen/ah-tk-20202021-3976/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.locator('section.pair').count()).toBe(12);
    for (const n of [1, 3, 12]) expect(await page.locator(`h2#vraag-${n}`).count()).toBe(1);
    const deep = page.locator('#vraag-3 ~ .pair__tools a.deeplink, section:has(#vraag-3) a.deeplink');
    expect(await deep.first().getAttribute('href')).toBe('/vragen/ah-tk-20202021-3976/#vraag-3');
    // Without JS the copy button stays hidden; the link is the fallback.
    expect(await page.locator('button.copy-link').first().isVisible()).toBe(false);
    // Summary list, timeline and footnotes.
    await expect.poll(() => page.locator('.summary-list').first().textContent(), { timeout: 10_000 }).toMatch(/Westerveld/);
    expect(await page.locator('.summary-list').first().textContent()).toMatch(/61 dagen: 40 dagen na de termijn/);
    expect(await page.locator('ol.timeline > li').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#voetnoot-9').textContent()).toContain('Kamerstuk 34 550 XVI, nr. 91');
    // Links to motions, programmes, commitments and the postponement notice.
    expect(await page.locator('a[href="/moties/kst-34550-XVI-91/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/programmas/hervormingsagenda-jeugd/"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href^="/toezeggingen/ah-tk-20202021-3976-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/vragen/ah-tk-20202021-3658/"]').count()).toBeGreaterThan(0);

    await page.goto(`${site.server.origin}/vragen/xss-testrecord/#vraag-3`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('vraag-3');
    expect(await page.locator('h2#vraag-2-3').count()).toBe(1);
    await context.close();
  });

  test('the copy button copies the absolute deep link', async () => {
    const { context, page } = await newPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await page.goto(`${site.server.origin}/vragen/kv-tk-2026Z03535/`);
    const button = page.locator('section:has(#vraag-2) button.copy-link');
    await expect.poll(() => button.isVisible(), { timeout: 10_000 }).toBe(true);
    await button.click();
    await expect.poll(() => page.locator('#copy-status').textContent(), { timeout: 10_000 }).toBe('Link gekopieerd.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('http://127.0.0.1:4321/vragen/kv-tk-2026Z03535/#vraag-2');
    await context.close();
  });
});

describe('commitments', () => {
  test('filters work without JavaScript: status, then ministry, with removable active filters', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/toezeggingen/`);
    const total = Number((await page.locator('#aantal').textContent())?.match(/\d+/)?.[0]);
    expect(total).toBe(12);
    await page.locator('.filter-panel a', { hasText: 'Termijn verstreken' }).click();
    await page.waitForURL('**/toezeggingen/status/overdue/');
    const overdue = Number((await page.locator('#aantal').textContent())?.match(/\d+/)?.[0]);
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(total);
    await page.locator('.filter-panel a', { hasText: 'Justitie en Veiligheid' }).click();
    await page.waitForURL('**/toezeggingen/status/overdue/ministerie/justitie-en-veiligheid/');
    const both = Number((await page.locator('#aantal').textContent())?.match(/\d+/)?.[0]);
    expect(both).toBeLessThanOrEqual(overdue);
    const tags = await page.locator('.item-list .tag data').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(tags.length).toBe(both);
    expect(new Set(tags)).toEqual(new Set(['overdue']));
    // Remove the status filter: the active-filter tag links to the ministry-only page.
    await page.locator('.active-filters a', { hasText: 'Status' }).click();
    await page.waitForURL('**/toezeggingen/ministerie/justitie-en-veiligheid/');
    await context.close();
  });

  test('a delivered commitment shows its evidence from the 2026 answer and its history', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/toezeggingen/ah-tk-20202021-3976-83f64689/`);
    expect(await page.locator('.summary-list .tag data').first().getAttribute('value')).toBe('delivered');
    const evidence = page.locator('section:has(#bewijs) ol.timeline > li');
    expect(await evidence.count()).toBeGreaterThanOrEqual(2);
    const texts = await evidence.allTextContents();
    expect(texts.join('\n')).toContain('Hervormingsagenda Jeugd uit te voeren');
    expect(await page.locator('section:has(#bewijs) a[href="/vragen/kv-tk-2026Z03535/#vraag-3"]').count()).toBe(1);
    expect(await page.locator('section:has(#geschiedenis) tbody tr').count()).toBe(2);
    // Newest first: the 2026 evidence comes before the 2021 promise.
    const dates = await evidence.locator('time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(dates[0]! >= dates[dates.length - 1]!).toBe(true);
    await context.close();
  });
});

describe('open questions', () => {
  /** The number at the start of the result count. */
  const countOf = async (page: Page) => Number((await page.locator('#aantal').textContent())?.match(/\d+/)?.[0]);

  test('the home page counts them and links to the list; filters work without JavaScript', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/`);
    const link = page.locator('.count-grid li', { hasText: 'openstaande vragen' });
    expect(await link.locator('data').getAttribute('value')).toBe('2');
    await link.locator('a').click();
    await page.waitForURL('**/vragen/openstaand/');
    expect(await page.locator('h1').textContent()).toBe('Openstaande vragen');
    expect(await countOf(page)).toBe(2);
    expect(await page.locator('#aantal').textContent()).toMatch(/waarvan 1 over tijd/);
    const tags = () => page.locator('.item-list .tag data').evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect((await tags()).sort()).toEqual(['binnen-termijn', 'termijn-verstreken']);
    expect(await page.locator('.item-list').textContent()).toMatch(/25 dagen over tijd/);

    await page.locator('.filter-panel a', { hasText: 'Termijn verstreken' }).click();
    await page.waitForURL('**/vragen/openstaand/status/termijn-verstreken/');
    expect(await countOf(page)).toBe(1);
    expect(await tags()).toEqual(['termijn-verstreken']);
    expect(await page.locator('.item-list a[href="/vragen/kv-tk-2026Z90001/"]').count()).toBe(1);
    // Addressed to two ministries: the set is found under either.
    await page.locator('.filter-panel a', { hasText: 'Justitie en Veiligheid' }).click();
    await page.waitForURL('**/vragen/openstaand/status/termijn-verstreken/ministerie/justitie-en-veiligheid/');
    expect(await countOf(page)).toBe(1);
    expect(await page.locator('link[rel="alternate"][href="/feeds/vragen-over-tijd/justitie-en-veiligheid.xml"]').count()).toBe(1);
    await page.locator('.active-filters a', { hasText: 'Termijn' }).click();
    await page.waitForURL('**/vragen/openstaand/ministerie/justitie-en-veiligheid/');
    await page.goto(`${site.server.origin}/vragen/openstaand/partij/christenunie/`);
    expect(await countOf(page)).toBe(1);
    expect(await tags()).toEqual(['binnen-termijn']);
    expect(await page.locator('.item-list').textContent()).toMatch(/nog 9 dagen/);
    await context.close();
  });

  test('the overdue feed is linked from the page and parses, also per ministry', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.origin}/vragen/openstaand/`);
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"][href="/feeds/vragen-over-tijd.xml"]').count()).toBe(1);
    const read = async (path: string) => {
      const xml = await (await page.request.get(`${site.server.origin}${path}`)).text();
      return page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          titles: [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('title')[0]?.textContent ?? ''),
          links: [...doc.getElementsByTagName('entry')].map((e) => e.getElementsByTagName('link')[0]?.getAttribute('href') ?? ''),
        };
      }, xml);
    };
    const all = await read('/feeds/vragen-over-tijd.xml');
    expect(all.error).toBeNull();
    expect(all.titles).toEqual([expect.stringMatching(/^Termijn verstreken \(25 dagen\): de wachtlijsten in de jeugd-ggz/)]);
    expect(all.links).toEqual(['http://127.0.0.1:4321/vragen/kv-tk-2026Z90001/']);
    const jenv = await read('/feeds/vragen-over-tijd/justitie-en-veiligheid.xml');
    expect(jenv.error).toBeNull();
    expect(jenv.titles).toHaveLength(1);
    // Financiën has an open set, but it is within its term.
    const fin = await read('/feeds/vragen-over-tijd/financien.xml');
    expect(fin.error).toBeNull();
    expect(fin.titles).toEqual([]);
    await context.close();
  });

  test('an open set shows its due date and term status; member, party and ministry pages link to their open questions', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/vragen/kv-tk-2026Z90001/`);
    const due = page.locator('.summary-list__row', { hasText: 'Antwoord uiterlijk' });
    expect(await due.locator('time').getAttribute('datetime')).toBe('2026-05-07');
    expect(await due.locator('.tag data').getAttribute('value')).toBe('termijn-verstreken');
    expect(await due.textContent()).toMatch(/25 dagen over tijd/);
    // Computed from the notice on the same zaak, which the timeline shows and links.
    const postponed = page.locator('ol.timeline > li', { hasText: 'Uitstel gemeld' });
    expect(await postponed.locator('a[href="/vragen/ah-tk-20252026-9001/"]').count()).toBe(1);
    for (const [path, filtered] of [
      ['/leden/proefhoven/', '/vragen/openstaand/lid/proefhoven/'],
      ['/partijen/sp/', '/vragen/openstaand/partij/sp/'],
      ['/ministeries/justitie-en-veiligheid/', '/vragen/openstaand/ministerie/justitie-en-veiligheid/'],
    ]) {
      await page.goto(`${site.server.origin}${path}`);
      expect(await page.locator(`a[href="${filtered}"]`).count(), path).toBeGreaterThan(0);
      expect(await page.locator('section:has(#openstaande-vragen) a[href="/vragen/kv-tk-2026Z90001/"]').count(), path).toBe(1);
    }
    await page.goto(`${site.server.origin}/ministeries/financien/`);
    expect(await page.locator('link[rel="alternate"][href="/feeds/vragen-over-tijd/financien.xml"]').count()).toBe(1);
    await context.close();
  });

  test("seed 000's timeline shows the postponement 3658 with its link, and the notice links to its answer", async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/vragen/ah-tk-20202021-3976/`);
    const items = page.locator('ol.timeline > li');
    const titles = (await items.locator('.timeline__title').allTextContents()).map((t) => t.trim());
    expect(titles).toEqual(['Antwoord ontvangen', 'Uitstel gemeld', 'Vragen ingezonden']);
    const postponed = items.nth(1);
    expect(await postponed.locator('time').getAttribute('datetime')).toBe('2021-07-29');
    expect(await postponed.locator('a[href="/vragen/ah-tk-20202021-3658/"]').textContent()).toContain('3658');
    // With the notice the term ran to 19 August 2021.
    expect(await page.locator('.summary-list__row', { hasText: 'Antwoordtermijn' }).textContent()).toMatch(/verlengde termijn/);
    await page.goto(`${site.server.origin}/vragen/ah-tk-20202021-3658/`);
    expect(await page.locator('.summary-list__row', { hasText: 'Antwoord' }).locator('a[href="/vragen/ah-tk-20202021-3976/"]').count()).toBe(1);
    expect(await page.locator('ol.timeline > li', { hasText: 'Antwoord' }).locator('a[href="/vragen/ah-tk-20202021-3976/"]').count()).toBe(1);
    await context.close();
  });
});

describe('programme trail', () => {
  test('the Hervormingsagenda trail runs from the 2021 promise to the 2026 execution', async () => {
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.server.origin}/programmas/hervormingsagenda-jeugd/`);
    const items = page.locator('section:has(#spoor) ol.timeline > li');
    expect(await items.count()).toBe(2);
    const dates = await items.locator('.timeline__meta time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    expect(dates).toEqual(['2021-09-07', '2026-04-10']);
    expect(await items.nth(0).locator('a[href="/vragen/ah-tk-20202021-3976/#vraag-12"]').count()).toBe(1);
    expect(await items.nth(1).locator('a[href="/vragen/kv-tk-2026Z03535/#vraag-3"]').count()).toBe(1);
    expect(await items.nth(1).textContent()).toContain('Hervormingsagenda Jeugd');
    // The 2021 commitment about the agenda is listed, delivered.
    expect(await page.locator('section:has(#toezeggingen) a[href="/toezeggingen/ah-tk-20202021-3976-83f64689/"]').count()).toBe(1);
    await context.close();
  });
});

describe('feeds and data', () => {
  test('feeds, JSON Lines, CSV and JSON Schema are linked and well-formed', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.origin}/data/`);
    for (const href of ['/data/records.jsonl', '/data/toezeggingen.csv', '/data/schema.json', '/feeds/antwoorden.xml', '/feeds/toezeggingen.xml']) {
      expect(await page.locator(`a[href="${href}"]`).count()).toBeGreaterThan(0);
    }
    const lines = readFileSync(join(site.dist, 'data/records.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(7);
    expect(lines.map((l) => JSON.parse(l).id)).toContain('kv-tk-2026Z03535');
    const atom = await (await page.request.get(`${site.server.origin}/feeds/antwoorden.xml`)).text();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, entries: doc.getElementsByTagName('entry').length };
    }, atom);
    expect(parsed.error).toBeNull();
    // Answers and notices; the two open sets have no answer and are in their own feed.
    expect(parsed.entries).toBe(5);
    const member = await (await page.request.get(`${site.server.origin}/feeds/leden/westerveld.xml`)).text();
    expect(member).toContain('<entry>');
    await context.close();
  });
});

describe('screenshots and layout', () => {
  test('screenshots of key pages have the expected size and are not blank', async () => {
    const outDir = join(ROOT, 'test-results/screenshots');
    mkdirSync(outDir, { recursive: true });
    const shots = [
      { name: 'home', path: '/', width: 1280 },
      { name: 'vragenset', path: '/vragen/ah-tk-20202021-3976/', width: 1280 },
      { name: 'toezegging', path: '/toezeggingen/ah-tk-20202021-3976-83f64689/', width: 1280 },
      { name: 'toezeggingen-filter', path: '/toezeggingen/status/overdue/', width: 1280 },
      { name: 'programma', path: '/programmas/hervormingsagenda-jeugd/', width: 1280 },
      { name: 'statistieken', path: '/statistieken/', width: 1280 },
      { name: 'vragenset-telefoon', path: '/vragen/kv-tk-2026Z03535/', width: 390 },
    ];
    for (const shot of shots) {
      const { context, page } = await newPage({ width: shot.width });
      await page.goto(`${site.server.origin}${shot.path}`);
      const file = join(outDir, `${shot.name}.png`);
      const png = await page.screenshot({ path: file, fullPage: false });
      // PNG header: width and height are big-endian at bytes 16 and 20.
      expect(png.readUInt32BE(16)).toBe(shot.width);
      expect(png.readUInt32BE(20)).toBe(900);
      expect(statSync(file).size).toBeGreaterThan(8_000);
      // Not blank: the page paints text, and nothing overflows sideways on a phone.
      const layout = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        textLength: document.body.innerText.length,
      }));
      expect(layout.textLength).toBeGreaterThan(200);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth + 1);
      await context.close();
    }
  });

  test('print: navigation and tools are hidden, external links show their address', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.origin}/vragen/ah-tk-20202021-3976/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.pair__tools').first().isVisible()).toBe(true);
    expect(await page.locator('button.copy-link').first().isVisible()).toBe(false);
    const after = await page.locator('.summary-list a[href^="https://"]').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(after).toContain('zoek.officielebekendmakingen.nl');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await context.close();
  });

  test('keyboard: the first Tab shows the skip link and it moves focus to the content', async () => {
    const { context, page } = await newPage();
    await page.goto(`${site.server.origin}/vragen/ah-tk-20202021-3976/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, top: document.activeElement?.getBoundingClientRect().top ?? -1 }));
    expect(focused.text).toBe('Naar de inhoud');
    expect(focused.top).toBeGreaterThanOrEqual(0);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    await context.close();
  });
});

describe('isolation', () => {
  test('no page requested anything outside 127.0.0.1 and no script errors occurred', () => {
    expect(external).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
