/**
 * The one field table (src/lib/sync/fields.ts) against the recorded v4 `$metadata` and payloads,
 * and against v5-shaped payloads: renamed names via overrides, dropped fields, the v5 Toezegging shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyFieldOverrides,
  detectApiVersion,
  ENTITY_SETS,
  FIELD_MAP,
  fieldName,
  missingFields,
  readField,
  toDocument,
  toToezegging,
  toZaak,
  zakenQuery,
  type EntityName,
  type SyncMessage,
} from '../../src/lib/sync/index.ts';

const OFFICIAL = join(import.meta.dirname, '..', 'fixtures', 'official', 'tk-odata-v4');
type Row = Record<string, unknown>;
const load = (name: string): Row => JSON.parse(readFileSync(join(OFFICIAL, name), 'utf8')) as Row;

/** Properties and navigation properties per entity type in the recorded v4 $metadata. */
function metadataNames(): Map<string, Set<string>> {
  const xml = readFileSync(join(OFFICIAL, 'metadata.xml'), 'utf8');
  const out = new Map<string, Set<string>>();
  for (const m of xml.matchAll(/<EntityType Name="(\w+)">([\s\S]*?)<\/EntityType>/g)) {
    out.set(m[1]!, new Set([...m[2]!.matchAll(/<(?:Navigation)?Property Name="(\w+)"/g)].map((x) => x[1]!)));
  }
  return out;
}

describe('the v4 column matches the recorded $metadata', () => {
  const names = metadataNames();
  for (const [entity, fields] of Object.entries(FIELD_MAP)) {
    it(`every v4 name of ${entity} is a property of the entity type`, () => {
      const props = names.get(entity);
      expect(props, `${entity} in $metadata`).toBeDefined();
      for (const [field, spec] of Object.entries(fields)) {
        if (spec.v4 === null) continue;
        expect(props!.has(spec.v4), `${entity}.${field} → ${spec.v4}`).toBe(true);
      }
    });
  }

  it('every entity set is in the recorded service document', () => {
    const doc = load('service-document.json') as { value: Array<{ name: string }> };
    const sets = new Set(doc.value.map((v) => v.name));
    for (const [entity, perVersion] of Object.entries(ENTITY_SETS)) expect(sets.has(perVersion.v4), entity).toBe(true);
  });
});

describe('reading recorded v4 payloads', () => {
  it('maps the four recorded Schriftelijke-vragen Zaken without reporting missing fields', () => {
    const messages: SyncMessage[] = [];
    const zaken = (load('zaak.schriftelijke-vragen.json')['value'] as Row[]).map((r) => toZaak(r, { map: FIELD_MAP, version: 'v4' }, messages));
    expect(messages).toEqual([]);
    expect(zaken.map((z) => [z.nummer, z.gestartOp, z.afgedaan])).toEqual([
      ['2025Z08162', '2025-04-23', true],
      ['2025Z08435', '2025-04-25', true],
      ['2025Z18539', '2025-10-02', false],
      ['2024Z21102', '2024-12-13', false],
    ]);
  });

  it('accepts documents whose recorder dropped HuidigeDocumentVersie_Id (an optional key)', () => {
    const messages: SyncMessage[] = [];
    const docs = (load('document.kamervragen.json')['value'] as Row[]).map((r) => toDocument(r, { map: FIELD_MAP, version: 'v4' }, messages));
    expect(messages).toEqual([]);
    expect(docs.find((d) => d.nummer === '2025D26693')?.aanhangselnummer).toBe('242502375');
  });

  it('reads the KOOP id through HuidigeDocumentVersie and its publications', () => {
    const messages: SyncMessage[] = [];
    const zaak = toZaak(load('zaak.motie.expand-document-versie-publicatie.json'), { map: FIELD_MAP, version: 'v4' }, messages);
    expect(messages).toEqual([]);
    expect(zaak.documents[0]!.externeIdentifier).toBe('kst-19637-3384');
    expect(zaak.documents[0]!.publications.map((p) => p.type)).toEqual(['Xml', 'Pdf', 'Html', 'Odt']);
  });

  it('treats placeholder and deleted rows (only Id, Verwijderd: true) as deleted, without complaints', () => {
    const messages: SyncMessage[] = [];
    const docs = (load('document.top3.json')['value'] as Row[]).map((r) => toDocument(r, { map: FIELD_MAP, version: 'v4' }, messages));
    expect(docs.map((d) => d.verwijderd)).toEqual([false, true, false]);
    expect(messages).toEqual([]);
  });
});

describe('v5', () => {
  it('is detected from the base URL or @odata.context', () => {
    expect(detectApiVersion('https://gegevensmagazijn.tweedekamer.nl/OData/v5')).toBe('v5');
    expect(detectApiVersion('https://gegevensmagazijn.tweedekamer.nl/OData/v5/$metadata#Zaak')).toBe('v5');
    expect(detectApiVersion('https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/')).toBe('v4');
    expect(detectApiVersion('http://127.0.0.1:5000/api')).toBeNull();
  });

  it('reads a v5 Toezegging: KamerbriefNakoming as expanded documents, Notities, no ToegezegdAanFractie', () => {
    const messages: SyncMessage[] = [];
    const row: Row = {
      Id: '1e2d3c4b-0000-4000-8000-000000000001',
      Aanmaakdatum: '2025-04-09T00:00:00+02:00',
      Nummer: 'TZ202504-057',
      ActiviteitNummer: '2025A02000',
      Naam: null,
      Achternaam: 'Jansen',
      Initialen: 'P.',
      Voornaam: null,
      Achtervoegsel: null,
      Titulatuur: null,
      Functie: 'minister van Financiën',
      Status: 'Deels Afgedaan',
      DatumNakoming: '0001-01-01T00:00:00Z',
      Ministerie: 'Financiën',
      Tekst: 'De minister stuurt een brief.',
      Verwijderd: false,
      GewijzigdOp: '2025-04-10T10:00:00+02:00',
      ApiGewijzigdOp: '2025-04-10T08:00:00.0000000Z',
      Tussenvoegsel: null,
      Notities: 'Zie ook TZ202401-001.',
      KamerbriefNakoming: [{ Id: 'x', DocumentNummer: '2025D12345' }, { Id: 'y', DocumentNummer: '2025D12399' }],
    };
    const t = toToezegging(row, { map: FIELD_MAP, version: 'v5' }, messages);
    expect(messages).toEqual([]);
    expect(t.kamerbriefNakoming).toBe('2025D12345, 2025D12399');
    expect(t.notities).toBe('Zie ook TZ202401-001.');
    expect(t.datumNakoming).toBeNull();
    expect(() => fieldName(FIELD_MAP, 'Toezegging', 'ToegezegdAanFractie', 'v5')).toThrow(/bestaat niet in OData v5/);
    expect(fieldName(FIELD_MAP, 'Toezegging', 'ToegezegdAan', 'v5')).toBe('ToegezegdAan');
  });

  it('a rename the table does not know is reported as a missing field, naming entity, field and version', () => {
    const messages: SyncMessage[] = [];
    const recorded = (load('document.kamervragen.json')['value'] as Row[])[2]!;
    const { Aanhangselnummer, ...rest } = recorded;
    const renamed = { ...rest, AanhangselNummer: Aanhangselnummer };
    const doc = toDocument(renamed, { map: FIELD_MAP, version: 'v5' }, messages);
    expect(doc.aanhangselnummer).toBeNull();
    expect(messages.map((m) => m.reason)).toEqual([expect.stringMatching(/Document mist "Aanhangselnummer" \(OData v5\)/)]);
  });

  it('an override corrects the table at run time: payloads and queries follow it', () => {
    const { map, problems } = applyFieldOverrides(FIELD_MAP, 'v5', { Document: { Aanhangselnummer: 'AanhangselNummer' }, Zaak: { GestartOp: 'Startdatum' } });
    expect(problems).toEqual([]);
    const messages: SyncMessage[] = [];
    const recorded = (load('document.kamervragen.json')['value'] as Row[])[2]!;
    const { Aanhangselnummer, ...rest } = recorded;
    const doc = toDocument({ ...rest, AanhangselNummer: Aanhangselnummer }, { map, version: 'v5' }, messages);
    expect(messages).toEqual([]);
    expect(doc.aanhangselnummer).toBe('242502375');
    // The same v4 payload still reads under the corrected v5 table (v4 names are the fallback).
    expect(readField(map, 'Document', recorded, 'Aanhangselnummer', 'v5')).toBe('242502375');
    // Queries use the v5 name; v4 queries are unchanged.
    expect(decodeURIComponent(zakenQuery({ map, version: 'v5' }, { since: '2024-09-01' }))).toContain('Startdatum ge 2024-09-01T00:00:00+02:00');
    expect(decodeURIComponent(zakenQuery({ map, version: 'v4' }, { since: '2024-09-01' }))).toContain('GestartOp ge 2024-09-01T00:00:00+02:00');
    // The built-in table is not changed by an override.
    expect(FIELD_MAP.Zaak['GestartOp']!.v5).toBe('GestartOp');
  });

  it('unknown entities or fields in an override are reported', () => {
    const { problems } = applyFieldOverrides(FIELD_MAP, 'v5', { Zaak: { Bestaatniet: 'X' }, ['Nope' as EntityName]: { A: 'B' } });
    expect(problems).toEqual(['onbekend veld "Zaak.Bestaatniet" in veldvertaling', 'onbekende entiteit "Nope" in veldvertaling']);
  });

  it('lists the unconfirmed v5 names: every assumption is visible in the table', () => {
    const assumed = Object.values(FIELD_MAP).flatMap((fields) => Object.values(fields).filter((s) => s.assumed));
    const confirmed = Object.entries(FIELD_MAP.Toezegging).filter(([, s]) => !s.assumed).map(([k]) => k).sort();
    expect(assumed.length).toBeGreaterThan(50);
    expect(confirmed).toEqual(['KamerbriefNakoming', 'Notities', 'ToegezegdAan', 'ToegezegdAanFractie', 'ToegezegdAanPersoon']);
  });

  it('missingFields skips optional keys and navigations', () => {
    expect(missingFields(FIELD_MAP, 'Zaak', { Id: 'x' }, 'v4')).toContain('Nummer');
    expect(missingFields(FIELD_MAP, 'Zaak', { Id: 'x' }, 'v4')).not.toContain('ZaakActor');
    expect(missingFields(FIELD_MAP, 'Zaak', { Id: 'x', Verwijderd: true }, 'v4')).toEqual([]);
  });
});
