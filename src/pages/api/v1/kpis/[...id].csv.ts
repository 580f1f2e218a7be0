import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../../portal.ts';
import { kpiSeriesCsv } from '../../../../lib/csv-export.ts';
import type { Kpi } from '../../../../lib/portal-model.ts';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.kpis.map((kpi) => ({ params: { id: kpi.id }, props: { kpi } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ kpi: Kpi }> = ({ props }) =>
  new Response(kpiSeriesCsv(props.kpi), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
