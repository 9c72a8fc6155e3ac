/** All question sets as JSON Lines (one record per line), streamed so 50,000 records never form one string. */
import type { APIRoute } from 'astro';
import { getModel } from '../../site/load.ts';

export const GET: APIRoute = async () => {
  const model = await getModel();
  const encoder = new TextEncoder();
  // Oldest first: appending new records keeps earlier lines stable for people who diff the file.
  const records = [...model.records].reverse();
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const end = Math.min(records.length, i + 500);
      let chunk = '';
      for (; i < end; i++) chunk += `${JSON.stringify(records[i]!.record)}\n`;
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (i >= records.length) controller.close();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8' } });
};
