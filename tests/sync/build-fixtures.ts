/**
 * Builds the payloads in tests/fixtures/sync/ from the recorded official payloads
 * (tests/fixtures/official/tk-odata-v4) and the real documents with their labels
 * (tests/fixtures/corpus, tests/fixtures/seeds, tests/fixtures/pdf, tests/fixtures/xml).
 * Deterministic: running it again writes the same bytes. What is reconstructed and why is
 * documented in tests/fixtures/sync/README.md.
 *
 *   npx node tests/sync/build-fixtures.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', 'fixtures');
const out = join(root, 'sync');
const official = join(root, 'official', 'tk-odata-v4');
const CONTEXT = 'https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata';

type Row = Record<string, unknown>;

/** A name-based GUID (v5 layout) so reconstructed ids are stable and recognisably synthetic. */
export function syntheticGuid(seed: string): string {
  const h = createHash('sha1').update(`vraagspoor-fixture:${seed}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Local midnight with the Dutch offset of that date, as the API writes dates. */
function local(date: string | null, time = '00:00:00'): string | null {
  if (!date) return null;
  const y = Number(date.slice(0, 4));
  const lastSunday = (m: number): string => {
    const d = new Date(Date.UTC(y, m, 0));
    return new Date(d.getTime() - d.getUTCDay() * 86_400_000).toISOString().slice(0, 10);
  };
  const offset = date >= lastSunday(3) && date < lastSunday(10) ? '+02:00' : '+01:00';
  return `${date}T${time}${offset}`;
}

function utc(date: string | null, time = '10:00:00.0000000'): string | null {
  return date ? `${date}T${time}Z` : null;
}

interface Label {
  id: string;
  title: string | null;
  questioners: Array<{ name: string; party: string | null }>;
  addressees: string[] | null;
  dateSubmitted: string | null;
  dateAnswered: string | null;
  vergaderjaar: string | null;
  aanhangselNumber: number | null;
  seeAlsoAanhangsel: number | null;
  zaakNumber: string | null;
}

function aanhangselnummer(vergaderjaar: string, n: number): string {
  return `${vergaderjaar.slice(2, 4)}${vergaderjaar.slice(7, 9)}${String(n).padStart(5, '0')}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** The empty Document row shape of v4 (property order as in the recorded payloads). */
function documentRow(fields: Partial<Row> & { Id: string }): Row {
  const { Id, ...rest } = fields;
  return {
    Id,
    Soort: null,
    DocumentNummer: null,
    Titel: null,
    Onderwerp: null,
    Datum: null,
    Vergaderjaar: null,
    Kamer: 2,
    Volgnummer: -1,
    Citeertitel: null,
    Alias: null,
    DatumRegistratie: null,
    DatumOntvangst: null,
    Aanhangselnummer: null,
    KenmerkAfzender: null,
    Organisatie: 'Tweede Kamer',
    ContentType: 'application/pdf',
    ContentLength: null,
    GewijzigdOp: null,
    ApiGewijzigdOp: null,
    Verwijderd: false,
    HuidigeDocumentVersie_Id: null,
    ...rest,
  };
}


function versionRow(docId: string, externe: string, date: string | null, publications: Array<{ type: 'Pdf' | 'Xml'; bytes: number }>): Row {
  const versionId = syntheticGuid(`versie:${docId}`);
  return {
    Id: versionId,
    Status: 'Vrijgegeven',
    Versienummer: 1,
    Bestandsgrootte: null,
    Extensie: '.pdf',
    Datum: local(date, '12:00:00'),
    GewijzigdOp: local(date, '12:00:00'),
    ApiGewijzigdOp: utc(date),
    Verwijderd: false,
    Document_Id: docId,
    ExterneIdentifier: externe,
    DocumentPublicatie: publications.map((p) => ({
      Id: syntheticGuid(`publicatie:${docId}:${p.type}`),
      Identifier: externe,
      DocumentType: p.type,
      FileName: `${externe}.${p.type.toLowerCase()}`,
      Source: 'Koop',
      ContentLength: p.bytes,
      ContentType: p.type === 'Pdf' ? 'application/pdf' : 'application/xml',
      Url: null,
      PublicatieDatum: local(date, '12:00:00'),
      GewijzigdOp: local(date, '12:00:00'),
      ApiGewijzigdOp: utc(date),
      Verwijderd: false,
      DocumentVersie_Id: versionId,
    })),
  };
}

function actor(zaakId: string, relatie: string, naam: string | null, fractie: string | null, functie: string | null, i: number, date: string | null): Row {
  return {
    Id: syntheticGuid(`actor:${zaakId}:${relatie}:${i}`),
    Zaak_Id: zaakId,
    ActorNaam: naam,
    ActorFractie: fractie,
    ActorAfkorting: null,
    Functie: functie,
    Relatie: relatie,
    SidActor: null,
    Persoon_Id: null,
    Fractie_Id: null,
    Commissie_Id: null,
    GewijzigdOp: local(date, '09:00:00'),
    ApiGewijzigdOp: utc(date, '08:00:00.0000000'),
    Verwijderd: false,
  };
}

function fileSize(path: string): number | null {
  return existsSync(path) ? readFileSync(path).byteLength : null;
}

/** One reconstructed Zaak (Schriftelijke vragen) for a real, labelled answer document. */
function corpusZaak(label: Label, seq: number): Row {
  const submitted = label.dateSubmitted;
  const answered = label.dateAnswered;
  const year = (submitted ?? answered ?? '2000').slice(0, 4);
  const nummer = label.zaakNumber ?? `${year}Z9${String(label.aanhangselNumber ?? seq).padStart(4, '0')}`;
  const zaakId = syntheticGuid(`zaak:${label.id}`);
  const vj = label.vergaderjaar!;
  const documents: Row[] = [];
  const qId = syntheticGuid(`doc:q:${label.id}`);
  documents.push(
    documentRow({
      Id: qId,
      Soort: 'Schriftelijke vragen',
      DocumentNummer: `${year}D8${String(label.aanhangselNumber ?? seq).padStart(4, '0')}`,
      Onderwerp: label.title,
      Datum: local(submitted),
      Vergaderjaar: vj,
      DatumRegistratie: local(submitted),
      GewijzigdOp: local(submitted, '12:00:00'),
      ApiGewijzigdOp: utc(submitted),
    }),
  );
  if (label.seeAlsoAanhangsel) {
    const pId = syntheticGuid(`doc:p:${label.id}`);
    const ext = `ah-tk-${vj.replace('-', '')}-${label.seeAlsoAanhangsel}`;
    documents.push(
      documentRow({
        Id: pId,
        Soort: 'Mededeling (uitstel antwoord)',
        DocumentNummer: `${year}D7${String(label.seeAlsoAanhangsel).padStart(4, '0')}`,
        Onderwerp: label.title ? `Uitstel beantwoording vragen over ${label.title}` : null,
        Vergaderjaar: vj,
        Aanhangselnummer: aanhangselnummer(vj, label.seeAlsoAanhangsel),
        HuidigeDocumentVersie_Id: syntheticGuid(`versie:${pId}`),
        // No body of the notice is available, so no publication is listed.
        HuidigeDocumentVersie: versionRow(pId, ext, null, []),
      }),
    );
  }
  if (label.aanhangselNumber) {
    const aId = syntheticGuid(`doc:a:${label.id}`);
    const pdf = fileSize(join(root, 'pdf', `${label.id}.pdf`));
    const xml = fileSize(join(root, 'xml', `${label.id}.reconstructed.xml`));
    const pubs: Array<{ type: 'Pdf' | 'Xml'; bytes: number }> = [];
    if (xml !== null) pubs.push({ type: 'Xml', bytes: xml });
    if (pdf !== null) pubs.push({ type: 'Pdf', bytes: pdf });
    documents.push(
      documentRow({
        Id: aId,
        Soort: 'Antwoord schriftelijke vragen',
        DocumentNummer: `${year}D9${String(label.aanhangselNumber).padStart(4, '0')}`,
        Onderwerp: label.title ? `Antwoord op vragen over ${label.title}` : null,
        Datum: local(answered),
        Vergaderjaar: vj,
        DatumRegistratie: local(answered),
        Aanhangselnummer: aanhangselnummer(vj, label.aanhangselNumber),
        ContentLength: pdf,
        GewijzigdOp: local(answered, '12:00:00'),
        ApiGewijzigdOp: utc(answered),
        HuidigeDocumentVersie_Id: syntheticGuid(`versie:${aId}`),
        HuidigeDocumentVersie: versionRow(aId, label.id, answered, pubs),
      }),
    );
  }
  const actors: Row[] = [];
  label.questioners.forEach((q, i) => {
    actors.push(actor(zaakId, i === 0 ? 'Indiener' : 'Medeindiener', q.name, q.party, 'Tweede Kamerlid', i, submitted));
  });
  (label.addressees ?? []).forEach((a, i) => actors.push(actor(zaakId, 'Gericht aan', null, null, lowerFirst(a), i, submitted)));
  const last = answered ?? submitted;
  return {
    Id: zaakId,
    Nummer: nummer,
    Soort: 'Schriftelijke vragen',
    Titel: null,
    Citeertitel: null,
    Alias: null,
    Status: 'Vrijgegeven',
    Onderwerp: label.title,
    GestartOp: local(submitted),
    Organisatie: 'Tweede Kamer',
    Grondslagvoorhang: null,
    Termijn: null,
    Vergaderjaar: label.vergaderjaar,
    Volgnummer: -1,
    HuidigeBehandelstatus: null,
    Afgedaan: label.aanhangselNumber !== null,
    GrootProject: false,
    GewijzigdOp: local(last, '12:00:00'),
    ApiGewijzigdOp: utc(last, '11:00:00.0000000'),
    Verwijderd: false,
    Kabinetsappreciatie: null,
    ZaakActor: actors,
    Document: documents,
  };
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function write(name: string, value: unknown): void {
  writeFileSync(join(out, name), `${JSON.stringify(value, null, 2)}\n`);
}

function build(): void {
  mkdirSync(out, { recursive: true });

  // 1. Reconstructed Zaken for the real answer documents (corpus + seeds).
  const labels: Label[] = [];
  for (const dir of ['corpus', 'seeds']) {
    for (const f of readdirSync(join(root, dir)).filter((x) => x.endsWith('.json')).sort()) {
      const l = readJson(join(root, dir, f)) as Label & { id: string };
      if (!/^(ah-tk|kv-tk)-/.test(l.id)) continue;
      const hasBody = existsSync(join(root, 'pdf', `${l.id}.pdf`)) || existsSync(join(root, 'xml', `${l.id}.reconstructed.xml`));
      if (!hasBody) continue;
      labels.push(l);
    }
  }
  const zaken = labels.map((l, i) => corpusZaak(l, i + 1));
  write('zaak.schriftelijke-vragen.corpus.reconstructed.json', { '@odata.context': `${CONTEXT}#Zaak`, value: zaken });

  // 2. Real open Zaken (recorded), with empty expansions: no ZaakActor or Document was recorded for them.
  const recordedZaken = (readJson(join(official, 'zaak.schriftelijke-vragen.json')) as { value: Row[] }).value;
  const open = recordedZaken.filter((z) => z['Afgedaan'] === false).map((z) => ({ ...z, ZaakActor: [], Document: [] }));
  write('zaak.schriftelijke-vragen.recorded-open.json', { '@odata.context': `${CONTEXT}#Zaak`, value: open });

  // 3. Real answered Zaken (recorded) with their real documents, grouped as the official README infers.
  const docs = (readJson(join(official, 'document.kamervragen.json')) as { value: Row[] }).value;
  const byNummer = (n: string): Row => docs.find((d) => d['DocumentNummer'] === n)!;
  const groups: Record<string, string[]> = {
    '2025Z08162': ['2025D18629', '2025D22015', '2025D26693'],
    '2025Z08435': ['2025D19225', '2025D22319', '2025D26588'],
  };
  const answered = recordedZaken
    .filter((z) => groups[z['Nummer'] as string])
    .map((z) => ({ ...z, ZaakActor: [], Document: groups[z['Nummer'] as string]!.map(byNummer) }));
  write('zaak.schriftelijke-vragen.recorded-answered.json', { '@odata.context': `${CONTEXT}#Zaak`, value: answered });

  // 4. Recorded vote pages with the motion's Kamerstukdossier added (reconstructed).
  const dossiers: Record<string, { Nummer: number; Toevoeging: string | null; Titel: string }> = {
    // "Gewijzigde motie … (t.v.v. 35727-3)": the motion replaces 35 727 nr. 3 in dossier 35 727.
    '2022Z17826': { Nummer: 35727, Toevoeging: null, Titel: 'Initiatiefnota van het lid Alkaya over “Van ‘neutrale’ arbiter naar consumentenwaakhond”' },
    // Zaak.Titel "Integrale visie op de woningmarkt" is the title of dossier 32 847.
    '2022Z19212': { Nummer: 32847, Toevoeging: null, Titel: 'Integrale visie op de woningmarkt' },
  };
  for (const page of [1, 2]) {
    const recorded = readJson(join(official, `besluit.motie.expand-zaak-stemming.page${page}.trimmed.json`)) as { value: Row[] };
    for (const besluit of recorded.value) {
      for (const zaak of besluit['Zaak'] as Row[]) {
        const d = dossiers[zaak['Nummer'] as string];
        if (!d) continue;
        zaak['Kamerstukdossier'] = [
          {
            Id: syntheticGuid(`dossier:${d.Nummer}`),
            Titel: d.Titel,
            Citeertitel: null,
            Alias: null,
            Nummer: d.Nummer,
            Toevoeging: d.Toevoeging,
            HoogsteVolgnummer: null,
            Afgesloten: false,
            Kamer: 'Tweede Kamer',
            GewijzigdOp: null,
            ApiGewijzigdOp: null,
            Verwijderd: false,
          },
        ];
      }
    }
    write(`besluit.motie.page${page}.enriched.json`, recorded);
  }

  // 5. A motion lookup answer (Document by ExterneIdentifier) built from the recorded Zaak 2025Z02986.
  const motie = readJson(join(official, 'zaak.motie.expand-document-versie-publicatie.json')) as Row;
  const motieDocs = motie['Document'] as Row[];
  const { Document: _drop, ...motieZaak } = motie;
  void _drop;
  const lookup = motieDocs.map((d) => {
    const { HuidigeDocumentVersie, ...rest } = d as Row & { HuidigeDocumentVersie: Row };
    const { DocumentPublicatie: _p, DocumentPublicatieMetadata: _m, ...version } = HuidigeDocumentVersie;
    void _p;
    void _m;
    return {
      ...rest,
      HuidigeDocumentVersie: version,
      Kamerstukdossier: [],
      Zaak: [{ ...motieZaak, ZaakActor: [], Kamerstukdossier: [], Besluit: [] }],
    };
  });
  write('document.motie-lookup.kst-19637-3384.json', { '@odata.context': `${CONTEXT}#Document`, value: lookup });

  // 6. Reconstructed register rows (no Toezegging payload was recorded anywhere).
  const tz = (n: number, fields: Partial<Row>): Row => ({
    Id: syntheticGuid(`toezegging:${n}`),
    Aanmaakdatum: null,
    Nummer: null,
    ActiviteitNummer: null,
    Naam: null,
    Achternaam: null,
    Initialen: null,
    Voornaam: null,
    Achtervoegsel: null,
    Titulatuur: null,
    Functie: null,
    Status: null,
    DatumNakoming: null,
    KamerbriefNakoming: null,
    Ministerie: null,
    Tekst: null,
    Verwijderd: false,
    GewijzigdOp: null,
    ApiGewijzigdOp: null,
    Tussenvoegsel: null,
    ...fields,
  });
  const register = [
    tz(1, {
      Aanmaakdatum: '2024-10-03T00:00:00+02:00', Nummer: 'TZ202410-011', ActiviteitNummer: '2024A90011', Functie: 'minister van Binnenlandse Zaken en Koninkrijksrelaties',
      Status: 'Openstaand', DatumNakoming: '2025-06-21T00:00:00+02:00', Ministerie: 'Binnenlandse Zaken en Koninkrijksrelaties',
      Tekst: 'Voorbeeld (gereconstrueerd): de minister stuurt de Kamer voor de zomer een brief over de uitkomsten van de evaluatie.',
      GewijzigdOp: '2024-10-03T14:12:00+02:00', ApiGewijzigdOp: '2024-10-03T12:20:00.0000000Z',
    }),
    tz(2, {
      Aanmaakdatum: '2024-11-14T00:00:00+01:00', Nummer: 'TZ202411-047', ActiviteitNummer: '2024A90047', Functie: 'staatssecretaris van Volksgezondheid, Welzijn en Sport',
      Status: 'Afgedaan', DatumNakoming: '2025-03-31T00:00:00+02:00', KamerbriefNakoming: 'Kamerstuk 31 839, nr. 1001', Ministerie: 'Volksgezondheid, Welzijn en Sport',
      Tekst: 'Voorbeeld (gereconstrueerd): de staatssecretaris informeert de Kamer in het eerste kwartaal van 2025 over de voortgang.',
      GewijzigdOp: '2025-04-02T09:00:00+02:00', ApiGewijzigdOp: '2025-04-02T07:05:00.0000000Z',
    }),
    tz(3, {
      Aanmaakdatum: '2025-01-22T00:00:00+01:00', Nummer: 'TZ202501-102', Functie: 'minister van Justitie en Veiligheid',
      Status: 'Deels Afgedaan', DatumNakoming: '2025-12-31T00:00:00+01:00', Ministerie: 'Justitie en Veiligheid',
      Tekst: 'Voorbeeld (gereconstrueerd): de minister komt voor het eind van het jaar terug op de twee openstaande punten.',
      GewijzigdOp: '2025-02-10T10:00:00+01:00', ApiGewijzigdOp: '2025-02-10T09:01:00.0000000Z',
    }),
    tz(4, {
      Aanmaakdatum: '2025-02-05T00:00:00+01:00', Nummer: 'TZ202502-013', Functie: 'minister van Financiën',
      Status: 'Vervallen', DatumNakoming: '0001-01-01T00:00:00+00:00', Ministerie: 'Financiën',
      Tekst: 'Voorbeeld (gereconstrueerd): de minister laat onderzoeken of een aanvullende regeling nodig is.',
      GewijzigdOp: '2025-05-01T10:00:00+02:00', ApiGewijzigdOp: '2025-05-01T08:00:00.0000000Z',
    }),
    tz(5, {
      Aanmaakdatum: '2025-03-12T00:00:00+01:00', Nummer: 'TZ202503-077', Functie: 'minister van Onderwijs, Cultuur en Wetenschap',
      Status: '', DatumNakoming: '0001-01-01T00:00:00+00:00', Ministerie: 'Onderwijs, Cultuur en Wetenschap',
      Tekst: 'Voorbeeld (gereconstrueerd): de minister gaat in gesprek met de sector en meldt de uitkomst aan de Kamer.',
      GewijzigdOp: '2025-03-12T16:00:00+01:00', ApiGewijzigdOp: '2025-03-12T15:02:00.0000000Z',
    }),
    tz(6, {
      Aanmaakdatum: '2025-04-09T00:00:00+02:00', Nummer: 'TZ202504-057', Functie: 'minister van Infrastructuur en Waterstaat',
      Status: 'Voldaan', DatumNakoming: '2025-09-01T00:00:00+02:00', Ministerie: 'Infrastructuur en Waterstaat',
      Tekst: 'Voorbeeld (gereconstrueerd): de minister stuurt na de zomer de resultaten van de pilot.',
      GewijzigdOp: '2025-09-03T11:00:00+02:00', ApiGewijzigdOp: '2025-09-03T09:00:00.0000000Z',
    }),
    tz(7, { Verwijderd: true, GewijzigdOp: '2025-05-20T10:00:00+02:00', ApiGewijzigdOp: '2025-05-20T08:00:00.0000000Z' }),
  ];
  write('toezegging.reconstructed.json', { '@odata.context': `${CONTEXT}#Toezegging`, value: register });
}

build();
