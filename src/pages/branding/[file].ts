// The logo and accent stylesheet of portal.yaml `branding`; no files without it.
import type { APIRoute } from 'astro';
import { brandingFilePaths, getPortal } from '../../portal.ts';

export const getStaticPaths = brandingFilePaths;

export const GET: APIRoute = async ({ params }) => {
  const portal = await getPortal();
  const file = portal.brandingFiles().find((candidate) => candidate.path === `branding/${params.file}`);
  if (!file) return new Response(null, { status: 404 });
  return new Response(file.body, { headers: { 'Content-Type': file.type } });
};
