/** Ministry of a record from the signer's role, checked against the roles in the labelled corpus. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { ministryNameOfRole, ministryOf } from '../../src/lib/ministry.ts';

test('roles map to departments, including ministers without a department', () => {
  const cases: [string, string][] = [
    ['Minister voor Rechtsbescherming', 'Justitie en Veiligheid'],
    ['Minister van Langdurige Zorg, Jeugd en Sport', 'Volksgezondheid, Welzijn en Sport'],
    ['Minister voor Langdurige Zorg en Sport', 'Volksgezondheid, Welzijn en Sport'],
    ['Staatssecretaris van Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport', 'Volksgezondheid, Welzijn en Sport'],
    ['Staatssecretaris van Financiën – Fiscaliteit en Belastingdienst', 'Financiën'],
    ['Minister voor Natuur en Stikstof', 'Landbouw, Natuur en Voedselkwaliteit'],
    ['Minister voor Buitenlandse Handel en Ontwikkelingssamenwerking', 'Buitenlandse Zaken'],
    ['Minister van Klimaat en Groene Groei', 'Klimaat en Groene Groei'],
    ['minister van Binnenlandse Zaken en Koninkrijksrelaties', 'Binnenlandse Zaken en Koninkrijksrelaties'],
    ['Minister-President', 'Algemene Zaken'],
  ];
  for (const [role, ministry] of cases) expect(ministryNameOfRole(role), role).toBe(ministry);
  expect(ministryNameOfRole('De voorzitter')).toBeNull();
  expect(ministryOf([null], ['Minister van Financiën'])).toEqual({ name: 'Financiën', slug: 'financien' });
});

test('every answerer role in the labelled corpus maps to a ministry', () => {
  const dir = resolve(import.meta.dirname, '../fixtures/corpus');
  const roles = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')).answerers ?? []) as { role: string | null }[])
    .map((a) => a.role)
    .filter((r): r is string => !!r);
  expect(roles.length).toBeGreaterThan(20);
  for (const role of roles) expect(ministryNameOfRole(role), role).not.toBeNull();
});
