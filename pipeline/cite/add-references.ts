/** The citation stage: every entry's reference in each style, Norsk APA first. */
import type { Dataset } from '../model/types.ts';
import { formatReferences, REFERENCE_STYLES } from './format-references.ts';

export function addReferences(dataset: Dataset): Dataset {
  const formatted = formatReferences(dataset.bibliography.map((e) => e.csl));
  return {
    ...dataset,
    bibliography: dataset.bibliography.map((e) => {
      const refs = formatted.get(e.key);
      if (!refs) throw new Error(`No reference was formatted for '${e.key}'`);
      return { ...e, references: REFERENCE_STYLES.map((s) => ({ style: s.id, label: s.label, ...refs[s.id] })) };
    }),
  };
}
