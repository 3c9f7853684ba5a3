/**
 * Link the first mention of each glossary concept in a Markdown document, on
 * the syntax tree: text inside links, headings and code is left alone, and a
 * concept is never linked on its own page.
 */
import type { Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import type { TermFinder } from './concept-terms.ts';

export interface ConceptLinking {
  terms: TermFinder;
  /** The URL of a concept's page. */
  urlOf(conceptId: string): string;
  /** The concept whose own text this is: never linked to itself. */
  selfId?: string;
}

const SKIP = new Set(['link', 'linkReference', 'heading', 'code', 'inlineCode', 'html', 'definition', 'image', 'imageReference']);

/**
 * Link first mentions in place (concepts `linkedByHand` count as linked);
 * returns every concept mentioned in the text, in order of first mention.
 */
export function linkConcepts(tree: Root, linking: ConceptLinking, linkedByHand: Iterable<string>): string[] {
  const done = new Set(linkedByHand);
  if (linking.selfId) done.add(linking.selfId);
  const mentioned: string[] = [];
  const note = (id: string) => {
    if (!mentioned.includes(id)) mentioned.push(id);
  };
  const visit = (node: Parent) => {
    const children: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      if (child.type === 'text') children.push(...splitText(child));
      else {
        if ('children' in child && !SKIP.has(child.type)) visit(child as Parent);
        else if ('children' in child) collectMentions(child);
        children.push(child);
      }
    }
    (node as { children: Nodes[] }).children = children;
  };
  const collectMentions = (node: Nodes) => {
    if (node.type === 'text') for (const m of linking.terms.find(node.value)) note(m.conceptId);
    if ('children' in node) for (const c of node.children) collectMentions(c as Nodes);
  };
  const splitText = (text: Text): PhrasingContent[] => {
    const out: PhrasingContent[] = [];
    let from = 0;
    for (const m of linking.terms.find(text.value)) {
      note(m.conceptId);
      if (done.has(m.conceptId)) continue;
      done.add(m.conceptId);
      if (m.index > from) out.push({ type: 'text', value: text.value.slice(from, m.index) });
      out.push({ type: 'link', url: linking.urlOf(m.conceptId), children: [{ type: 'text', value: m.text }] });
      from = m.index + m.text.length;
    }
    if (out.length === 0) return [text];
    if (from < text.value.length) out.push({ type: 'text', value: text.value.slice(from) });
    return out;
  };
  visit(tree);
  return mentioned;
}
