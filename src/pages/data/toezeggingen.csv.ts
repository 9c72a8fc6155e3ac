/** All commitments as CSV. */
import type { APIRoute } from 'astro';
import { getModel, siteOrigin } from '../../site/load.ts';
import { commitmentsCsv } from '../../site/csv.ts';

export const GET: APIRoute = async ({ site }) => {
  const model = await getModel();
  return new Response(commitmentsCsv(model.commitments, siteOrigin(site)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
