import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal.ts';
import { kpiBadge, renderBadge } from '../../../lib/badge.ts';
import { formatValue } from '../../../lib/format.ts';
import type { Kpi } from '../../../lib/portal-model.ts';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.kpis.map((kpi) => ({ params: { id: kpi.id }, props: { kpi } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ kpi: Kpi }> = ({ props }) =>
  new Response(renderBadge(kpiBadge(props.kpi, formatValue(props.kpi.latest?.value, props.kpi.unit))), { headers: { 'Content-Type': 'image/svg+xml' } });
