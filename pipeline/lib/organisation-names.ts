/**
 * Organisations by name: the ids of the organisations whose name or short
 * name is the given text, compared in lower case (Norwegian). Used to match
 * a .bib publisher and a corporate author to the organisations register.
 */
export function organisationsByName(
  organisations: ReadonlyArray<{ id: string; name: string; shortName?: string | undefined }>,
): (name: string) => string[] {
  const byName = new Map<string, string[]>();
  for (const o of organisations) {
    for (const n of new Set([o.name, o.shortName].filter((x): x is string => !!x).map((x) => x.toLocaleLowerCase('nb')))) {
      const ids = byName.get(n);
      if (ids) ids.push(o.id);
      else byName.set(n, [o.id]);
    }
  }
  return (name) => byName.get(name.toLocaleLowerCase('nb')) ?? [];
}
