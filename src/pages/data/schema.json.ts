/** JSON Schema of /data/records.jsonl, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { siteOrigin } from '../../site/load.ts';
import { recordsJsonSchema } from '../../site/json-schema.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(recordsJsonSchema(`${siteOrigin(site)}/data/schema.json`), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
