import type { APIRoute } from 'astro';
import { getPortal } from '../../../portal.ts';
import { keyResultsCsv } from '../../../lib/export/csv-export.ts';

export const GET: APIRoute = async () => {
  const portal = await getPortal();
  return new Response(keyResultsCsv(portal, portal.inputs.base), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
