/**
 * Link the drafts into the emitted dataset: resolve every reference between
 * records (reporting the ones that point nowhere), render Markdown, compute the
 * back-links (who cites, uses and publishes what) and sort everything in a
 * stable Norwegian order. Citations are added by a later stage.
 */
import { organisationsByName } from '../lib/organisation-names.ts';
import type { Ingested } from '../normalise/ingest.ts';
import { isReport, publicationType } from '../model/publication-types.ts';
import { URLS } from '../model/urls.ts';
import { fullTitle, nameDisplay } from '../model/facts.ts';
import {
  BIBLIOGRAPHY_COLUMNS,
  DEFINITION_COLUMNS,
  GLOSSARY_COLUMNS,
  ORGANISATION_COLUMNS,
  type ColumnSpec,
  type RecordKind,
} from '../model/columns.ts';
import type {
  Concept,
  IntroPage,
  JsonFields,
  Link,
  LinkedDataset,
  LinkedEntry,
  Organisation,
  OrganisationWork,
  Rendered,
  SourceRef,
} from '../model/types.ts';
import { compareNb, indexLetter } from '../lib/collation.ts';
import type { BibDraft, DefinitionDraft } from '../model/drafts.ts';
import { error, warning, type Position, type Problem } from '../model/problems.ts';
import { termFinder } from './concept-terms.ts';
import { recordLinks, renderMarkdown, type LinkPrefix } from './markdown.ts';
import { toCslItem } from './csl-item.ts';
import { LANGUAGE_LABELS } from '../check/languages.ts';
import { suggestion } from '../lib/closest.ts';

/** How an organisation's role in a work is named on its page. */
const ROLE_LABELS = {
  author: 'Forfatter',
  performer: 'Oppdragsutfører',
  commissioner: 'Oppdragsgiver',
  publisher: 'Utgiver',
} as const;

type At = Partial<Record<string, Position & { field: string }>>;

function positionOf(at: At, field: string, sources: SourceRef[]): Position & { field?: string } {
  return at[field] ?? { file: sources[0]!.file, line: sources[0]!.line, column: 1 };
}

/** How the linking of one record's columns renders Markdown and resolves references. */
interface ColumnLinker {
  markdown(field: string, text: string, at: Position & { field?: string }): Rendered;
  resolve(ids: string[], kind: RecordKind, at: Position & { field?: string }): Link[];
}

/**
 * A draft's columns as emitted: plain values copied under the same name,
 * Markdown rendered, references resolved to links. Derived from the columns,
 * so a new plain column needs no code here.
 */
function linkColumns<C extends readonly ColumnSpec[]>(
  columns: C,
  record: object,
  at: (field: string) => Position & { field?: string },
  linker: ColumnLinker,
  except: readonly string[] = [],
): JsonFields<C> {
  const out: Record<string, unknown> = {};
  const draft = record as Record<string, unknown>;
  for (const c of columns) {
    if (except.includes(c.field)) continue;
    const value = draft[c.field];
    if (c.kind === 'markdown') {
      if (typeof value === 'string') out[c.field] = linker.markdown(c.field, value, at(c.field));
    } else if (c.refers) {
      if (c.kind === 'ids') out[c.field] = linker.resolve(value as string[], c.refers, at(c.field));
      else if (typeof value === 'string') {
        const [resolved] = linker.resolve([value], c.refers, at(c.field));
        if (resolved) out[c.field] = resolved;
      }
    } else if (value !== undefined) out[c.field] = value;
  }
  return out as JsonFields<C>;
}

/** Add to a map of lists, in place (no copy of the list per item). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "Jill M. Loga, Ivar Eimhjellen og Nordisk ministerråd". */
export function authorsDisplay(d: Pick<BibDraft, 'persons' | 'corporateAuthors'>): string {
  const names = [...d.persons.map(nameDisplay), ...d.corporateAuthors];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} og ${names[names.length - 1]}`;
}

export interface LinkOptions {
  /**
   * Only the problems are wanted (`npm run check`): Markdown is parsed only
   * where it holds a record link, and not rendered, and no concept is looked
   * for in the texts. The dataset is then incomplete and must not be emitted.
   */
  checkOnly?: boolean;
}

export function link(ingested: Ingested, options: LinkOptions = {}): { dataset: LinkedDataset; problems: Problem[] } {
  const checkOnly = options.checkOnly === true;
  const { drafts } = ingested;
  const problems: Problem[] = [];
  const entries = new Map(drafts.bibliography.map((d) => [d.key, d]));
  const concepts = new Map(drafts.glossary.map((d) => [d.id, d]));
  const orgs = new Map(drafts.organisations.map((d) => [d.id, d]));

  const entryLink = (key: string): Link => ({ id: key, label: entries.get(key)!.title, url: URLS.entry(key) });
  const conceptLink = (id: string): Link => ({ id, label: concepts.get(id)!.termNb, url: URLS.concept(id) });
  const orgLink = (id: string): Link => ({ id, label: orgs.get(id)!.name, url: URLS.organisation(id) });

  const { notRead } = ingested;
  const FILE_OF: Record<RecordKind, string> = { entry: 'bibliografi.csv', concept: 'begreper.csv', organisation: 'organisasjoner.csv' };
  const idsOf: Record<RecordKind, () => string[]> = {
    entry: () => [...entries.keys()],
    concept: () => [...concepts.keys()],
    organisation: () => [...orgs.keys()],
  };
  /**
   * A reference to nothing, reported by its cause: nothing when the whole
   * file could not be read (that file's problem says it), a pointer to the
   * error when the row was left out because of its own error, and
   * 'unknown-reference' only when no such record was ever written.
   */
  const reportMissing = (kind: RecordKind, id: string, at: Position & { field?: string }, missing: () => Problem): void => {
    if (notRead.brokenFiles.has(kind)) return;
    const cause = notRead.leftOut[kind].get(id);
    if (cause) {
      const where = `${cause.file}:${cause.line}`;
      problems.push(warning('reference-to-left-out', at, { id, file: FILE_OF[kind], cause: where }, at.field));
      return;
    }
    problems.push(missing());
  };
  /** Resolve ids of one kind, reporting each that does not exist. */
  const resolveIds = (ids: string[], kind: RecordKind, at: Position & { field?: string }): Link[] => {
    const [table, toLink] = kind === 'entry' ? [entries, entryLink] : kind === 'concept' ? [concepts, conceptLink] : [orgs, orgLink];
    const links: Link[] = [];
    for (const id of ids) {
      if (table.has(id)) links.push(toLink(id));
      else
        reportMissing(kind, id, at, () =>
          error('unknown-reference', at, { variant: 'id', id, file: FILE_OF[kind], ...suggestion(id, idsOf[kind]()) }, at.field),
        );
    }
    return links;
  };

  const KIND_OF: Record<LinkPrefix, RecordKind> = { kilde: 'entry', begrep: 'concept', organisasjon: 'organisation' };
  const resolveRecord = (kind: LinkPrefix, id: string): string | undefined => {
    if (kind === 'kilde') return entries.has(id) ? URLS.entry(id) : undefined;
    if (kind === 'begrep') return concepts.has(id) ? URLS.concept(id) : undefined;
    return orgs.has(id) ? URLS.organisation(id) : undefined;
  };
  // The first mention of a concept in any Markdown text links to it.
  const terms = termFinder(drafts.glossary.map((c) => ({ id: c.id, terms: [c.termNb, ...c.admitted] })));
  const markdown = (text: string | undefined, at: Position & { field?: string }, selfId?: string) => {
    if (text === undefined) return undefined;
    const r = checkOnly
      ? recordLinks(text, resolveRecord)
      : renderMarkdown(text, resolveRecord, { terms, urlOf: URLS.concept, ...(selfId ? { selfId } : {}) });
    for (const image of r.externalImages)
      problems.push(error('external-image', { ...at, line: at.line + image.line - 1 }, { url: image.url }, at.field));
    r.unresolved.forEach((target, i) => {
      const where = { ...at, line: at.line + (r.unresolvedLines[i] ?? 1) - 1 };
      const m = /^([a-z]+):(.*)$/i.exec(target);
      const prefix = m?.[1]?.toLowerCase() as LinkPrefix | undefined;
      const kind = prefix && Object.hasOwn(KIND_OF, prefix) ? KIND_OF[prefix] : undefined;
      const id = m?.[2] ?? '';
      const near = kind ? suggestion(id, idsOf[kind]()).suggestion : undefined;
      const missing = () =>
        error('unknown-reference', where, { variant: 'link', target, ...(near ? { suggestion: `${prefix}:${near}` } : {}) }, at.field);
      if (kind) reportMissing(kind, id, where, missing);
      else problems.push(missing());
    });
    return r;
  };

  // Concepts first: entries list the concepts that cite and use them.
  // Further definitions, by concept; one for a concept that does not exist is reported.
  const definitionsOf = new Map<string, DefinitionDraft[]>();
  for (const def of drafts.definitions) {
    const at = positionOf(def.at, 'concept', def.sources);
    if (!concepts.has(def.concept)) {
      reportMissing('concept', def.concept, at, () =>
        error('unknown-reference', at, { variant: 'definition', id: def.concept, ...suggestion(def.concept, idsOf.concept()) }, at.field),
      );
      continue;
    }
    pushTo(definitionsOf, def.concept, def);
  }
  /** Markdown rendered, and references resolved, for one record's columns. */
  const linker = (selfId?: string, found?: (field: string, concepts: string[]) => void): ColumnLinker => ({
    markdown(field, text, at) {
      const r = markdown(text, at, selfId)!;
      found?.(field, r.concepts);
      return { markdown: text, html: r.html, text: r.text, lines: r.lines };
    },
    resolve: (ids, kind, at) => resolveIds(ids, kind, at),
  });

  const conceptList: Concept[] = drafts.glossary.map((d) => {
    const pos = (f: string) => positionOf(d.at, f, d.sources);
    for (const [field, ids] of [
      ['related', d.related],
      ['broader', d.broader],
      ['narrower', d.narrower],
    ] as const) {
      if (ids.includes(d.id)) problems.push(error('self-reference', pos(field), { id: d.id }, pos(field).field));
    }
    const otherDefinitions = (definitionsOf.get(d.id) ?? []).flatMap((def) => {
      const linked = linkColumns(DEFINITION_COLUMNS, def, (f) => positionOf(def.at, f, def.sources), linker(d.id), ['concept']);
      return linked.source ? [linked] : [];
    });
    const sortKey = d.sortKey ?? d.termNb;
    return {
      ...linkColumns(GLOSSARY_COLUMNS, d, pos, linker(d.id)),
      url: URLS.concept(d.id),
      otherDefinitions,
      sortKey,
      letter: indexLetter(sortKey),
      usedIn: [],
      sources: d.sources,
    };
  });
  // Relations go both ways: report the ones recorded on one side only.
  const inverse = { related: 'related', broader: 'narrower', narrower: 'broader' } as const;
  for (const d of drafts.glossary) {
    for (const field of ['related', 'broader', 'narrower'] as const) {
      for (const other of d[field]) {
        const o = concepts.get(other);
        if (o && other !== d.id && !o[inverse[field]].includes(d.id)) {
          const at = positionOf(d.at, field, d.sources);
          problems.push(
            warning(
              'relation-one-way',
              at,
              {
                id: d.id,
                other,
                column: inverse[field] === 'related' ? 'Se også' : inverse[field] === 'broader' ? 'Overordnet' : 'Underordnet',
              },
              at.field,
            ),
          );
        }
      }
    }
  }

  /** A publisher as the entry's corporate author writes it ("KS"), so styles can see they are the same. */
  const publisherName = (id: string, corporateAuthors: string[]): string => {
    const o = orgs.get(id)!;
    return corporateAuthors.find((a) => a === o.name || a === o.shortName) ?? o.name;
  };
  const organisationIdsByName = organisationsByName(drafts.organisations);
  const citedPublishers = (d: BibDraft, publishers: Link[], performers: Link[]): string[] => {
    const named = [...publishers.map((p) => publisherName(p.id, d.corporateAuthors)), ...d.publisherNames];
    if (named.length > 0 || !isReport(d.type)) return named;
    return performers.map((p) => publisherName(p.id, d.corporateAuthors));
  };
  const works = new Map<string, OrganisationWork[]>();
  /** Each organisation's line for a work, by organisation and key: found without scanning its list. */
  const workLine = new Map<string, OrganisationWork>();
  // Lookups for the loop over entries, built once (not a scan of the glossary per entry).
  const conceptsById = new Map<string, Concept[]>();
  const conceptOrder = new Map<Concept, number>();
  const citingConcepts = new Map<string, Concept[]>();
  conceptList.forEach((c, i) => {
    pushTo(conceptsById, c.id, c);
    conceptOrder.set(c, i);
    for (const key of new Set([c.source?.id, c.noteSource?.id, ...c.otherDefinitions.map((def) => def.source.id)]))
      if (key !== undefined) pushTo(citingConcepts, key, c);
  });
  // Titles and keywords repeat across entries: find the terms in each distinct text once.
  const termIdsIn = new Map<string, string[]>();
  const findTermIds = (text: string): string[] => {
    let ids = termIdsIn.get(text);
    if (!ids) termIdsIn.set(text, (ids = terms.find(text).map((m) => m.conceptId)));
    return ids;
  };
  const bibliography: LinkedEntry[] = drafts.bibliography.map((d) => {
    const pos = (f: string) => positionOf(d.at, f, d.sources);
    let abstractConcepts: string[] = [];
    const columns = linkColumns(
      BIBLIOGRAPHY_COLUMNS,
      d,
      pos,
      linker(undefined, (field, found) => {
        if (field === 'abstract') abstractConcepts = found;
      }),
    );
    const { performers, commissioners, publishers } = columns;
    // An organisation that is a corporate author (by name or short name) lists the work too.
    const authoredBy = d.corporateAuthors.flatMap(organisationIdsByName).map(orgLink);
    for (const [role, links] of [
      ['author', authoredBy],
      ['performer', performers],
      ['commissioner', commissioners],
      ['publisher', publishers],
    ] as const) {
      for (const l of links) {
        // One line per work; an organisation with several roles in it gets them joined.
        const lineKey = `${l.id}\u0000${d.key}`;
        const existing = workLine.get(lineKey);
        if (!existing) {
          const line = { ...entryLink(d.key), role: ROLE_LABELS[role] };
          workLine.set(lineKey, line);
          pushTo(works, l.id, line);
        } else if (!existing.role.split(', ').includes(ROLE_LABELS[role])) existing.role += `, ${ROLE_LABELS[role]}`;
      }
    }
    // Concepts the entry uses: named in its title, abstract or keywords.
    const usedIds = checkOnly
      ? new Set<string>()
      : new Set([...abstractConcepts, ...[d.title, d.subtitle ?? '', ...d.keywords].flatMap(findTermIds)]);
    const used = [...usedIds].flatMap((id) => conceptsById.get(id) ?? []).sort((a, b) => conceptOrder.get(a)! - conceptOrder.get(b)!);
    // A report without a named publisher is issued by the institution that did the work.
    const issuedBy = citedPublishers(d, publishers, performers);
    const entry: LinkedEntry = {
      ...columns,
      url: URLS.entry(d.key),
      typeLabel: publicationType(d.type).label,
      fullTitle: fullTitle(d),
      authorsDisplay: authorsDisplay(d),
      publisherNames: d.publisherNames,
      issuedBy,
      ...(d.language ? { languageLabel: LANGUAGE_LABELS[d.language] } : {}),
      citedBy: (citingConcepts.get(d.key) ?? []).map((c) => conceptLink(c.id)),
      concepts: used.map((c) => conceptLink(c.id)),
      references: [],
      csl: toCslItem(d, issuedBy, columns.abstract?.text),
      sources: d.sources,
    };
    for (const c of used) conceptsById.get(c.id)![0]!.usedIn.push(entryLink(d.key));
    return entry;
  });

  const organisations: Organisation[] = drafts.organisations.map((d) => ({
    ...linkColumns(ORGANISATION_COLUMNS, d, (f) => positionOf(d.at, f, d.sources), linker()),
    url: URLS.organisation(d.id),
    works: works.get(d.id) ?? [],
    sources: d.sources,
  }));

  const pages: IntroPage[] = drafts.pages.map((d) => {
    const body = markdown(d.body, { file: d.sources[0]!.file, line: 1, column: 1 })!;
    return { slug: d.slug, url: URLS.page(d.slug), title: d.title, order: d.order, html: body.html, text: body.text, sources: d.sources };
  });
  const slugs = new Map<string, IntroPage>();
  for (const p of pages) {
    const other = slugs.get(p.slug);
    if (other)
      problems.push(
        error(
          'duplicate-key',
          { file: p.sources[0]!.file, line: 1, column: 1 },
          { variant: 'page', slug: p.slug, other: other.sources[0]!.file },
        ),
      );
    slugs.set(p.slug, p);
  }

  // Stable orders: newest year first, then title and key; concepts and organisations A–Å.
  bibliography.sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || compareNb(a.fullTitle, b.fullTitle) || a.key.localeCompare(b.key));
  conceptList.sort((a, b) => compareNb(a.sortKey, b.sortKey) || a.id.localeCompare(b.id));
  organisations.sort((a, b) => compareNb(a.name, b.name) || a.id.localeCompare(b.id));
  pages.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  for (const c of conceptList) c.usedIn.sort((a, b) => compareNb(a.label, b.label) || a.id.localeCompare(b.id));
  for (const o of organisations)
    o.works.sort((a, b) => compareNb(a.label, b.label) || a.id.localeCompare(b.id) || a.role.localeCompare(b.role));

  return { dataset: { bibliography, glossary: conceptList, organisations, pages }, problems };
}
