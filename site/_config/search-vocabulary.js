// The site's own vocabulary for the search page (/sok/ord.json, read by site/assets/search.js): every word
// of the searchable text with the number of pages it occurs on, so that a query word the site does not
// know can be matched to one it does ("entreprenorer" → "entreprenører", "innvoasjon" → "innovasjon");
// and the names of concepts (in bokmål, nynorsk and English, and their admitted terms), organisations and
// theme pages, so that a query naming one of them shows it first.
import { readFileSync } from 'node:fs';

/** The about page is written in its template, not in the data: its words are read from there. */
const ABOUT_TEMPLATE = new URL('../om/index.njk', import.meta.url);

/** @param {string} text */
function words(text) {
  return text
    .toLocaleLowerCase('nb')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && /\p{L}/u.test(w));
}

/** Markdown or HTML as plain text: link targets, tags and template code dropped. @param {string} text */
function plain(text) {
  return text
    .replace(/\{[{%#][\s\S]*?[}%#]\}/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

/**
 * @param {string[][]} entryTexts each entry's searchable texts (pipeline/enrich/search-text.ts)
 * @param {any[]} glossary
 * @param {any[]} organisations
 * @param {any[]} pages
 * @returns {string} JSON: { words: [word, pages][], names: [name, url, kind][] }
 */
export function searchVocabulary(entryTexts, glossary, organisations, pages) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  /** @param {(string | undefined)[]} texts */
  const page = (texts) => {
    for (const w of new Set(words(plain(texts.filter(Boolean).join(' '))))) counts.set(w, (counts.get(w) ?? 0) + 1);
  };
  /** @type {[string, string, string][]} */
  const names = [];
  for (const texts of entryTexts) page(texts);
  for (const c of glossary) {
    const terms = [c.termNb, c.termNn, c.termEn, ...(c.admitted ?? [])].filter(Boolean);
    page([...terms, ...(c.discouraged ?? []), c.subject, c.definition?.markdown, c.note?.markdown, c.example?.markdown]);
    for (const t of new Set(terms)) names.push([t, c.url, 'Begrep']);
  }
  for (const o of organisations) {
    page([o.name, o.shortName, o.type, o.place, o.note?.markdown]);
    names.push([o.name, o.url, 'Organisasjon']);
    if (o.shortName) names.push([o.shortName, o.url, 'Organisasjon']);
  }
  for (const p of pages) {
    page([p.title, p.text]);
    names.push([p.title, p.url, 'Tema']);
  }
  page([plain(readFileSync(ABOUT_TEMPLATE, 'utf8'))]);
  const sorted = [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify({ words: sorted, names });
}
