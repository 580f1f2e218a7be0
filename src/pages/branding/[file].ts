// The logo and accent stylesheet of portal.yaml `branding`; no files without it.
import type { APIRoute } from 'astro';
import { getPortal } from '../../portal.ts';

export async function getStaticPaths(): Promise<{ params: { file: string } }[]> {
  const portal = await getPortal();
  return portal.brandingFiles().map((file) => ({ params: { file: file.path.slice('branding/'.length) } }));
}

export const GET: APIRoute = async ({ params }) => {
  const portal = await getPortal();
  const file = portal.brandingFiles().find((candidate) => candidate.path === `branding/${params.file}`);
  if (!file) return new Response(null, { status: 404 });
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
