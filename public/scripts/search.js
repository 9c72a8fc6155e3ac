// Search with the Pagefind JS API and our own accessible result list.
// One result per question–answer pair (Pagefind sub-results at the pair headings), the count
// announced in a status message, ?q= and filter parameters kept in the URL (deep links).
// Text from the index is never inserted as HTML: excerpts are parsed inertly and only their
// text and <mark> highlights are copied.
//
// Large sites have one index per vergaderjaar (see scripts/index-site.ts and
// /pagefind/vraagspoor-indexes.json). The search starts in the newest year and merges older
// years in until there are enough results, so a first query downloads only what it needs; a
// vergaderjaar filter goes straight to that year's index. "Zoek ook in oudere jaren" merges more.

const FILTERS = ['soort', 'partij', 'ministerie', 'vergaderjaar', 'status'];
const PAGES_PER_BATCH = 10;
/** Keep merging older years until at least this many documents match. */
const ENOUGH_PAGES = 10;

const form = /** @type {HTMLFormElement} */ (document.getElementById('zoekformulier'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('q'));
const status = /** @type {HTMLElement} */ (document.getElementById('zoekstatus'));
const block = /** @type {HTMLElement} */ (document.getElementById('resultaten-blok'));
const list = /** @type {HTMLOListElement} */ (document.getElementById('resultaten'));
const more = /** @type {HTMLButtonElement} */ (document.getElementById('meer'));
document.getElementById('js-nodig')?.setAttribute('hidden', '');

const older = /** @type {HTMLButtonElement} */ (document.getElementById('ouder'));

/** @typedef {{ name: string, path: string, pages: number }} IndexGroup */
/** @type {Promise<IndexGroup[]> | null} */
let groupsPromise = null;
function loadGroups() {
  groupsPromise ??= fetch('/pagefind/vraagspoor-indexes.json')
    .then((r) => (r.ok ? r.json() : { groups: [] }))
    .then((m) => (Array.isArray(m.groups) && m.groups.length ? m.groups : [{ name: 'alle', path: '/pagefind/', pages: 0 }]))
    .catch(() => [{ name: 'alle', path: '/pagefind/', pages: 0 }]);
  return groupsPromise;
}

/** @type {Promise<any> | null} */
let pagefindPromise = null;
/** Names of the groups merged into the search so far. */
const merged = new Set();

/** Load Pagefind from the first group to be searched (the primary index). */
function loadPagefind(first) {
  pagefindPromise ??= (async () => {
    const groups = await loadGroups();
    const primary = groups.find((g) => g.name === first) ?? groups[0];
    const pf = await import(primary.path + 'pagefind.js');
    await pf.options({ excerptLength: 24 });
    await pf.init();
    merged.add(primary.name);
    return pf;
  })();
  return pagefindPromise;
}

/** Merge one more group into the search. */
async function mergeGroup(pf, group) {
  if (merged.has(group.name)) return;
  merged.add(group.name);
  await pf.mergeIndex(group.path);
}

/** Groups not yet searched, newest first. */
async function remainingGroups() {
  return (await loadGroups()).filter((g) => !merged.has(g.name));
}

/** Human summary of the years searched. */
async function searchedYears() {
  const groups = await loadGroups();
  if (groups.length <= 1) return '';
  const years = groups.filter((g) => merged.has(g.name) && g.name !== 'overig').map((g) => g.name);
  if (years.length === 0) return '';
  if (merged.size === groups.length) return ' in alle vergaderjaren';
  return years.length === 1 ? ` in ${years[0]}` : ` in ${years[years.length - 1]} tot en met ${years[0]}`;
}

/** Copy an excerpt's text and <mark> elements into `target`, nothing else. */
function appendExcerpt(target, html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  for (const node of doc.body.firstChild?.childNodes ?? []) {
    if (node.nodeType === Node.TEXT_NODE) target.append(node.textContent ?? '');
    else if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent ?? '';
      target.append(mark);
    } else target.append(node.textContent ?? '');
  }
}

/** Only site-relative result URLs are used as links. */
function safePath(url) {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : null;
}

function formatDate(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  const d = new Date(`${iso}T12:00:00Z`);
  return d.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Turn one page result into result items: one per matching pair (sub-result with an anchor). */
function itemsOf(data) {
  const meta = data.meta ?? {};
  const subs = Array.isArray(data.sub_results) && data.sub_results.length ? data.sub_results : [{ url: data.url, excerpt: data.excerpt }];
  return subs.map((sub) => ({
    url: safePath(sub.url) ?? safePath(data.url),
    title: meta.titel || meta.title || data.url,
    part: sub.anchor ? sub.title : null,
    excerpt: sub.excerpt ?? data.excerpt ?? '',
    meta,
  })).filter((x) => x.url);
}

function renderItem(item) {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = item.url;
  a.textContent = item.part ? `${item.title} — ${item.part}` : item.title;
  h.append(a);
  const meta = document.createElement('p');
  meta.className = 'meta';
  const parts = [item.meta.soort, formatDate(item.meta.datum), item.meta.vragenstellers, item.meta.ministerie, item.meta.status, item.meta.nummer].filter(Boolean);
  meta.textContent = parts.join(' · ');
  const excerpt = document.createElement('p');
  appendExcerpt(excerpt, item.excerpt);
  li.append(h, meta, excerpt);
  return li;
}

let current = { results: [], shown: 0, items: 0, query: '' };

async function showMore() {
  const batch = current.results.slice(current.shown, current.shown + PAGES_PER_BATCH);
  current.shown += batch.length;
  const datas = await Promise.all(batch.map((r) => r.data()));
  for (const data of datas) {
    for (const item of itemsOf(data)) {
      list.append(renderItem(item));
      current.items++;
    }
  }
  more.hidden = current.shown >= current.results.length;
}

function readFilters(params) {
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

async function run(params) {
  const q = (params.get('q') ?? '').trim();
  const filters = readFilters(params);
  input.value = q;
  for (const name of FILTERS) {
    const select = /** @type {HTMLSelectElement | null} */ (form.elements.namedItem(name));
    if (select) select.value = params.get(name) ?? '';
  }
  list.replaceChildren();
  if (!q && Object.keys(filters).length === 0) {
    status.textContent = '';
    block.hidden = true;
    return;
  }
  status.textContent = 'Bezig met zoeken…';
  try {
    const year = filters.vergaderjaar;
    const groups = await loadGroups();
    const target = year ? groups.find((g) => g.name === year) : null;
    const pagefind = await loadPagefind(target?.name ?? groups[0]?.name);
    if (target) await mergeGroup(pagefind, target);
    const options = { filters, sort: q ? undefined : { datum: 'desc' } };
    let search = await pagefind.search(q || null, options);
    // Newest years first: merge older years in until there are enough results.
    if (!target) {
      for (let rest = await remainingGroups(); search.results.length < ENOUGH_PAGES && rest.length; rest = await remainingGroups()) {
        await mergeGroup(pagefind, rest[0]);
        search = await pagefind.search(q || null, options);
      }
    }
    lastParams = params;
    current = { results: search.results, shown: 0, items: 0, query: q };
    block.hidden = false;
    await showMore();
    const pages = search.results.length;
    const what = q ? `voor “${q}”` : 'met deze filters';
    const where = await searchedYears();
    older.hidden = Boolean(target) || (await remainingGroups()).length === 0;
    status.textContent =
      pages === 0
        ? `Geen resultaten ${what}${where}.`
        : `${pages} ${pages === 1 ? 'document' : 'documenten'} gevonden ${what}${where}; ${current.items} ${current.items === 1 ? 'resultaat' : 'resultaten'} getoond.`;
  } catch (error) {
    status.textContent = 'Zoeken lukte niet. Probeer het later opnieuw of blader via de lijsten.';
    console.error(error);
  }
}

/** @type {URLSearchParams | null} */
let lastParams = null;
older.addEventListener('click', async () => {
  const pagefind = await loadPagefind();
  const rest = await remainingGroups();
  // Two more years at a time keeps each step's download small.
  for (const g of rest.slice(0, 2)) await mergeGroup(pagefind, g);
  if (lastParams) await run(lastParams);
  status.focus();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams();
  const q = input.value.trim();
  if (q) params.set('q', q);
  for (const name of FILTERS) {
    const select = /** @type {HTMLSelectElement | null} */ (form.elements.namedItem(name));
    if (select?.value) params.set(name, select.value);
  }
  const url = `${location.pathname}${params.toString() ? `?${params}` : ''}`;
  history.pushState(null, '', url);
  void run(params);
});
more.addEventListener('click', async () => {
  const before = current.items;
  await showMore();
  // Move focus to the first new result so keyboard users continue where the new items start.
  const first = list.children[before]?.querySelector('a');
  first?.focus();
  status.textContent = `${current.items} resultaten getoond.`;
});
window.addEventListener('popstate', () => void run(new URLSearchParams(location.search)));
input.addEventListener('focus', () => void loadGroups(), { once: true });
void run(new URLSearchParams(location.search));
