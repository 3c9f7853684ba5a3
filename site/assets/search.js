// The search page: Pagefind's JavaScript API behind a plain, labelled form.
// Results and filters are ordinary links, checkboxes and a select, so they
// work with the keyboard and screen readers; the status line announces the
// number of hits. All paths are relative to this file, so the search works
// at the root of a host, under a sub-path, and in a copied folder.
const siteRoot = new URL('../', import.meta.url);
const pagefind = await import(new URL('pagefind/pagefind.js', siteRoot).href);
await pagefind.options({ basePath: new URL('pagefind/', siteRoot).href });
pagefind.init();

const form = document.querySelector('[data-search-form]');
const input = form.querySelector('input[name="q"]');
const sort = form.querySelector('select[name="sort"]');
const options = form.querySelector('[data-search-options]');
const filtersBox = form.querySelector('[data-search-filters]');
const status = document.querySelector('[data-search-status]');
const list = document.querySelector('[data-search-results]');

const FILTER_ORDER = ['Innhold', 'Type publikasjon', 'Utgivelsesår', 'Oppdragsutfører', 'Språk'];
const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
sort.value = params.get('sort') ?? '';

const decoder = document.createElement('textarea');

/** Only <mark> survives from Pagefind's excerpt; everything else is text. */
function excerptNodes(excerpt) {
  const fragment = document.createDocumentFragment();
  const parts = excerpt.split(/(<mark>|<\/mark>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      // A textarea decodes entities and keeps spaces (an HTML document would drop leading ones); it runs nothing.
      decoder.innerHTML = part;
      const text = document.createTextNode(decoder.value);
      if (marked) {
        const mark = document.createElement('mark');
        mark.append(text);
        fragment.append(mark);
      } else fragment.append(text);
    }
  }
  return fragment;
}

/** A word without its Norwegian inflection: entreprenørene → entreprenør, sosialt → sosial. */
function stem(word) {
  const w = word.toLocaleLowerCase('nb');
  for (const ending of ['ene', 'ets', 'ens', 'er', 'en', 'et', 'e', 't', 'a', 's']) {
    if (w.endsWith(ending) && w.length - ending.length >= 4) return w.slice(0, -ending.length);
  }
  return w;
}
const stems = (text) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(stem);

/**
 * How well a concept's term answers the query: every query word must be one
 * of the term's words (inflection aside); fewer extra words is better.
 * Returns the number of extra words, or -1 when the term does not match.
 */
function termDistance(query, term) {
  const q = stems(query);
  const t = stems(term);
  return q.length > 0 && q.every((w) => t.includes(w)) ? t.length - q.length : -1;
}

/**
 * The concept whose preferred or admitted term the query names, so it can be
 * shown first whatever the ranking of body text says.
 */
async function namedConcept(query, filters) {
  if (filters.Innhold && !filters.Innhold.any.includes('Begrep')) return undefined;
  const found = await pagefind.search(query, { filters: { ...filters, Innhold: { any: ['Begrep'] } } });
  let best;
  for (const result of found.results.slice(0, 3)) {
    const data = await result.data();
    const terms = [data.meta.title ?? '', ...(data.meta.terms ?? '').split('|')].filter(Boolean);
    const distances = terms.map((t) => termDistance(query, t)).filter((d) => d >= 0);
    if (distances.length === 0) continue;
    const distance = Math.min(...distances);
    if (!best || distance < best.distance) best = { id: result.id, distance };
  }
  return best?.id;
}

function chosenFilters() {
  const chosen = {};
  const boxes = filtersBox.querySelectorAll('input[type="checkbox"]');
  if (boxes.length === 0) {
    // Before the filters are shown (they load after the first results), the address says which are chosen.
    for (const name of FILTER_ORDER) if (params.getAll(name).length > 0) chosen[name] = params.getAll(name);
  }
  for (const box of boxes) if (box.checked) (chosen[box.name] ??= []).push(box.value);
  return Object.fromEntries(Object.entries(chosen).map(([k, v]) => [k, { any: v }]));
}

async function renderFilters() {
  const available = await pagefind.filters();
  filtersBox.replaceChildren();
  for (const name of FILTER_ORDER) {
    const values = available[name];
    if (!values || Object.keys(values).length === 0) continue;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = name;
    fieldset.append(legend);
    const entries = Object.entries(values).sort(([a], [b]) => (name === 'Utgivelsesår' ? b.localeCompare(a) : a.localeCompare(b, 'nb')));
    for (const [value, count] of entries) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = params.getAll(name).includes(value);
      label.append(box, ` ${value} (${count})`);
      fieldset.append(label);
    }
    filtersBox.append(fieldset);
  }
  options.hidden = false;
}

async function run() {
  const query = input.value.trim();
  const filters = chosenFilters();
  if (!query && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  status.textContent = 'Søker …';
  // Every indexed page has a year to sort by ('0000' when it has none), so sorting never drops a hit.
  const sortBy = sort.value === 'year-desc' ? { year: 'desc' } : undefined;
  const search = await pagefind.search(query || null, { filters, ...(sortBy ? { sort: sortBy } : {}) });
  let ordered = search.results;
  const pinned = query && !sortBy ? await namedConcept(query, filters) : undefined;
  if (pinned) ordered = [...ordered.filter((r) => r.id === pinned), ...ordered.filter((r) => r.id !== pinned)];
  shown = { ordered, count: 0 };
  list.replaceChildren();
  await showMore();
  const n = search.results.length;
  const what = query ? ` for «${query}»` : '';
  status.textContent = n === 0 ? `Ingen treff${what}.` : `${n} treff${what}.`;
}

/** The results being shown, and how many of them are on the page. */
let shown = { ordered: [], count: 0 };
const PAGE_SIZE = 10;
const more = document.createElement('button');
more.type = 'button';
more.className = 'more-results';
more.textContent = 'Vis flere treff';
more.hidden = true;
list.after(more);
more.addEventListener('click', async () => {
  const first = await showMore();
  first?.querySelector('a')?.focus();
});

/** Add the next page of results to the list; returns the first item added. */
async function showMore() {
  const next = shown.ordered.slice(shown.count, shown.count + PAGE_SIZE);
  const results = await Promise.all(next.map((r) => r.data()));
  shown.count += next.length;
  const items = results.map((data) => {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = new URL(data.url.replace(/^\//, ''), siteRoot).href;
    link.textContent = data.meta.title ?? data.url;
    const kind = document.createElement('span');
    kind.className = 'meta';
    kind.textContent = ` ${(data.filters?.Innhold ?? []).join(', ')}`;
    const excerpt = document.createElement('p');
    excerpt.append(excerptNodes(data.excerpt ?? ''));
    li.append(link, kind, excerpt);
    return li;
  });
  list.append(...items);
  more.hidden = shown.count >= shown.ordered.length;
  return items[0];
}

function remember() {
  const next = new URLSearchParams();
  if (input.value.trim()) next.set('q', input.value.trim());
  if (sort.value) next.set('sort', sort.value);
  for (const [name, { any }] of Object.entries(chosenFilters())) for (const v of any) next.append(name, v);
  history.replaceState(null, '', `?${next}`);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  remember();
  run();
});
form.addEventListener('change', (event) => {
  if (event.target === input) return;
  remember();
  run();
});
// Results first, filters after: the filter lists are not needed to show the first results.
await run();
await renderFilters();
