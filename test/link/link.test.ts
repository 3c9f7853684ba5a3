import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../pipeline/normalise/ingest.ts';
import { link } from '../../pipeline/link/link.ts';
import { sortProblems } from '../../pipeline/model/problems.ts';
import { dataWith, FIXTURES } from '../helpers/fixtures.ts';

const BIB_HEADER = 'Nøkkel;Type publikasjon;Tittel;Utgivelsesår;Oppdragsutfører;Sammendrag;Emneord\n';
const GLOSSARY_HEADER = 'ID;Term bokmål;Definisjon;Kilde;Se også;Overordnet;Underordnet\n';

describe('link', () => {
  it('links records both ways in the fixture', async () => {
    const { dataset, problems } = link(await ingest(path.join(FIXTURES, 'site', 'data')));
    expect(problems).toEqual([]);
    const hansen = dataset.bibliography.find((e) => e.key === 'hansen-2020')!;
    expect(hansen.performers).toEqual([{ id: 'forsk', label: 'Forskningsinstituttet', url: '/organisasjon/forsk/' }]);
    expect(hansen.citedBy.map((c) => c.id)).toEqual(['sosiale-entreprenorer']);
    expect(hansen.concepts.map((c) => c.id)).toEqual(['sosiale-entreprenorer']);
    const concept = dataset.glossary.find((c) => c.id === 'sosiale-entreprenorer')!;
    expect(concept.usedIn.map((e) => e.id)).toEqual(['hansen-2020']);
    const forsk = dataset.organisations.find((o) => o.id === 'forsk')!;
    expect(forsk.works.map((w) => [w.id, w.role])).toEqual([
      ['hansen-2020', 'Oppdragsutfører, Utgiver'],
      ['berg-2018', 'Utgiver'],
    ]);
    // An organisation that is an entry's corporate author lists it too.
    const kommune = dataset.organisations.find((o) => o.id === 'kommune-a')!;
    expect(kommune.works.map((w) => [w.id, w.role])).toEqual([
      ['hansen-2020', 'Oppdragsgiver'],
      ['kommune-a-2019', 'Forfatter'],
    ]);
  });

  it('reports references to records that do not exist, at their cell', async () => {
    const { data } = await dataWith({
      'bibliografi.csv': BIB_HEADER + 'a;rapport;T;2016;finnes-ikke;Se [b](kilde:mangler).;\n',
      'begreper.csv': GLOSSARY_HEADER + 'x;x;Def.;ukjent-kilde;y;;\n',
    });
    const { problems } = link(await ingest(data));
    expect(sortProblems(problems).map((p) => [p.rule, p.file, p.line, p.column])).toEqual([
      ['unknown-reference', 'data/begreper.csv', 2, 4],
      ['unknown-reference', 'data/begreper.csv', 2, 5],
      ['unknown-reference', 'data/bibliografi.csv', 2, 5],
      ['unknown-reference', 'data/bibliografi.csv', 2, 6],
    ]);
  });

  it('attaches further definitions to their concept, and reports one for a concept that does not exist', async () => {
    const { data } = await dataWith({
      'bibliografi.csv': BIB_HEADER + 'rap;rapport;T;2016;;;\n',
      'begreper.csv': GLOSSARY_HEADER + 'x;x;Def.;;;;\n',
      'definisjoner.csv':
        'Begrep;Definisjon;Kilde;Kildehenvisning;Forhold til kilde\nx;Slik definerer rapporten x.;rap;s. 12;sitat fra kilde\nmangler;Def.;rap;;\n',
    });
    const { dataset, problems } = link(await ingest(data));
    expect(problems.map((p) => [p.rule, p.file, p.line, p.column])).toEqual([['unknown-reference', 'data/definisjoner.csv', 3, 1]]);
    const x = dataset.glossary.find((c) => c.id === 'x')!;
    expect(x.otherDefinitions).toEqual([
      {
        definition: {
          markdown: 'Slik definerer rapporten x.',
          html: '<p>Slik definerer rapporten x.</p>',
          text: 'Slik definerer rapporten x.',
          lines: 'Slik definerer rapporten x.',
        },
        source: { id: 'rap', label: 'T', url: '/bibliografi/rap/' },
        locator: 's. 12',
        sourceRelation: 'sitat fra kilde',
      },
    ]);
    expect(dataset.bibliography[0]!.citedBy.map((c) => c.id)).toEqual(['x']);
  });

  it('warns when a relation is recorded on one side only', async () => {
    const { data } = await dataWith({
      'begreper.csv': GLOSSARY_HEADER + 'a;a;Def.;;b;;\nb;b;Def.;;;;\n',
    });
    const { problems } = link(await ingest(data));
    expect(problems.map((p) => [p.rule, p.severity, p.line])).toEqual([['relation-one-way', 'warning', 2]]);
  });

  it('sorts concepts in Norwegian alphabetical order, "Aa" as Å, with a sort key for an acronym', async () => {
    const { data } = await dataWith({
      'begreper.csv':
        'ID;Term bokmål;Definisjon;Sorteringsnøkkel\n' +
        'a;ås;D.;\nb;zebra;D.;\nc;ærlig;D.;\nd;øst;D.;\ne;alfa;D.;\nf;Aasen;D.;\ng;AAA;D.;A A A\nh;AAB;D.;\n',
    });
    const { dataset } = link(await ingest(data));
    expect(dataset.glossary.map((c) => c.termNb)).toEqual(['AAA', 'alfa', 'zebra', 'ærlig', 'øst', 'AAB', 'ås', 'Aasen']);
    expect(dataset.glossary.map((c) => c.letter)).toEqual(['A', 'A', 'Z', 'Æ', 'Ø', 'Å', 'Å', 'Å']);
  });
});
