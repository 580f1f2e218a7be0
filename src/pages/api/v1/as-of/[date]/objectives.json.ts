import type { APIRoute } from 'astro';
import { getPortal, snapshotExportPaths } from '../../../../../portal.ts';
import { exportObjectives } from '../../../../../lib/export/export.ts';

/** One export per snapshot date: the objectives of the period that contains the date (contract v1.1). */
export const getStaticPaths = snapshotExportPaths;

export const GET: APIRoute<{ period: string }> = async ({ params, props }) => {
  const portal = (await getPortal()).snapshotOf(props.period, params.date!);
  const records = exportObjectives(portal, portal.inputs.base);
  return new Response(`${JSON.stringify(records, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
