/**
 * Writes the many small derived files (SVG badges, embeddable KPI charts, KPI series CSVs)
 * straight into the output folder after the build. Rendering tens of thousands of them as
 * Astro routes would cost more than the pages themselves; they need no layout, only the
 * scored portal, which comes from the same content pipeline the pages use. With PORTAL_SHARD,
 * each shard writes the files of the entities whose pages it renders. A file whose bytes
 * are the last build's keeps that build's modification time (write-files.worker.mjs says why),
 * by a record in the cache folder beside Astro's incremental-build manifest.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { keyResultBadge, kpiBadge, objectiveBadge, renderBadge } from '../lib/render/badge.ts';
import { i18nFor } from '../lib/i18n/index.ts';
import { kpiSeriesCsv } from '../lib/export/csv-export.ts';
import { renderKpiChartSvg } from '../lib/charts/kpi-chart-svg.ts';
import type { PortalModel } from '../lib/model/portal-model.ts';
import { gradeOf } from '../lib/model/progress.ts';
import { buildModelOnce } from '../loader/content-source.ts';
import { sitePlanOnce } from '../loader/site-plan.ts';
import { buildStopped, stepFailed } from './build-failure.ts';

/**
 * The derived files as [path below the output folder, contents]: every one, or those of the
 * objectives and KPIs `includes` picks (with PORTAL_SHARD, those whose pages the shard renders).
 * @example derivedFiles(model).find(([path]) => path === 'badges/kpis/customer/nps.svg')
 */
export function derivedFiles(model: PortalModel, includes: (collection: 'objectives' | 'kpis', id: string) => boolean = () => true): [string, string][] {
  const files: [string, string][] = [];
  const i18n = i18nFor(model.settings.locale);
  const { format } = i18n;
  for (const objective of model.objectives) {
    if (!includes('objectives', objective.id)) continue;
    files.push([`badges/objectives/${objective.id}.svg`, renderBadge(objectiveBadge(objective, format))]);
    for (const kr of objective.keyResults) {
      const badge = keyResultBadge(kr, gradeOf(kr.score, model.settings.grading), format);
      files.push([`badges/key-results/${objective.id}/${kr.id}.svg`, renderBadge(badge)]);
    }
  }
  for (const kpi of model.kpis) {
    if (!includes('kpis', kpi.id)) continue;
    files.push([`badges/kpis/${kpi.id}.svg`, renderBadge(kpiBadge(kpi, format))]);
    files.push([`embed/kpis/${kpi.id}.svg`, renderKpiChartSvg(kpi, model.asOf, i18n)]);
    files.push([`api/v1/kpis/${kpi.id}.csv`, kpiSeriesCsv(kpi)]);
  }
  return files;
}

interface Writing {
  started: number;
  count: number;
  /** Resolves with the number of files whose bytes (and so modification time) were the last build's. */
  done: Promise<number>;
}

/** The record of the derived files' digests and times, in the cache folder. */
const RECORD_FILE = 'okr-portal-derived-files.json';

/** Starts writing the derived files of the content and audience this build renders. */
function startWriting(outDir: URL, cacheDir: URL | undefined): Writing {
  const started = performance.now();
  // A shard writes the files of the objectives and KPIs whose pages it renders: one plan for both.
  const files = derivedFiles(buildModelOnce(), sitePlanOnce().rendersEntry);
  const done = writeDerivedFiles(fileURLToPath(outDir), files, cacheDir && { record: fileURLToPath(new URL(RECORD_FILE, cacheDir)) });
  // Failures surface in astro:build:done; until then, keep Node from calling them unhandled.
  done.catch(() => {});
  return { started, count: files.length, done };
}

/** Writing a derived file failed; names the file and what the file system said. */
export class WriteFilesError extends Error {
  override name = 'WriteFilesError';
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`writing badges, embeds and KPI CSVs failed for ${file}: ${reason}`);
    this.file = file;
  }
}

/**
 * Writes the files into the output folder on a worker thread. Creating tens of thousands of
 * small files costs the thread that does it a few seconds; on the main thread (or through
 * libuv's pool, which Astro's own page writes wait for) that time came out of rendering.
 * With `record` (a file path), a file whose bytes the record holds from the last build gets
 * that build's modification time back; resolves with how many did.
 * @example await writeDerivedFiles('/tmp/site/dist', derivedFiles(model), { record: '/tmp/cache/okr-portal-derived-files.json' })
 */
export function writeDerivedFiles(outDir: string, files: readonly (readonly [string, string])[], options: { record?: string | undefined } = {}): Promise<number> {
  const absolute = files.map(([path, contents]) => [join(outDir, path), path, contents] as const);
  const folders = [...new Set([...absolute.map(([path]) => dirname(path)), ...(options.record ? [dirname(options.record)] : [])])].sort();
  return new Promise((resolve, reject) => {
    // A module file beside this one, not eval'd source: it is code like any other, in the repository.
    const worker = new Worker(new URL('./write-files.worker.mjs', import.meta.url), { workerData: { folders, files: absolute, record: options.record } });
    let reply: { ok: boolean; kept?: number; file?: string; message?: string } | undefined;
    worker.once('message', (message: typeof reply) => (reply = message));
    worker.once('error', (error) => reject(new WriteFilesError(outDir, error.message)));
    worker.once('exit', (code) => {
      if (reply?.ok) resolve(reply.kept ?? 0);
      else reject(new WriteFilesError(reply?.file ?? outDir, reply?.message ?? `the writer stopped with exit code ${code}`));
    });
  });
}

/**
 * The integration that writes badges, embeds and KPI CSVs into the build output. It starts
 * in `astro:build:setup`, which Astro calls after emptying the output folder and before
 * bundling and rendering, and `astro:build:done` only waits for it to finish.
 * @example integrations: [staticFiles()]
 */
export function staticFiles(): AstroIntegration {
  let writing: Writing | undefined;
  let outDir: URL | undefined;
  let cacheDir: URL | undefined;
  return {
    name: 'okr-portal:static-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = config.outDir;
        cacheDir = config.cacheDir;
      },
      'astro:build:setup': () => {
        if (outDir) writing ??= startWriting(outDir, cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waiting = performance.now();
        // Without the setup hook (not expected with Astro 7) the files are written now.
        const current = writing ?? startWriting(dir, cacheDir);
        writing = undefined;
        let kept: number;
        try {
          kept = await current.done;
        } catch (error) {
          throw error instanceof WriteFilesError ? buildStopped(error.message, 'Check that the output folder (PORTAL_OUT_DIR) is writable.', error) : stepFailed('writing badges, embeds and KPI CSVs', fileURLToPath(dir), error);
        }
        const now = performance.now();
        logger.info(`wrote ${current.count} badges, embeds and KPI CSVs in ${((now - current.started) / 1000).toFixed(2)} s (${((now - waiting) / 1000).toFixed(2)} s after rendering), ${kept} unchanged since the last build`);
      },
    },
  };
}
