/**
 * Markdown → safe HTML through unified (remark-parse → remark-rehype →
 * rehype-sanitize → rehype-stringify). Links of the form `kilde:<key>`,
 * `begrep:<id>` and `organisasjon:<id>` are resolved to site URLs; the ones that
 * point nowhere are returned so the caller can report them.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdRoot, Nodes as MdNodes, PhrasingContent } from 'mdast';
import { linkConcepts, type ConceptLinking } from './link-concepts.ts';

export type LinkPrefix = 'kilde' | 'begrep' | 'organisasjon';

/** Gives the site URL of a record, or undefined when there is no such record. */
export type ResolveRecord = (kind: LinkPrefix, id: string) => string | undefined;

export interface RenderedMarkdown {
  html: string;
  /** Plain text on one line, for meta descriptions and the search index. */
  text: string;
  /** Plain text with its structure: a line per paragraph and list item, ordered items numbered, bullets as '–'. */
  lines: string;
  /** Record links that did not resolve, as written (`kilde:nokkel`). */
  unresolved: string[];
  /** Line of each unresolved link, relative to the start of the Markdown. */
  unresolvedLines: number[];
  /** Images from other hosts, which are left out (a page may only show the site's own images), with their lines. */
  externalImages: Array<{ url: string; line: number }>;
  /** Glossary concepts the text mentions, in order of first mention (with `linking`). */
  concepts: string[];
}

/**
 * Remove images that load from another host (an image would let that host see
 * every visitor: a tracking pixel). The site shows only its own images.
 */
function dropExternalImages(tree: MdRoot): Array<{ url: string; line: number }> {
  const definitions = new Map<string, string>();
  walk(tree, (n) => {
    if (n.type === 'definition') definitions.set(n.identifier, n.url);
  });
  const dropped: Array<{ url: string; line: number }> = [];
  const visit = (n: MdNodes): void => {
    if (!('children' in n)) return;
    const children = n.children as MdNodes[];
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i]!;
      const url = c.type === 'image' ? c.url : c.type === 'imageReference' ? definitions.get(c.identifier) : undefined;
      if (url !== undefined && isExternal(url)) {
        dropped.unshift({ url, line: c.position?.start.line ?? 1 });
        children.splice(i, 1);
      } else visit(c);
    }
  };
  visit(tree);
  return dropped;
}

/** A record link; the prefix in any case, and any id, so that 'kilde:Loga-2016' is reported rather than left without an address. */
const RECORD_LINK = /^(kilde|begrep|organisasjon):(\S+)$/i;

/** A URL that loads from another host: with a scheme (`https:`, `data:` …) or protocol-relative (`//host/…`). */
const isExternal = (url: string): boolean => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url.trim());

function walk(node: MdNodes, visit: (n: MdNodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as MdNodes, visit);
}

function plainText(node: MdNodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (!('children' in node)) return '';
  const separator = node.type === 'root' || node.type === 'list' ? ' ' : '';
  return (node.children as MdNodes[]).map(plainText).join(separator);
}

const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'code', 'html', 'thematicBreak', 'table', 'tableRow']);

/** Text with a line per block and list item (for RDF literals, which keep line breaks). */
function structuredText(node: MdNodes): string {
  const out: string[] = [];
  const visit = (n: MdNodes, marker: string): void => {
    if (n.type === 'text' || n.type === 'inlineCode') out.push(n.value);
    else if (n.type === 'break') out.push('\n');
    else if (n.type === 'list') {
      n.children.forEach((item, i) => visit(item as MdNodes, n.ordered ? `${(n.start ?? 1) + i}. ` : '– '));
      out.push('\n');
    } else if (n.type === 'listItem') {
      out.push(`\n${marker}`);
      // The item's first paragraph continues the marker's line.
      n.children.forEach((child, i) => {
        if (i === 0 && child.type === 'paragraph') for (const inline of child.children) visit(inline as MdNodes, '');
        else visit(child as MdNodes, '');
      });
      out.push('\n');
    } else if ('children' in n) {
      const block = BLOCKS.has(n.type);
      if (block) out.push('\n');
      for (const child of n.children as MdNodes[]) visit(child, '');
      if (block) out.push('\n');
    }
  };
  visit(node, '');
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

/** Text with no character that can begin inline syntax (emphasis, code, links, images, HTML, character references, escapes) and no control character. */
const PLAIN_RUN = /^[^\p{Cc}\p{Cs}\\`*_[\]<>&]*$/u;
/**
 * A link whose text is plain (and has no white space at its ends) and whose
 * destination has only characters of URLs that Markdown takes as they are (no
 * white space, parentheses, quotes, escapes or character references).
 */
const SIMPLE_LINK =
  /\[([^\p{Cc}\p{Cs}\s\\`*_[\]<>&](?:[^\p{Cc}\p{Cs}\\`*_[\]<>&]*[^\p{Cc}\p{Cs}\s\\`*_[\]<>&])?)\]\(([\w:/.~%?#=+@$,;-]+)\)/gu;

/**
 * The syntax tree of a text that Markdown reads as one paragraph of plain text
 * and simple links (see {@link SIMPLE_LINK}), built without the parser; most
 * abstracts and notes are such. That is one line that begins with a letter, a
 * digit or a link (not with a list number such as "1." or "2)") and does not
 * end with white space, whose text outside the links is plain (see
 * {@link PLAIN_RUN}) and has no '!' before a link (that would be an image).
 * Undefined for any other text.
 */
function simpleTree(markdown: string): MdRoot | undefined {
  if (!/^[\p{L}\p{N}[]/u.test(markdown) || /^\d+[.)]|\s$/u.test(markdown)) return undefined;
  const children: PhrasingContent[] = [];
  let from = 0;
  const text = (to: number): boolean => {
    const value = markdown.slice(from, to);
    if (!PLAIN_RUN.test(value)) return false;
    if (value !== '') children.push({ type: 'text', value });
    return true;
  };
  if (markdown.includes('](')) {
    for (const m of markdown.matchAll(SIMPLE_LINK)) {
      if (!text(m.index) || markdown[m.index - 1] === '!') return undefined;
      children.push({ type: 'link', title: null, url: m[2]!, children: [{ type: 'text', value: m[1]! }] });
      from = m.index + m[0].length;
    }
  }
  if (!text(markdown.length)) return undefined;
  return { type: 'root', children: [{ type: 'paragraph', children }] };
}

/** The syntax tree of Markdown (without positions where the text is simple, see {@link simpleTree}). */
export function parseMarkdown(markdown: string): MdRoot {
  return simpleTree(markdown) ?? (processor.parse(markdown) as MdRoot);
}

/** A site path that HTML, sanitising and URL normalising all leave as it is. */
const SAFE_PATH = /^\/[a-z0-9/-]*$/;

/**
 * The HTML of a simple text's tree (see {@link simpleTree}) once its links are
 * resolved and concepts linked in it, as the processor would write it: the
 * text needs no escaping (it has no '<' or '&'), and the links are to the
 * site's own paths. Undefined for any other tree.
 */
function plainHtml(tree: MdRoot): string | undefined {
  const [paragraph, ...rest] = tree.children;
  if (paragraph?.type !== 'paragraph' || rest.length > 0) return undefined;
  let html = '<p>';
  for (const node of paragraph.children) {
    if (node.type === 'text') html += node.value;
    else if (
      node.type === 'link' &&
      node.title == null &&
      SAFE_PATH.test(node.url) &&
      node.children.length === 1 &&
      node.children[0]!.type === 'text'
    )
      html += `<a href="${node.url}">${node.children[0]!.value}</a>`;
    else return undefined;
  }
  return `${html}</p>`;
}

/**
 * With `linking`, the first mention of each glossary concept becomes a link
 * to it (see link-concepts.ts).
 */
export function renderMarkdown(markdown: string, resolve: ResolveRecord, linking?: ConceptLinking): RenderedMarkdown {
  const simple = simpleTree(markdown);
  const tree = simple ?? (processor.parse(markdown) as MdRoot);
  const unresolved: string[] = [];
  const unresolvedLines: number[] = [];
  const externalImages = dropExternalImages(tree);
  const handLinked: string[] = [];
  walk(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const m = RECORD_LINK.exec(node.url);
    if (!m) return;
    const prefix = m[1]!.toLowerCase() as LinkPrefix;
    const url = resolve(prefix, m[2]!);
    if (prefix === 'begrep') handLinked.push(m[2]!);
    if (url === undefined) {
      unresolved.push(node.url);
      unresolvedLines.push(node.position?.start.line ?? 1);
    } else {
      node.url = url;
    }
  });
  const concepts = linking ? linkConcepts(tree, linking, handLinked) : [];
  const html = (simple ? plainHtml(tree) : undefined) ?? processor.stringify(processor.runSync(tree)).trim();
  const text = plainText(tree).replace(/\s+/g, ' ').trim();
  return {
    html,
    text,
    // A simple text is one line: its structured text is its text.
    lines: simple ? text : structuredText(tree),
    unresolved,
    unresolvedLines,
    externalImages,
    concepts,
  };
}

/** Could the text hold a record link or an image at all? Most texts cannot, and need no parsing to know. */
const MAY_LINK = /(kilde|begrep|organisasjon):|!\[/i;

/**
 * Only the record links of a text, for checking: parsed where the text may
 * hold one, never rendered (html, text and lines are empty).
 */
export function recordLinks(markdown: string, resolve: ResolveRecord): RenderedMarkdown {
  const unresolved: string[] = [];
  const unresolvedLines: number[] = [];
  let externalImages: RenderedMarkdown['externalImages'] = [];
  if (MAY_LINK.test(markdown)) {
    const tree = parseMarkdown(markdown);
    externalImages = dropExternalImages(tree);
    walk(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'definition') return;
      const m = RECORD_LINK.exec(node.url);
      if (m && resolve(m[1]!.toLowerCase() as LinkPrefix, m[2]!) === undefined) {
        unresolved.push(node.url);
        unresolvedLines.push(node.position?.start.line ?? 1);
      }
    });
  }
  return { html: '', text: '', lines: '', unresolved, unresolvedLines, externalImages, concepts: [] };
}
