import type { APIRoute } from 'astro';
import { getPortal, snapshotPaths } from '../../../../../portal.ts';
import { exportObjectives } from '../../../../../lib/export/export.ts';

/** One export per snapshot date: the objectives of the period that contains the date (contract v1.1). */
export async function getStaticPaths(): Promise<{ params: { date: string }; props: { period: string } }[]> {
  return (await snapshotPaths()).map(({ params }) => ({ params: { date: params.date }, props: { period: params.period } }));
}

export const GET: APIRoute<{ period: string }> = async ({ params, props }) => {
  const portal = (await getPortal()).snapshotOf(props.period, params.date!);
  const records = exportObjectives(portal, portal.inputs.base);
  return new Response(`${JSON.stringify(records, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
