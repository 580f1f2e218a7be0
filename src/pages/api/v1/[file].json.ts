import type { APIRoute, GetStaticPaths } from 'astro';
import { exportPaths, getPortal } from '../../../portal.ts';
import { exportKpis, exportObjectives, exportPeople, exportTeams } from '../../../lib/export/export.ts';
import type { ExportFile } from '../../../lib/model/site-pages.ts';

const EXPORTS = { objectives: exportObjectives, kpis: exportKpis, teams: exportTeams, people: exportPeople } as const satisfies Record<ExportFile, unknown>;

export const getStaticPaths = exportPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const portal = await getPortal();
  const records = EXPORTS[params.file as keyof typeof EXPORTS](portal, portal.inputs.base);
  return new Response(`${JSON.stringify(records, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
