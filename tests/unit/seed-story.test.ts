/** Acceptance (issue 5): the seeds' story as the bundled knowledge base in content/ tells it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { questionSet, curatedCommitment } from '../../src/lib/schema/index.ts';
import { proposeEvidence } from '../../src/lib/build/status.ts';
import { splitFrontMatter } from '../../scripts/lib/linker.ts';

const load = (path: string) => questionSet.parse(JSON.parse(readFileSync(path, 'utf8')));
const r2021 = load('content/records/2020-2021/ah-tk-20202021-3976.json');
const r2026 = load('content/records/onbekend/kv-tk-2026Z03535.json');

describe('the seeds in content/', () => {
  it('link the motions to their Kamerstukken', () => {
    const ids = r2021.motions.map((m) => m.id);
    expect(ids).toContain('kst-34550-XVI-91');
    expect(ids).toContain('kst-31839-732');
    const motion = JSON.parse(readFileSync('content/motions/kst-34550-XVI-91.json', 'utf8'));
    expect(motion.mentions.map((m: { record: string }) => m.record)).toContain('ah-tk-20202021-3976');
  });

  it('hold the commitments with their resolved due dates', () => {
    const dues = [...r2021.commitments, ...r2026.commitments].map((c) => c.due);
    for (const due of ['2022-12-31', '2021-09-30', '2026-06-21', '2026-12-31']) expect(dues).toContain(due);
    expect(r2021.commitments.find((c) => c.due === '2021-09-30')!.text).toMatch(/rondetafelconferentie/);
  });

  it('tie the 2021 Hervormingsagenda promise to the 2026 letter as evidence of progress', () => {
    const promise = r2021.commitments.find((c) => c.programmes.includes('hervormingsagenda-jeugd'));
    expect(promise).toBeDefined();
    const curated = curatedCommitment.parse(splitFrontMatter(readFileSync(`content/commitments/${promise!.id}.md`, 'utf8')).data);
    expect(curated.evidence).toEqual([expect.objectContaining({ document: 'kv-tk-2026Z03535', kind: 'progress' })]);
    const proposals = proposeEvidence(promise!, [r2026]);
    expect(proposals[0]).toMatchObject({ document: 'kv-tk-2026Z03535', kind: 'progress' });
    expect(proposals[0]!.quote).toMatch(/Hervormingsagenda Jeugd/);
  });
});
