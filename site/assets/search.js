// The search page: Pagefind's JavaScript API behind a plain, labelled form.
// Results and filters are ordinary links, checkboxes and a select, so they
// work with the keyboard and screen readers; the status line announces the
// number of hits. All paths are relative to this file, so the search works
// at the root of a host, under a sub-path, and in a copied folder.
//
// Before Pagefind sees a query, the page reads it as a Norwegian visitor means
// it (docs/search.md): question and function words are dropped when other
// words remain; a word the site does not know is matched to one it does, from
// the site's own vocabulary (/sok/ord.json): written without æ, ø and å, or
// misspelt ("Mente du …?"); quoted phrases narrow the hits, which are still
// ranked by their words; and a query that names a concept (in bokmål,
// nynorsk or English), an organisation or a theme page shows that page first.
const siteRoot = new URL('../', import.meta.url);
const pagefind = await import(new URL('pagefind/pagefind.js', siteRoot).href);
await pagefind.options({
  basePath: new URL('pagefind/', siteRoot).href,
  // Tuned with `npm run search-quality` (docs/search.md): long pages are not punished for their length,
  // a word in a concept's other terms counts almost as much as one in its title, and an entry's facts, type and year
  // count as little as a word of its text.
  ranking: { pageLength: 0.2, termSimilarity: 2, metaWeights: { title: 6, nn: 4, en: 4, admitted: 4, facts: 1, type: 1, year: 1 } },
});
pagefind.init();
/** A result's address relative to the site's root (Pagefind's start with the path the site is served under). */
const sitePath = (url) => (url.startsWith(siteRoot.pathname) ? url.slice(siteRoot.pathname.length) : url.replace(/^\//, ''));
const vocabularyLoad = fetch(new URL('sok/ord.json', siteRoot))
  .then((r) => (r.ok ? r.json() : undefined))
  .then((v) => v && new Vocabulary(v))
  .catch(() => undefined);

const form = document.querySelector('[data-search-form]');
const input = form.querySelector('input[name="q"]');
const options = document.querySelector('[data-search-options]');
const sort = options.querySelector('select[name="sort"]');
const filtersBox = options.querySelector('[data-search-filters]');
const status = document.querySelector('[data-search-status]');
const suggestion = document.querySelector('[data-search-suggestion]');
const list = document.querySelector('[data-search-results]');

const FILTER_ORDER = ['Innhold', 'Type publikasjon', 'Utgivelsesår', 'Oppdragsutfører', 'Språk'];
const KIND_ORDER = ['Kilde', 'Begrep', 'Organisasjon', 'Tema', 'Om'];

/* ---------- Words ---------- */

/** Words that only carry the question or the grammar; dropped when other words remain. */
const STOPWORDS = new Set(
  ('hva hvem hvor hvordan hvorfor hvilke hvilken hvilket når er var blir ble være et en ei den det de dei som og eller ' +
    'i på av til for med om fra frå å at kan skal vil bør må betyr betyder menes mener meiner jeg eg vi man seg sin sitt sine ' +
    'har hadde gjør gjøre noe noen ved etter under the of and a an what is are how')
    .split(' '),
);
const VOWELS = 'aeiouyæøå';
const lower = (w) => w.toLocaleLowerCase('nb');
const wordsOf = (text) => lower(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** A spelling without æ, ø and å, as people type them on a keyboard without: Bærum → baerum, Pådriv/Paadriv → padriv. */
function fold(word) {
  return lower(word)
    .replace(/æ|ä/g, 'ae')
    .replace(/ø|ö/g, 'o')
    .replace(/å|aa/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/** The start of the part after the first non-vowel that follows a vowel, at least 3 (Snowball's R1). */
function r1(word) {
  for (let i = 1; i < word.length; i++) {
    if (!VOWELS.includes(word[i]) && VOWELS.includes(word[i - 1])) return Math.max(3, i + 1);
  }
  return word.length;
}
const SUFFIXES = [
  'hetenes', 'hetene', 'hetens', 'endes', 'heten', 'heter', 'edes', 'enes', 'ande', 'ende', 'ede', 'ene', 'ens', 'ers', 'ets',
  'het', 'ast', 'ane', 'ar', 'en', 'er', 'as', 'es', 'et', 'a', 'e',
];
/** A Norwegian word without its inflection (Snowball's Norwegian stemmer, steps 1 and 2): entreprenørene, entreprenørar → entreprenør. */
function stem(word) {
  let w = lower(word);
  const start = r1(w);
  const suffix = SUFFIXES.find((s) => w.endsWith(s) && w.length - s.length >= start);
  if (suffix) w = w.slice(0, -suffix.length);
  else if ((w.endsWith('erte') || w.endsWith('ert')) && w.length - 3 >= start) w = w.replace(/erte?$/, 'er');
  else if (w.endsWith('s') && w.length - 1 >= start && /([bcdfghjlmnoprtvyz]|[^aeiouyæøå]k)s$/.test(w)) w = w.slice(0, -1);
  if ((w.endsWith('dt') || w.endsWith('vt')) && w.length - 1 >= start) w = w.slice(0, -1);
  return w;
}

/** Edit distance with swapped neighbours as one edit (innvoasjon → innovasjon: 1), or Infinity when above `max`. */
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let prev2 = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
      best = Math.min(best, row[j]);
    }
    if (best > max) return Infinity;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] <= max ? prev[b.length] : Infinity;
}

/** The site's words and names (/sok/ord.json, written by the build: site/_config/search-vocabulary.js). */
class Vocabulary {
  constructor({ words, names }) {
    this.count = new Map(words);
    this.sorted = words.map(([w]) => w);
    this.byFold = new Map();
    for (const [w, n] of words) {
      const f = fold(w);
      if (!this.byFold.has(f) || this.count.get(this.byFold.get(f)) < n) this.byFold.set(f, w);
    }
    this.folded = [...this.byFold.keys()];
    this.names = names.map(([text, url, kind]) => ({ text, url, kind, stems: new Set(contentWords(wordsOf(text)).map(stem)) }));
  }

  /** True when a site word is the word, starts with it, or starts with its stem (Pagefind finds those). */
  knows(word) {
    const w = lower(word);
    return this.count.has(w) || this.hasPrefix(w) || (stem(w).length >= 4 && this.hasPrefix(stem(w)));
  }

  hasPrefix(prefix) {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.sorted.length && this.sorted[lo].startsWith(prefix);
  }

  /** Site words close to an unknown word, best first: the same word without æøå, then the fewest edits, then the most used. */
  closest(word, loose = false) {
    const f = fold(word);
    if (this.byFold.has(f)) return [this.byFold.get(f)];
    const max = (f.length <= 5 ? 1 : 2) + (loose ? 1 : 0);
    const found = [];
    for (const candidate of this.folded) {
      if (candidate[0] !== f[0] && !loose) continue;
      const d = distance(f, candidate, max);
      if (d !== Infinity) found.push({ word: this.byFold.get(candidate), d });
    }
    found.sort((a, b) => a.d - b.d || this.count.get(b.word) - this.count.get(a.word));
    return found.map((c) => c.word);
  }

  /** The page a query names: all its words are words of the name, with the fewest other words; undefined when unclear. */
  named(words) {
    const q = new Set(words.map(stem));
    if (q.size === 0) return [];
    const best = new Map();
    for (const name of this.names) {
      if (![...q].every((s) => name.stems.has(s))) continue;
      const d = name.stems.size - q.size;
      if (d <= 2 && (!best.has(name.url) || best.get(name.url).d > d)) best.set(name.url, { ...name, d });
    }
    const ranked = [...best.values()].sort((a, b) => a.d - b.d);
    if (ranked.length === 0) return [];
    const top = ranked.filter((n) => n.d === ranked[0].d);
    // Several pages name the query equally well ("kommune"): let the ranking decide, unless the query is a whole
    // name or only one of them is a concept (the glossary defines the words the other pages use).
    if (top.length === 1 || top[0].d === 0) return top;
    const concepts = top.filter((n) => n.kind === 'Begrep');
    return concepts.length === 1 ? concepts : [];
  }
}

/** The words that carry meaning, or all words when there are no others. */
function contentWords(words) {
  const kept = words.filter((w) => !STOPWORDS.has(w));
  return kept.length > 0 ? kept : words;
}

/**
 * A query as typed, read: quoted phrases, the other words without question and
 * function words, and unknown words replaced by the site's (unless `asTyped`).
 */
function readQuery(text, vocabulary, asTyped) {
  const phrases = [];
  const rest = text.replace(/["«»“”]([^"«»“”]+)["«»“”]/g, (_, p) => (phrases.push(wordsOf(p)), ' '));
  const loose = wordsOf(rest);
  const all = [...phrases.flat(), ...loose];
  const keep = contentWords(all);
  const words = loose.filter((w) => keep.includes(w));
  const corrections = new Map();
  if (vocabulary && !asTyped) {
    for (const w of [...phrases.flat(), ...words]) {
      if (w.length < 4 || /\p{N}/u.test(w) || vocabulary.knows(w)) continue;
      const [best] = vocabulary.closest(w);
      if (best) corrections.set(w, best);
    }
  }
  const fix = (w) => corrections.get(w) ?? w;
  return {
    phrases: phrases.map((p) => p.map(fix)),
    words: words.map(fix),
    corrections,
    /** The query with the corrections, as shown to the visitor. */
    shown: corrections.size === 0 ? text : text.replace(/[\p{L}\p{N}]+/gu, (w) => corrections.get(lower(w)) ?? w),
  };
}

/* ---------- Searching ---------- */

/** Filters from the address, the one place that says what is chosen (so Back and Forward restore them). */
function chosenFilters(params) {
  const chosen = {};
  for (const name of FILTER_ORDER) if (params.getAll(name).length > 0) chosen[name] = { any: params.getAll(name) };
  return chosen;
}

/**
 * The ordered results and filter counts for a read query. Phrases choose the
 * hits (Pagefind's phrase search), their words and the other words rank them.
 */
async function searchFor(read, filters, sortBy) {
  const rankText = [...read.phrases.flat(), ...read.words].join(' ');
  const extra = sortBy ? { sort: sortBy } : {};
  const ranked = await pagefind.search(rankText || null, { filters, ...extra });
  if (read.phrases.length === 0) return { results: ranked.results, rankText, countText: rankText };
  const phraseText = [...read.phrases.map((p) => `"${p.join(' ')}"`), ...read.words].join(' ');
  const exact = await pagefind.search(phraseText, { filters, ...extra });
  const ids = new Set(exact.results.map((r) => r.id));
  const inRanked = ranked.results.filter((r) => ids.has(r.id));
  const seen = new Set(inRanked.map((r) => r.id));
  return { results: [...inRanked, ...exact.results.filter((r) => !seen.has(r.id))], rankText, countText: phraseText };
}

/** The result of the page the query names, if it is among the hits: found by searching its name among pages of its kind. */
async function namedResult(named, filters, results) {
  const ids = new Set(results.map((r) => r.id));
  for (const name of named) {
    if (filters.Innhold && !filters.Innhold.any.includes(name.kind)) continue;
    const found = await pagefind.search(name.text, { filters: { ...filters, Innhold: { any: [name.kind] } } });
    for (const result of found.results.slice(0, 3)) {
      if (!ids.has(result.id)) continue;
      const data = await result.data();
      if (sitePath(data.url) === name.url.replace(/^\//, '')) return result;
    }
  }
  return undefined;
}

/* ---------- Showing ---------- */

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

/** A link to a search, as the address of this page. */
function searchLink(text, query, asTyped) {
  const link = document.createElement('a');
  const next = new URLSearchParams({ q: query });
  if (asTyped) next.set('som-skrevet', '1');
  link.href = `?${next}`;
  link.textContent = text;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    navigate(next);
  });
  return link;
}

function showSuggestion(nodes) {
  suggestion.replaceChildren(...nodes);
  suggestion.hidden = nodes.length === 0;
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
    link.href = new URL(sitePath(data.url), siteRoot).href;
    link.textContent = data.meta.title ?? data.url;
    // What the page is, and for a source its type and year, so that sources with the same title can be told apart.
    const kind = document.createElement('span');
    kind.className = 'meta';
    const what = [(data.filters?.Innhold ?? []).join(', ')];
    if (data.meta.type) what[0] = `${what[0]}: ${data.meta.type}`;
    if (data.meta.year) what.push(data.meta.year);
    kind.textContent = ` ${what.filter(Boolean).join(', ')}`;
    const excerpt = document.createElement('p');
    excerpt.append(excerptNodes(data.excerpt ?? ''));
    li.append(link, kind, excerpt);
    return li;
  });
  list.append(...items);
  more.hidden = shown.count >= shown.ordered.length;
  return items[0];
}

/**
 * The filter groups, with the number of hits each value would give for this
 * query: a group's counts leave out the group's own choices (ticking a second
 * year adds hits), so a group with a choice is counted in a search of its own.
 */
let filtersLoad;
async function renderFilters(searchText, filters, sortBy) {
  // Pagefind counts filter values only once their index is loaded; it is loaded after the first results are shown.
  filtersLoad ??= pagefind.filters();
  await filtersLoad;
  const search = await pagefind.search(searchText, { filters, ...(sortBy ? { sort: sortBy } : {}) });
  const counts = {};
  for (const name of FILTER_ORDER) {
    if (!filters[name]) counts[name] = search.filters?.[name] ?? {};
    else {
      const others = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== name));
      const own = await pagefind.search(searchText, { filters: others, ...(sortBy ? { sort: sortBy } : {}) });
      counts[name] = own.filters?.[name] ?? {};
    }
  }
  const groups = [];
  for (const name of FILTER_ORDER) {
    const chosen = filters[name]?.any ?? [];
    const values = Object.entries(counts[name]).filter(([value, n]) => n > 0 || chosen.includes(value));
    for (const value of chosen) if (!values.some(([v]) => v === value)) values.push([value, 0]);
    if (values.length === 0) continue;
    const order =
      name === 'Innhold'
        ? ([a], [b]) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)
        : name === 'Utgivelsesår'
          ? ([a], [b]) => b.localeCompare(a)
          : ([a], [b]) => a.localeCompare(b, 'nb');
    const details = document.createElement('details');
    details.className = 'filter-group';
    details.open = name === 'Innhold' || chosen.length > 0;
    const summary = document.createElement('summary');
    summary.textContent = chosen.length > 0 ? `${name} (${chosen.length} valgt)` : name;
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.className = 'visually-hidden';
    legend.textContent = name;
    fieldset.append(legend);
    for (const [value, n] of values.sort(order)) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = chosen.includes(value);
      label.append(box, ` ${value} (${n})`);
      fieldset.append(label);
    }
    details.append(summary, fieldset);
    groups.push(details);
  }
  // Keep the open or closed state the visitor gave a group.
  const wasOpen = new Map([...filtersBox.querySelectorAll('details')].map((d) => [d.querySelector('input')?.name, d.open]));
  for (const d of groups) {
    const name = d.querySelector('input').name;
    if (wasOpen.has(name)) d.open = wasOpen.get(name) || d.open;
  }
  for (const d of groups) {
    // A folded group's boxes are hidden too, so nothing (a test, an extension) takes them for reachable.
    const fieldset = d.querySelector('fieldset');
    fieldset.hidden = !d.open;
    d.addEventListener('toggle', () => (fieldset.hidden = !d.open));
  }
  filtersBox.replaceChildren(...groups);
  options.hidden = false;
}

/** Run the search the address asks for. */
let runs = 0;
async function run() {
  const run = ++runs;
  const params = new URLSearchParams(location.search);
  const text = (params.get('q') ?? '').trim();
  const asTyped = params.get('som-skrevet') === '1';
  input.value = text;
  sort.value = params.get('sort') ?? '';
  const filters = chosenFilters(params);
  if (!text && Object.keys(filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    status.textContent = '';
    showSuggestion([]);
    return;
  }
  status.textContent = 'Søker …';
  const vocabulary = await vocabularyLoad;
  // Every indexed page has a year to sort by ('0000' when it has none), so sorting never drops a hit.
  const sortBy = sort.value === 'year-desc' ? { year: 'desc' } : undefined;
  let read = readQuery(text, vocabulary, asTyped);
  let found = await searchFor(read, filters, sortBy);
  if (read.corrections.size > 0 && found.results.length === 0) {
    // The corrected words find nothing either: search as typed.
    read = readQuery(text, vocabulary, true);
    found = await searchFor(read, filters, sortBy);
  }
  let ordered = found.results;
  if (text && !sortBy && vocabulary) {
    const named = vocabulary.named([...read.phrases.flat(), ...read.words]);
    const pinned = await namedResult(named, filters, ordered);
    if (pinned) ordered = [pinned, ...ordered.filter((r) => r.id !== pinned.id)];
  }
  if (run !== runs) return;
  shown = { ordered, count: 0 };
  list.replaceChildren();
  await showMore();
  const n = ordered.length;
  const what = text ? ` for «${read.shown}»` : '';
  status.textContent = n === 0 ? `Ingen treff${what}.` : `${n} treff${what}.`;
  if (read.corrections.size > 0) {
    const typed = [...read.corrections.keys()].map((w) => `«${w}»`).join(' og ');
    showSuggestion([
      'Mente du ',
      searchLink(`«${read.shown}»`, read.shown, false),
      `? Ingen sider har ${typed}, så treffene er for «${read.shown}». `,
      searchLink(`Søk likevel etter «${text}»`, text, true),
    ]);
  } else if (n === 0 && vocabulary && text) {
    // No hits: words of the site that are close to the unknown words.
    const unknown = [...read.phrases.flat(), ...read.words].filter((w) => w.length >= 3 && !vocabulary.knows(w));
    const ideas = [...new Set(unknown.flatMap((w) => vocabulary.closest(w, true).slice(0, 3)))].slice(0, 3);
    const nodes = ideas.length > 0 ? ['Mente du '] : [];
    ideas.forEach((idea, i) => nodes.push(...(i > 0 ? [i === ideas.length - 1 ? ' eller ' : ', '] : []), searchLink(`«${idea}»`, idea, false)));
    if (ideas.length > 0) nodes.push('?');
    showSuggestion(nodes);
  } else showSuggestion([]);
  await renderFilters(found.countText || null, filters, sortBy);
}

/* ---------- The address ---------- */

/** Show a new search and add it to the history, so that Back returns to the one before. */
function navigate(next) {
  const search = `?${next}`;
  if (search !== location.search) history.pushState(null, '', search);
  run();
}

function formParams() {
  const next = new URLSearchParams();
  if (input.value.trim()) next.set('q', input.value.trim());
  if (sort.value) next.set('sort', sort.value);
  for (const box of filtersBox.querySelectorAll('input[type="checkbox"]')) if (box.checked) next.append(box.name, box.value);
  return next;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(formParams());
});
options.addEventListener('change', () => navigate(formParams()));
window.addEventListener('popstate', () => run());
await run();
