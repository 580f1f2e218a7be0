/**
 * The one adapter between Astro and the domain library: hands pages the scored model of the
 * visible content (src/loader/content-source.ts, the same in `astro build` and `astro dev`),
 * with URLs, history and links added, and the rendered bodies. Pages never call getCollection.
 */
import { getEntry, render } from 'astro:content';
import type { CollectionName } from './lib/content/content-set.ts';
import type { Objective, PortalModel } from './lib/model/portal-model.ts';
import { groupByPeriod } from './lib/calendar/period.ts';
import { routeUrl, type Route } from './lib/render/urls.ts';
import { bodyHtmlOf, buildModelOnce, mentionsHiddenOnce, periodStandingsOnce, periodTimelineOnce, snapshotDigestOnce, snapshotModelOnce } from './loader/content-source.ts';
import type { PeriodTimeline, Standing } from './lib/model/snapshots.ts';
import { readBuildInputs } from './loader/build-inputs.ts';
import type { BuildInputs } from './lib/content/build-inputs.ts';
import { entryHistory, type EntryHistory } from './lib/model/history.ts';
import { gitTopLevel, readTimelines } from './loader/git-history.ts';
import { readContentBytes } from './loader/read-content.ts';
import { MAX_LOGO_BYTES } from './lib/content/content-limits.ts';
import { i18nFor, type I18n } from './lib/i18n/index.ts';
import { relative, resolve, sep } from 'node:path';
import { keyDigest } from './loader/key-digest.ts';
import { pageKeyMaterial, type PageKeyMaterial } from './lib/model/page-keys.ts';
import type { Kpi, Person, Team } from './lib/model/portal-model.ts';
import { logoPath, themeCss, themePath } from './lib/render/branding.ts';
import type { ExportFile, RouteName, SitePage } from './lib/model/site-pages.ts';
import { rendersPage } from './lib/model/shard-plan.ts';
import { sitePlanOnce, type SitePlan } from './loader/site-plan.ts';
import { chronological } from './lib/model/report.ts';
import type { Retrospective } from './lib/model/portal-model.ts';
import type { KpiCategory } from './lib/content/schema/kpi.ts';

export interface Portal extends PortalModel {
  inputs: BuildInputs;
  /** Messages and formats in the language of portal.yaml `locale`. */
  i18n: I18n;
  /** URL of a route under the base path. */
  url(route: Route): string;
  /** URL of a static asset or path under the base path. */
  asset(path: string): string;
  /** Absolute URL of a path under the base path, for embeds and feeds; undefined without PORTAL_SITE. */
  absolute(path: string): string | undefined;
  /**
   * History read from git, by objective id (empty without git): only the revisions in which
   * the audience could see the objective, with authors and subjects as PORTAL_HISTORY_DETAILS allows.
   */
  history: Map<string, EntryHistory>;
  /** "Edit this page" URL of a content file (path below the content root), with PORTAL_REPO_URL. */
  editUrl(path: string): string | undefined;
  /** Web URL of a commit, with PORTAL_REPO_URL. */
  commitUrl(commit: string): string | undefined;
  /** The objectives of a period, as the same array on every call (alignment trees are indexed by it). */
  objectivesOf(period: string): readonly Objective[];
  /** The files that portal.yaml `branding` adds, by path below the base path (none without it). */
  brandingFiles(): BrandingFile[];
  /** Paths below the base path of the logo and the accent stylesheet, when portal.yaml sets them. */
  brandingPaths: { logo?: string | undefined; theme?: string | undefined };
  /**
   * The snapshot timeline of a period (contract v1.1): its snapshot dates, each objective's
   * standing on each and the week's movers; without dates when PORTAL_SNAPSHOTS=off.
   */
  timelineOf(period: string): PeriodTimeline;
  /**
   * An objective's standing on each snapshot date of its period, which its page draws as
   * progress over time: from the period's timeline, or in a shard that does not render the
   * pages needing the whole timeline, scored with the shard's own objectives only.
   */
  standingsOf(objective: Pick<Objective, 'id' | 'period'>): readonly Standing[];
  /**
   * The portal as it stood on a snapshot date of a period: the period's objectives and the
   * KPIs scored at that date; navigation (periods, teams, people) stays the build's.
   */
  snapshotOf(period: string, date: string): Portal;
}

/** A file of the organisation's branding: the logo (bytes of the content folder's file) or the accent stylesheet. */
export interface BrandingFile {
  path: string;
  type: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const IMAGE_TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', webp: 'image/webp', jpg: 'image/jpeg', jpeg: 'image/jpeg' };

let current: { model: PortalModel; portal: Portal } | undefined;

/**
 * The scored portal, computed once per build (and once per content change in `astro dev`).
 * @example const portal = await getPortal();
 */
export async function getPortal(): Promise<Portal> {
  const model = buildModelOnce();
  if (current?.model !== model) current = { model, portal: portalOf(model) };
  return current.portal;
}

/**
 * The pages of a route that this build renders: all of them, or with PORTAL_SHARD=k/n the
 * ones the shard plan gives to shard k. Every route with parameters asks here, so the plan
 * is applied in one place and the shards are disjoint.
 */
async function pagesOf<R extends RouteName>(route: R): Promise<{ portal: Portal; pages: SitePage<R>[] }> {
  const portal = await getPortal();
  const { byRoute, plan, shard } = sitePlanOnce();
  const pages = (byRoute.get(route) ?? []) as SitePage<R>[];
  return { portal, pages: shard ? pages.filter((page) => rendersPage(shard, plan, page.key)) : pages };
}

/**
 * `getStaticPaths` of pages with one page per period, each with its `cacheKey` (every route
 * with parameters has one: src/lib/model/page-keys.ts says what each key covers).
 * @example export const getStaticPaths = () => periodPaths('period');
 */
export async function periodPaths(route: 'period' | 'period-changes' | 'period-report' | 'alignment'): Promise<{ params: { period: string }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf(route);
  const keys = pageKeysOf(portal);
  const material = { period: keys.period, 'period-changes': keys.periodChanges, 'period-report': keys.periodReport, alignment: (period: string) => keys.alignment(period) }[route];
  return pages.map(({ params }) => ({ params: { period: params.period! }, cacheKey: keyDigest(material(params.period!)) }));
}

/**
 * `getStaticPaths` of the period reports: one per closed period.
 * @example export const getStaticPaths = reportPaths;
 */
export async function reportPaths(): Promise<{ params: { period: string }; cacheKey: string }[]> {
  return periodPaths('period-report');
}

/**
 * `getStaticPaths` of the alignment tree of each team in each period.
 * @example export const getStaticPaths = alignmentTeamPaths;
 */
export async function alignmentTeamPaths(): Promise<{ params: { period: string; team: string }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('alignment-team');
  const keys = pageKeysOf(portal);
  return pages.map(({ params }) => ({ params: { period: params.period!, team: params.team! }, cacheKey: keyDigest(keys.alignment(params.period!, params.team!)) }));
}

/**
 * `getStaticPaths` of the KPI lists of one category.
 * @example export const getStaticPaths = kpiCategoryPaths;
 */
export async function kpiCategoryPaths(): Promise<{ params: { category: KpiCategory }; props: { category: KpiCategory }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('kpi-category');
  const keys = pageKeysOf(portal);
  return pages.map(({ params }) => {
    const category = params.category as KpiCategory;
    return { params: { category }, props: { category }, cacheKey: keyDigest(keys.kpiList({ kind: 'category', category })) };
  });
}

/**
 * `getStaticPaths` of the KPI lists of one team (teams watching a KPI only).
 * @example export const getStaticPaths = kpiTeamPaths;
 */
export async function kpiTeamPaths(): Promise<{ params: { team: string }; props: { team: { id: string; name: string } }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('kpi-team');
  const keys = pageKeysOf(portal);
  return pages.map(({ params }) => ({
    params: { team: params.team! },
    props: { team: { id: params.team!, name: portal.teamById.get(params.team!)!.name } },
    cacheKey: keyDigest(keys.kpiList({ kind: 'team', team: params.team! })),
  }));
}

/**
 * `getStaticPaths` of the retrospectives, each with its neighbours in time.
 * @example export const getStaticPaths = retrospectivePaths;
 */
export async function retrospectivePaths(): Promise<{ params: { id: string }; props: { retro: Retrospective; previous: Retrospective | undefined; next: Retrospective | undefined }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('retrospective');
  const keys = pageKeysOf(portal);
  const ordered = chronological(portal.retrospectives);
  const position = new Map(ordered.map((retro, index) => [retro.id, index]));
  return pages.map(({ params }) => {
    const index = position.get(params.id!)!;
    const props = { retro: ordered[index]!, previous: ordered[index - 1], next: ordered[index + 1] };
    return { params: { id: params.id! }, props, cacheKey: keyDigest(keys.retrospective(props.retro, props)) };
  });
}

/**
 * `getStaticPaths` of the JSON exports of /api/v1/.
 * @example export const getStaticPaths = exportPaths;
 */
export async function exportPaths(): Promise<{ params: { file: ExportFile }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('export');
  const keys = pageKeysOf(portal);
  return pages.map(({ params }) => ({ params: { file: params.file as ExportFile }, cacheKey: keyDigest(keys.export(params.file as ExportFile)) }));
}

/**
 * `getStaticPaths` of the branding files (the logo and the accent stylesheet).
 * @example export const getStaticPaths = brandingFilePaths;
 */
export async function brandingFilePaths(): Promise<{ params: { file: string }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('branding');
  const keys = pageKeysOf(portal);
  const files = new Map(portal.brandingFiles().map((file) => [file.path, file]));
  return pages.map(({ params }) => ({ params: { file: params.file! }, cacheKey: keyDigest(keys.branding(files.get(`branding/${params.file!}`)!)) }));
}

/**
 * `getStaticPaths` of the entity pages, each path with its `cacheKey` for Astro's incremental
 * build (src/lib/model/page-keys.ts says what a key covers): a page whose key and code are
 * unchanged is copied from the last build instead of rendered.
 * @example export const getStaticPaths = () => entityPaths('objectives');
 */
export async function entityPaths(kind: 'objectives'): Promise<{ params: { id: string }; props: { objective: Objective }; cacheKey: string }[]>;
export async function entityPaths(kind: 'kpis'): Promise<{ params: { id: string }; props: { kpi: Kpi }; cacheKey: string }[]>;
export async function entityPaths(kind: 'teams'): Promise<{ params: { id: string }; props: { team: Team }; cacheKey: string }[]>;
export async function entityPaths(kind: 'people'): Promise<{ params: { id: string }; props: { person: Person }; cacheKey: string }[]>;
export async function entityPaths(kind: 'objectives' | 'kpis' | 'teams' | 'people'): Promise<{ params: { id: string }; props: object; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf(kind);
  const keys = pageKeysOf(portal);
  const ids = pages.map(({ params }) => params.id!);
  switch (kind) {
    case 'objectives':
      return ids.map((id) => portal.objectiveById.get(id)!).map((objective) => ({ params: { id: objective.id }, props: { objective }, cacheKey: keyDigest(keys.objective(objective)) }));
    case 'kpis':
      return ids.map((id) => portal.kpiById.get(id)!).map((kpi) => ({ params: { id: kpi.id }, props: { kpi }, cacheKey: keyDigest(keys.kpi(kpi)) }));
    case 'teams':
      return ids.map((id) => portal.teamById.get(id)!).map((team) => ({ params: { id: team.id }, props: { team }, cacheKey: keyDigest(keys.team(team)) }));
    case 'people':
      return ids.map((id) => portal.personById.get(id)!).map((person) => ({ params: { id: person.id }, props: { person }, cacheKey: keyDigest(keys.person(person)) }));
  }
}

const pageKeys = new WeakMap<Portal, PageKeyMaterial>();

/** The page keys of a portal, made once, so that the routes share the digests of shared parts (a period's objectives). */
function pageKeysOf(portal: Portal): PageKeyMaterial {
  let keys = pageKeys.get(portal);
  if (!keys) {
    const { audience, asOf, site, base, repoUrl, repoBranch, history, historyDetails, snapshots } = portal.inputs;
    keys = pageKeyMaterial(portal, {
      inputs: { audience, asOf, site, base, repoUrl, repoBranch, history, historyDetails, snapshots },
      editBase: portal.editUrl('.'),
      configVersion: __OKR_PORTAL_CONFIG__,
      historyOf: (id) => portal.history.get(id),
      hasHistory: portal.history.size > 0,
      standingsOf: (id) => {
        const objective = portal.objectiveById.get(id);
        return objective ? portal.standingsOf(objective) : [];
      },
      timelineOf: (period) => portal.timelineOf(period),
      digest: keyDigest,
    });
    pageKeys.set(portal, keys);
  }
  return keys;
}

/**
 * `getStaticPaths` of the snapshot pages: one per period and snapshot date.
 * @example export const getStaticPaths = snapshotPaths;
 */
export async function snapshotPaths(): Promise<{ params: { period: string; date: string }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('snapshot');
  const keys = pageKeysOf(portal);
  return pages.map(({ params }) => {
    const { period, date } = params as { period: string; date: string };
    const { dates } = portal.timelineOf(period);
    return { params: { period, date }, cacheKey: keyDigest(keys.snapshot({ period, date, content: snapshotDigestOnce(period, date), dates })) };
  });
}

/**
 * `getStaticPaths` of the snapshot exports: one per snapshot date, with its period.
 * @example export const getStaticPaths = snapshotExportPaths;
 */
export async function snapshotExportPaths(): Promise<{ params: { date: string }; props: { period: string }; cacheKey: string }[]> {
  const { portal, pages } = await pagesOf('snapshot-export');
  const keys = pageKeysOf(portal);
  // A date's period: the snapshot page of the same date names it.
  const periodOf = new Map((sitePlanOnce().byRoute.get('snapshot') ?? []).map(({ params }) => [params.date!, params.period!]));
  return pages.map(({ params }) => {
    const date = params.date!;
    const period = periodOf.get(date)!;
    return { params: { date }, props: { period }, cacheKey: keyDigest(keys.snapshotExport({ date, content: snapshotDigestOnce(period, date) })) };
  });
}

function portalOf(model: PortalModel): Portal {
  const { inputs } = readBuildInputs();
  const contentRoot = resolve(inputs.contentDir);
  const repoRoot = inputs.repoUrl ? (gitTopLevel(contentRoot) ?? process.cwd()) : undefined;
  const byPeriod = groupByPeriod(model.objectives);
  const none: readonly Objective[] = [];
  const portal: Portal = {
    objectivesOf: (period) => byPeriod.get(period) ?? none,
    history: inputs.history ? readHistory(contentRoot, model, inputs) : new Map(),
    editUrl: (path) =>
      inputs.repoUrl && repoRoot
        ? `${inputs.repoUrl}/edit/${inputs.repoBranch}/${relative(repoRoot, resolve(contentRoot, path)).split(sep).join('/')}`
        : undefined,
    commitUrl: (commit) => (inputs.repoUrl ? `${inputs.repoUrl}/commit/${commit}` : undefined),
    brandingFiles: () => brandingFilesOf(model, contentRoot),
    brandingPaths: { logo: logoPath(model.settings.branding), theme: themePath(model.settings.branding) },
    ...model,
    inputs,
    i18n: i18nFor(model.settings.locale),
    url: (route) => routeUrl(inputs.base, route),
    asset: (path) => `${inputs.base}${path.replace(/^\//, '')}`,
    absolute: (path) => (inputs.site ? `${inputs.site}${path.startsWith('/') ? path : `${inputs.base}${path}`}` : undefined),
    timelineOf: (period) => (inputs.snapshots ? periodTimelineOnce(period) : { period, dates: [], weeks: [], standings: new Map() }),
    standingsOf: ({ id, period }) => {
      if (!inputs.snapshots) return [];
      const plan = sitePlanOnce();
      const standings = plan.rendersTimeline(period) ? periodTimelineOnce(period).standings : periodStandingsOnce(period, rendersObjective(plan));
      return standings.get(id) ?? [];
    },
    snapshotOf: (period, date) => {
      const { objectives, objectiveById, kpis, kpiById, asOf } = snapshotModelOnce(period, date);
      return { ...portal, asOf, objectives, objectiveById, kpis, kpiById, objectivesOf: (other) => (other === period ? objectives : none) };
    },
  };
  return portal;
}

const objectivePredicates = new WeakMap<SitePlan, (id: string) => boolean>();

/** The shard's objective pages as one function per plan, so that periodStandingsOnce's memo holds. */
function rendersObjective(plan: SitePlan): (id: string) => boolean {
  let includes = objectivePredicates.get(plan);
  if (!includes) {
    includes = (id) => plan.rendersEntry('objectives', id);
    objectivePredicates.set(plan, includes);
  }
  return includes;
}

function brandingFilesOf(model: PortalModel, contentRoot: string): BrandingFile[] {
  const { branding } = model.settings;
  const files: BrandingFile[] = [];
  const logo = logoPath(branding);
  // The loader checked that the logo is a file of the content folder within the size limit
  // (src/lib/content/load-content.ts); it is read under the walk's rules once more, in case it
  // was swapped since.
  if (logo && branding?.logo) files.push({ path: logo, type: IMAGE_TYPES[logo.slice(logo.lastIndexOf('.') + 1)] ?? 'application/octet-stream', body: readContentBytes(contentRoot, branding.logo, MAX_LOGO_BYTES) });
  const theme = themePath(branding);
  if (theme && branding?.accent) files.push({ path: theme, type: 'text/css', body: themeCss(branding.accent) });
  return files;
}

/**
 * History of the visible objectives (hidden ones are left out here, where the model is already
 * filtered), each limited to the revisions in which this build's audience could see it.
 */
function readHistory(contentRoot: string, model: PortalModel, inputs: BuildInputs): Map<string, EntryHistory> {
  const timelines = readTimelines(contentRoot, model.objectives.map((objective) => objective.path), inputs.cacheDir ?? 'node_modules/.astro');
  const history = new Map<string, EntryHistory>();
  const mentionsHidden = mentionsHiddenOnce();
  for (const objective of model.objectives) {
    const entry = entryHistory(timelines.get(objective.path) ?? [], inputs.audience, inputs.historyDetails, mentionsHidden);
    if (entry) history.set(objective.id, entry);
  }
  return history;
}

/**
 * The rendered body of a retrospective, as Astro's Content component (MDX, or sanitized
 * Markdown); the other collections are Markdown only and use bodyHtml.
 * @example const Body = await renderBody('retrospectives', retro.id);
 */
export async function renderBody(collection: CollectionName, id: string): Promise<Awaited<ReturnType<typeof render>>['Content'] | undefined> {
  const entry = await getEntry(collection, id);
  if (!entry || (!entry.rendered && !entry.filePath?.endsWith('.mdx'))) return undefined;
  const { Content } = await render(entry);
  return Content;
}

/**
 * The sanitized HTML of a Markdown entry's body, rendered once by the content loader;
 * undefined without a body, or for MDX (which needs renderBody).
 * @example const body = await bodyHtml('objectives', objective.id);
 */
export async function bodyHtml(collection: CollectionName, id: string): Promise<string | undefined> {
  return bodyHtmlOf(collection, id);
}
