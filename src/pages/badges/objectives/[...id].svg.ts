import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal.ts';
import { objectiveBadge, renderBadge } from '../../../lib/badge.ts';
import type { Objective } from '../../../lib/portal-model.ts';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.objectives.map((objective) => ({ params: { id: objective.id }, props: { objective } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ objective: Objective }> = ({ props }) =>
  new Response(renderBadge(objectiveBadge(props.objective)), { headers: { 'Content-Type': 'image/svg+xml' } });
