/**
 * The whole bibliography's list cut into shards that citeproc can format
 * apart and still give, entry for entry, what formatting the whole list gives.
 *
 * What one entry of a Norsk APA list prints depends on the other entries only
 * through its in-text citation: the year suffix ("2016a") and the given names
 * the style adds are there to tell apart citations that would otherwise read
 * the same ("Hansen, 2016"), and the given-name rule (`primary-name`) expands
 * only the first name of a citation. Two citations can read alike, or share
 * that first name, only if they begin with the same words: the first
 * author's family name (or whoever the style puts in the author's place), or,
 * for a work without one, its title. So every entry gets tokens for what its
 * citation can begin with, entries that share a token are kept together (with
 * everything they are joined to), and each such group goes whole into one
 * shard. A coarser cut is always as exact: a shard may hold many groups.
 *
 * The sort is the only other thing a list shares, and the shards' entries are
 * merged by citeproc's own sort keys (./bibliography-list.ts).
 */
import { bucketCount, bucketOf } from './reference-list.ts';
import type { CslItem } from './reference-rules.ts';

/**
 * Who Norsk APA's in-text citation names first, in the order its `author-intext`
 * macro tries them (`composer`, then the `<substitute>`); the title comes in
 * when none of them is there, and for legal works always.
 */
const NAME_VARIABLES = ['composer', 'author', 'illustrator', 'director', 'editor', 'editorial-director'] as const;

/** Types whose citation names the title even with an author (Norsk APA's `title-intext` for legal works). */
const TITLE_CITED_TYPES = new Set(['bill', 'legal_case', 'legislation', 'treaty']);

/** Entries per shard, on average: a changed entry formats its shard's entries again, about 0.6 s at 256. */
export const SHARD_SIZE = 256;

interface Name {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
}

/** The words of a text, folded: without accents or case, split at everything that is not a letter or a digit. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The name token of a person or organisation: the name as a short citation
 * prints it (the particle that is not dropped, "van Berg", and the family
 * name; or the literal name), folded. citeproc finds a particle in the family
 * name itself too, and both read "van Berg": so do their tokens.
 */
function nameToken(name: Name): string {
  const short = name.literal ?? [name['non-dropping-particle'], name.family ?? name.given].filter(Boolean).join(' ');
  return `n:${words(short).join(' ')}`;
}

/** What an entry's in-text citation can begin with: the name tokens of whoever it may name first, and the title's words when it may name the title. */
interface CitationStart {
  names: string[];
  /** The words of the title and the short title, when the citation may name the title; else undefined. */
  titles?: string[][];
}

/**
 * What an entry's in-text citation can begin with: the first name of whoever
 * the citation names (and of the author, for the types that name only the
 * author), and the title when the citation may name the title instead. More
 * than it needs only joins more entries, never fewer.
 */
function citationStart(item: CslItem): CitationStart {
  const names = (variable: string): Name[] => {
    const value = (item as Record<string, unknown>)[variable];
    return Array.isArray(value) ? (value as Name[]) : [];
  };
  const tokens = new Set<string>();
  const first = NAME_VARIABLES.map(names).find((list) => list.length > 0);
  if (first) tokens.add(nameToken(first[0]!));
  const author = names('author');
  if (author.length > 0) tokens.add(nameToken(author[0]!));
  if (author.length > 0 && !TITLE_CITED_TYPES.has(String(item.type))) return { names: [...tokens] };
  const titles = [item.title, (item as Record<string, unknown>)['title-short']].filter((t): t is string => typeof t === 'string');
  return { names: [...tokens], titles: titles.length > 0 ? titles.map(words) : [[]] };
}

/**
 * The tokens that join an entry to the others (see the module's comment):
 * its name tokens; and for a citation that may name the title, the title's
 * first word (two titles read alike only if they begin alike) and each name
 * in `namesInUse` (every entry's name tokens) that the title begins with (a
 * title reads like a citation by name only if it begins with that name).
 */
export function citationTokens(item: CslItem, namesInUse: ReadonlySet<string>): string[] {
  return tokensOf(citationStart(item), namesInUse);
}

function tokensOf(start: CitationStart, namesInUse: ReadonlySet<string>): string[] {
  const tokens = new Set(start.names);
  for (const title of start.titles ?? []) {
    tokens.add(`t:${title[0] ?? ''}`);
    for (let n = 1; n <= title.length; n++) {
      const prefix = `n:${title.slice(0, n).join(' ')}`;
      if (namesInUse.has(prefix)) tokens.add(prefix);
    }
  }
  return [...tokens];
}

/** How many shards `count` entries go into: a power of two, about {@link SHARD_SIZE} entries each. */
export function shardCount(count: number, shardSize = SHARD_SIZE): number {
  return bucketCount(count, shardSize);
}

/**
 * The items cut into shards that format apart exactly (see the module's
 * comment), each in the order of `items`; empty shards are left out. A group
 * goes to the shard its smallest token hashes to, so an edit moves only the
 * groups it touches.
 */
export function listShards(items: readonly CslItem[], shardSize = SHARD_SIZE): CslItem[][] {
  const parent = new Map<string, string>();
  const find = (token: string): string => {
    let root = token;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Every token on the way now points at the root: later look-ups are short.
    let at = token;
    while (at !== root) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    // The smaller token becomes the root: the group's name does not depend on the order of the items.
    if (ra < rb) parent.set(rb, ra);
    else if (rb < ra) parent.set(ra, rb);
  };
  const starts = items.map(citationStart);
  const namesInUse = new Set(starts.flatMap((start) => start.names));
  const tokens = starts.map((start) => tokensOf(start, namesInUse));
  for (const own of tokens) {
    for (const t of own) if (!parent.has(t)) parent.set(t, t);
    for (const t of own.slice(1)) union(own[0]!, t);
  }
  const count = shardCount(items.length, shardSize);
  const shards: CslItem[][] = Array.from({ length: count }, () => []);
  items.forEach((item, i) => shards[bucketOf(find(tokens[i]![0]!), count)]!.push(item));
  return shards.filter((shard) => shard.length > 0);
}
