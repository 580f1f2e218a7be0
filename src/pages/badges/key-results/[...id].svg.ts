import type { APIRoute, GetStaticPaths } from 'astro';
import { getPortal } from '../../../portal.ts';
import { renderBadge } from '../../../lib/badge.ts';
import { gradeOf } from '../../../lib/progress.ts';

export const getStaticPaths = (async () => {
  const portal = await getPortal();
  return portal.objectives.flatMap((objective) =>
    objective.keyResults.map((kr) => ({
      params: { id: `${objective.id}/${kr.id}` },
      props: { label: kr.title, value: `${Math.round(kr.score * 100)}%`, tone: gradeOf(kr.score, portal.settings.grading) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ label: string; value: string; tone: 'green' | 'yellow' | 'red' }> = ({ props }) =>
  new Response(renderBadge(props), { headers: { 'Content-Type': 'image/svg+xml' } });
