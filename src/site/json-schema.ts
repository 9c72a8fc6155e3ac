/** The JSON Schema of the published records, generated from the zod schema (zod 4 `z.toJSONSchema`). Pure. */
import { z } from 'zod';
import { questionSet } from '../lib/schema/index.ts';

/** JSON Schema (draft 2020-12) of one line of /data/records.jsonl. `id` is the schema's absolute URL. */
export function recordsJsonSchema(id: string): Record<string, unknown> {
  const schema = z.toJSONSchema(questionSet, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: id,
    title: 'Vraagspoor-vragenset',
    description:
      'Eén regel van /data/records.jsonl: een ingelezen set Kamervragen met antwoorden, toezeggingen en verwijzingen. Gegenereerd uit het zod-schema in src/lib/schema/record.ts.',
  };
}
