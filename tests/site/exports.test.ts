/** Feeds, CSV, JSON Schema, statistics and chart geometry. */
import { describe, expect, test } from 'vitest';
import { atomFeed, escapeXml } from '../../src/site/feeds.ts';
import { csvField, toCsv } from '../../src/site/csv.ts';
import { recordsJsonSchema } from '../../src/site/json-schema.ts';
import { answerStatsBy, median } from '../../src/site/stats.ts';
import { layoutBarChart } from '../../src/site/charts.ts';
import { registerCommitment } from '../../src/site/register.ts';
import { buildSiteModel, viewRecord, type RecordView } from '../../src/site/model.ts';
import { fixtureRecords, fixtureRegister } from './helpers.ts';

/** Group records by the ministry that answered. */
const byMinistry = (r: RecordView) => (r.ministry ? { key: r.ministry.slug, label: r.ministry.name } : null);

describe('feeds', () => {
  test('XML escaping drops characters XML forbids', () => {
    expect(escapeXml('a < b & "c" \u0000\u0007 d')).toBe('a &lt; b &amp; &quot;c&quot;  d');
  });
  test('an Atom feed with hostile text stays well-formed text', () => {
    const xml = atomFeed({
      title: 'T',
      selfUrl: 'https://x.example/feeds/a.xml',
      pageUrl: 'https://x.example/',
      updated: '2026-06-01',
      entries: [{ id: 'https://x.example/a/', url: 'https://x.example/a/', title: '<script>x</script>', updated: '2021-09-07', summary: ']]> & <img onerror=x>' }],
    });
    expect(xml).toContain('<title type="text">&lt;script&gt;x&lt;/script&gt;</title>');
    expect(xml).toContain('<updated>2021-09-07T00:00:00Z</updated>');
    expect(xml).not.toMatch(/<script|<img/);
    expect(xml.match(/<entry>/g)).toHaveLength(1);
  });
});

describe('CSV', () => {
  test('quotes where needed and defuses spreadsheet formulas', () => {
    expect(csvField('gewoon')).toBe('gewoon');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});

describe('JSON Schema', () => {
  test('generated from the zod schema: the record shape with documented fields', () => {
    const schema = recordsJsonSchema('https://x.example/data/schema.json') as {
      $id: string; type: string; required: string[]; properties: Record<string, { type?: string; items?: { properties?: Record<string, unknown> } }>;
    };
    expect(schema.$id).toBe('https://x.example/data/schema.json');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'kind', 'pairs', 'questioners']));
    expect(Object.keys(schema.properties.pairs!.items!.properties!)).toEqual(expect.arrayContaining(['numbers', 'label', 'question', 'answer']));
    expect(JSON.stringify(schema)).toContain('"pattern"');
  });
});

describe('statistics and charts', () => {
  test('median and answer statistics per ministry', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    const stats = answerStatsBy(fixtureRecords().map(viewRecord), byMinistry);
    const jenv = stats.find((s) => s.key === 'justitie-en-veiligheid')!;
    expect(jenv).toMatchObject({ answered: 1, medianDays: 61, late: 1, latePercent: 100 });
  });
  test('late answers after a postponement notice are counted apart', () => {
    const model = buildSiteModel({ records: fixtureRecords(), motions: [], programmes: [], curated: [], today: '2026-06-01' });
    const jenv = answerStatsBy(model.records, byMinistry).find((s) => s.key === 'justitie-en-veiligheid')!;
    // The seed answer came 61 days after submission, after notice 3658.
    expect(jenv).toMatchObject({ late: 1, latePostponed: 1 });
    // Without the notice on the site, the "Zie ook Aanhangsel" in the answer still names it.
    const withoutNotice = buildSiteModel({ records: fixtureRecords().filter((r) => r.id !== 'ah-tk-20202021-3658'), motions: [], programmes: [], curated: [], today: '2026-06-01' });
    expect(withoutNotice.recordById.get('ah-tk-20202021-3976')!.postponements).toBe(1);
    // A late answer with no notice at all.
    const bare = buildSiteModel({
      records: fixtureRecords().filter((r) => r.id !== 'ah-tk-20202021-3658').map((r) => (r.id === 'ah-tk-20202021-3976' ? { ...r, seeAlsoAanhangsel: null } : r)),
      motions: [],
      programmes: [],
      curated: [],
      today: '2026-06-01',
    });
    expect(answerStatsBy(bare.records, byMinistry).find((s) => s.key === 'justitie-en-veiligheid')).toMatchObject({ late: 1, latePostponed: 0 });
  });
  test('bar chart geometry scales to the largest value or the reference line', () => {
    const g = layoutBarChart([{ label: 'A', value: 10, valueText: '10' }, { label: 'B', value: 40, valueText: '40' }], { width: 490, reference: 21 });
    expect(g.bars[1]!.width).toBe(400);
    expect(g.bars[0]!.width).toBe(100);
    expect(g.referenceX).toBe(210);
    expect(g.height).toBeGreaterThan(g.bars[1]!.barY + g.barHeight);
  });
});

describe('official register', () => {
  test('entries become commitments with the register status as a curated decision', () => {
    const entries = fixtureRegister();
    const done = registerCommitment(entries.find((e) => e.id === 'TZ202411-047')!);
    expect(done.commitment.id).toBe('tz-TZ202411-047');
    expect(done.curated?.status).toBe('delivered');
    expect(done.curated?.history[0]?.source).toBe('tk-register');
    expect(done.ministry).toEqual({ name: 'Volksgezondheid, Welzijn en Sport', slug: 'volksgezondheid-welzijn-en-sport' });
    expect(done.date).toBe('2024-11-14');
  });
});
