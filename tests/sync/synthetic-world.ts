/**
 * A large world for the benchmark: N question sets made by repeating the recorded world's Zaken
 * with distinct ids (Zaak and document GUIDs, zaak numbers, Aanhangsel numbers, KOOP ids), each
 * served with the real document bytes of the Zaak it copies. The XML of a copy gets its own id and
 * number written in, so the parser reads what the API says; a PDF cannot be rewritten, so PDF copies
 * carry the cross-check differences a renumbered document would have.
 */
import { createHash } from 'node:crypto';
import { loadWorld, type ServedFile, type World } from './fake-server.ts';

type Row = Record<string, unknown>;

function guid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** How the copies are made. */
export interface SyntheticOptions {
  /** Number of question sets (Zaken), at most 49,999. */
  sets: number;
  /** Share of sets whose answer is only available as PDF (the rest has the official XML). */
  pdfShare: number;
}

/** The world and what it holds. */
export interface SyntheticWorld {
  world: World;
  /** Sets whose document is XML (answers, notices, open questions). */
  xml: number;
  /** Sets whose answer is a PDF. */
  pdf: number;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Build the synthetic world. */
export function syntheticWorld(options: SyntheticOptions): SyntheticWorld {
  if (options.sets > 49_999) throw new Error('at most 49,999 sets (five-digit Aanhangsel numbers)');
  const base = loadWorld();
  const files = base.files;
  const corpus = base.zaken.filter((z) => /Z9\d{4}$/.test(String(z['Nummer'])) || z['Nummer'] === '2026Z03535');
  const answerOf = (z: Row): Row | undefined => ((z['Document'] as Row[]) ?? []).find((d) => d['Soort'] === 'Antwoord schriftelijke vragen');
  const idOf = (d: Row): string => String((d['HuidigeDocumentVersie'] as Row)['ExterneIdentifier']);
  const xmlSources = corpus.filter((z) => {
    const a = answerOf(z);
    return a ? files.has(`koop/${idOf(a)}.xml`) : files.has(`koop/kv-tk-${String(z['Nummer'])}.xml`);
  });
  const pdfSources = corpus.filter((z) => {
    const a = answerOf(z);
    return a && !files.has(`koop/${idOf(a)}.xml`) && files.has(`odata/Document(${String(a['Id'])})/resource`);
  });
  const every = options.pdfShare > 0 ? Math.max(1, Math.round(1 / options.pdfShare)) : Infinity;
  const out: Row[] = [];
  const served = new Map<string, ServedFile>();
  for (const [k, f] of files) if (k.startsWith('koop/kst-')) served.set(k, f);
  let xml = 0;
  let pdf = 0;
  for (let i = 0; i < options.sets; i++) {
    const usePdf = i % every === 0 && pdfSources.length > 0;
    const src = usePdf ? pdfSources[Math.floor(i / every) % pdfSources.length]! : xmlSources[i % xmlSources.length]!;
    const copy = structuredClone(src);
    const year = String(copy['GestartOp'] ?? '2025').slice(0, 4);
    const oldNummer = String(copy['Nummer']);
    const nummer = `${year}Z${String(i + 1).padStart(5, '0')}`;
    copy['Id'] = guid(`bench:${i}:zaak`);
    copy['Nummer'] = nummer;
    for (const [j, a] of ((copy['ZaakActor'] as Row[]) ?? []).entries()) {
      a['Id'] = guid(`bench:${i}:actor:${j}`);
      a['Zaak_Id'] = copy['Id'];
    }
    for (const [j, d] of ((copy['Document'] as Row[]) ?? []).entries()) {
      const oldDocId = String(d['Id']);
      d['Id'] = guid(`bench:${i}:doc:${j}`);
      const version = d['HuidigeDocumentVersie'] as Row | undefined;
      const oldExt = version ? String(version['ExterneIdentifier']) : null;
      const number = String(d['Aanhangselnummer'] ?? '');
      if (/^\d{9}$/.test(number) && version) {
        const isAnswer = d['Soort'] === 'Antwoord schriftelijke vragen';
        const n = isAnswer ? i + 1 : 50_000 + i;
        d['Aanhangselnummer'] = `${number.slice(0, 4)}${String(n).padStart(5, '0')}`;
        const vj = `20${number.slice(0, 2)}20${number.slice(2, 4)}`;
        const ext = `ah-tk-${vj}-${n}`;
        version['ExterneIdentifier'] = ext;
        version['Id'] = guid(`bench:${i}:version:${j}`);
        d['HuidigeDocumentVersie_Id'] = version['Id'];
        if (isAnswer && oldExt) {
          const x = files.get(`koop/${oldExt}.xml`);
          if (x && !usePdf) {
            const oldNumber = oldExt.split('-').pop()!;
            const text = decoder
              .decode(x.bytes)
              .replaceAll(oldExt, ext)
              .replace(`<kamervraagnummer>${oldNumber}</kamervraagnummer>`, `<kamervraagnummer>${n}</kamervraagnummer>`)
              .replace(new RegExp(`(name="OVERHEIDop\\.aanhangselNummer"[^>]*content=")${oldNumber}"`), `$1${n}"`);
            served.set(`koop/${ext}.xml`, { bytes: encoder.encode(text), contentType: 'application/xml' });
          }
          const p = files.get(`odata/Document(${oldDocId})/resource`);
          if (p) served.set(`odata/Document(${String(d['Id'])})/resource`, p);
        }
      }
    }
    if (!answerOf(copy)) {
      const x = files.get(`koop/kv-tk-${oldNummer}.xml`);
      if (x) served.set(`koop/kv-tk-${nummer}.xml`, { bytes: encoder.encode(decoder.decode(x.bytes).replaceAll(oldNummer, nummer)), contentType: 'application/xml' });
    }
    out.push(copy);
    if (usePdf) pdf++;
    else xml++;
  }
  return { world: { ...base, zaken: out, files: served }, xml, pdf };
}
