/**
 * The one source of the portal's data, for `astro build` and `astro dev` alike: the content
 * as read, checked and filtered by audience (read-content.ts), the scored model of it, and
 * the sanitized HTML of its Markdown bodies. The content check, the collections' loaders,
 * the pages (through src/portal.ts) and the integrations that write the search index and the
 * derived files all ask here, so that each reads the content folder once per change and all
 * see the same entries.
 *
 * Why process-wide state: Astro evaluates this module more than once in one process (in the
 * config with the integrations, in the content loaders, and in the prerender bundle), each a
 * separate module instance, and offers no channel from hooks and loaders to pages. One typed
 * slot on `globalThis` is the only state they share; nothing else in the portal is global.
 */
import { resolve } from 'node:path';
import type { Audience } from '../lib/content/audience.ts';
import type { CollectionName, ContentEntry, ContentFile } from '../lib/content/content-set.ts';
import { buildPortalModel, type PortalModel } from '../lib/model/portal-model.ts';
import { buildPeriodTimeline, buildSnapshot, periodStandings, timelineContent, type PeriodTimeline, type Standing } from '../lib/model/snapshots.ts';
import { snapshotDates } from '../lib/calendar/snapshot-dates.ts';
import { cachedResult, type ResultCache } from './result-cache.ts';
import { snapshotContentMaterial } from '../lib/model/page-keys.ts';
import { keyDigest } from './key-digest.ts';
import { memoized } from '../lib/memo.ts';
import { sortProblems } from '../lib/content/problems.ts';
import { mentionsHidden } from '../lib/content/hidden-titles.ts';
import { renderMarkdownBody, type RenderedMarkdown } from './markdown.ts';
import type { BuildInputs } from '../lib/content/build-inputs.ts';
import { readBuildInputs } from './build-inputs.ts';
import { loadContent, type LoadedContent } from './read-content.ts';

/**
 * The content as a build keeps it: checked, filtered, with the list of its files but not
 * their texts (see loadContentOnce).
 */
export type BuildContent = Omit<LoadedContent, 'files'> & { files: readonly Omit<ContentFile, 'text'>[] };

/** A rendered body as the data store keeps it: its HTML, and its headings when rendered here. */
type BodyRendering = Pick<RenderedMarkdown, 'html'> & Partial<Pick<RenderedMarkdown, 'metadata'>>;

interface ContentState {
  /** The latest load per content root and audience (cleared when a file changes). */
  loads: Map<string, BuildContent>;
  /** The latest load without errors per key: what a dev server keeps showing after a broken edit. */
  lastGood: Map<string, BuildContent>;
  /** The model of `model.loaded` at `model.asOf`. */
  model: { loaded: BuildContent; asOf: string; model: PortalModel } | undefined;
  /**
   * Snapshots of `snapshots.loaded` at `snapshots.asOf`: timelines by period, the few
   * snapshot models that pages are rendering (one page and one export per date, in turn), and
   * by `period\0date` the digest of each snapshot's objectives that its page keys hold.
   */
  snapshots:
    | {
        loaded: BuildContent;
        asOf: string;
        timelines: Map<string, PeriodTimeline>;
        models: Map<string, PortalModel>;
        digests: Map<string, string>;
        /** By period, the standings of the objectives `includes` picked (a shard's own; see periodStandingsOnce). */
        standings: Map<string, { includes: (objectiveId: string) => boolean; standings: Map<string, Standing[]> }>;
      }
    | undefined;
  /** The visible entries of `entries.loaded` by `collection/id`. */
  entries: { loaded: BuildContent; byKey: Map<string, ContentEntry<unknown>> } | undefined;
  /** Rendered Markdown bodies by `collection/id`, valid for the body text they were made from. */
  bodies: Map<string, { body: string; rendered: BodyRendering }>;
  /** The hidden-mention test of `hiddenMentions.loaded` (commit subjects of the history). */
  hiddenMentions?: { loaded: BuildContent; test: (text: string) => boolean } | undefined;
  /** Where `astro build` keeps results between builds (keepResultsIn); none in a dev server or the CLI. */
  results?: ResultCache | undefined;
}

const STATE_KEY = Symbol.for('okr-portal.content-state');
const state: ContentState = ((globalThis as { [STATE_KEY]?: ContentState })[STATE_KEY] ??= {
  loads: new Map(),
  lastGood: new Map(),
  model: undefined,
  snapshots: undefined,
  entries: undefined,
  bodies: new Map(),
});

/**
 * `loadContent`, memoized per process until the content changes: the content check and the
 * collections' loaders run in one `astro build` and must see the same files without reading
 * them twice.
 * @example loadContentOnce({ contentDir: 'content', audience: 'public' }).visible.objectives
 */
export function loadContentOnce(options: { contentDir: string; audience: Audience }): BuildContent {
  const key = keyOf(options);
  let loaded = state.loads.get(key);
  if (!loaded) {
    loaded = withoutTexts(loadContent({ ...options, results: state.results }));
    state.loads.set(key, loaded);
    // Decided once per load, not on every page that asks for the current content.
    if (sortProblems(loaded.problems).errors.length === 0) state.lastGood.set(key, loaded);
  }
  return loaded;
}

/**
 * The load without the files' texts: nothing in a build reads them after the check (pages
 * take the model and the bodies; a shard's manifest hashes the files from disk), and they
 * were a fifth of the loaded content's memory, 73 of 347 MB at 40,000 objectives (issue 26).
 */
function withoutTexts(loaded: LoadedContent): BuildContent {
  return { ...loaded, files: loaded.files.map(({ text: _text, ...file }) => file) };
}

function keyOf(options: { contentDir: string; audience: Audience }): string {
  return `${resolve(options.contentDir)}\0${options.audience}`;
}

/**
 * Forgets what was read, so that the next call reads the content folder again (a dev server
 * after an edit). Rendered bodies stay: each is checked against its body text.
 * @example clearContentCache()
 */
export function clearContentCache(): void {
  state.loads.clear();
}

/**
 * The content of this build's inputs: the latest load, or while it has errors (a broken edit
 * in `astro dev`; a build stops before rendering), the last load without errors.
 */
function currentContent(): BuildContent {
  const options = { contentDir: inputs().contentDir, audience: inputs().audience };
  const loaded = loadContentOnce(options);
  return state.lastGood.get(keyOf(options)) ?? loaded;
}

let processInputs: BuildInputs | undefined;

/** The build inputs, read once: the environment of a process does not change, and pages ask per render. */
function inputs(): BuildInputs {
  processInputs ??= readBuildInputs().inputs;
  return processInputs;
}

/**
 * The scored model of the visible content at the as-of date, computed once per content
 * change: pages, feeds, exports, badges and the search index all read this one.
 * @example const { objectives } = buildModelOnce();
 */
export function buildModelOnce(): PortalModel {
  const loaded = currentContent();
  const { asOf } = inputs();
  if (state.model?.loaded !== loaded || state.model.asOf !== asOf) {
    state.model = { loaded, asOf, model: buildPortalModel(loaded.visible, asOf) };
  }
  return state.model.model;
}

/**
 * Whether a text names an entry that this build's audience may not see (its title, name or
 * id; see mentionsHidden), for text that comes from outside the content, such as commit
 * subjects. The only use of hidden entries after the filter: they are compared, never shown.
 * @example mentionsHiddenOnce()('Raise target, see Project Nightingale') // true when that objective is internal
 */
export function mentionsHiddenOnce(): (text: string) => boolean {
  const loaded = currentContent();
  if (state.hiddenMentions?.loaded !== loaded) state.hiddenMentions = { loaded, test: mentionsHidden(loaded.all, inputs().audience) };
  return state.hiddenMentions.test;
}

/**
 * Snapshot models kept at once: the one the page being rendered asks for. Astro renders one
 * page at a time (build.concurrency 1) and route by route in path order, so a date's export
 * (/api/v1/as-of/) and its page (/periods/) are thousands of pages apart and no kept model
 * is asked for again; each is a scored copy of its period, which 8 of them (the number
 * before) made twice the size of the whole model in memory (issue 26).
 */
const SNAPSHOT_MODELS = 1;

function snapshotState(): NonNullable<ContentState['snapshots']> {
  const loaded = currentContent();
  const { asOf } = inputs();
  if (state.snapshots?.loaded !== loaded || state.snapshots.asOf !== asOf) {
    state.snapshots = { loaded, asOf, timelines: new Map(), models: new Map(), digests: new Map(), standings: new Map() };
  }
  return state.snapshots;
}

/**
 * The timeline of a period at the build's as-of date: its snapshot dates, each objective's
 * standing on each, and the movers of each week; computed once per content change.
 * @example periodTimelineOnce('2026-Q3').dates.at(-1) // '2026-11-22'
 */
export function periodTimelineOnce(period: string): PeriodTimeline {
  const snapshots = snapshotState();
  return memoized(snapshots.timelines, period, () => {
    const content = timelineContent(snapshots.loaded.visible, period);
    // What the timeline is a function of (snapshots.ts): a rebuild takes the timelines of the
    // periods whose content did not change from the last build.
    const material = JSON.stringify({ period, dates: snapshotDates(period, snapshots.asOf), content });
    const { timeline, digests } = cachedResult(state.results, `timeline-${period}`, material, () => {
      // The timeline scores every snapshot date of the period: the page keys' digest of each
      // is taken here, so that the keys need no model of their own (the memo holds only a few).
      const digests = new Map<string, string>();
      const timeline = buildPeriodTimeline(content, period, snapshots.asOf, (date, snapshot) => void digests.set(date, keyDigest(snapshotContentMaterial(snapshot.objectives))));
      return { timeline, digests };
    });
    for (const [date, digest] of digests) snapshots.digests.set(`${period}\0${date}`, digest);
    return timeline;
  });
}

/**
 * Lets this process keep results between builds in `cache` (src/loader/result-cache.ts): the
 * parsed content files and the snapshot timelines. The content check turns it on for `astro
 * build`, before it loads the content.
 * @example keepResultsIn({ dir: inputs.cacheDir, codeVersion: codeVersion(root) })
 */
export function keepResultsIn(cache: ResultCache): void {
  state.results = cache;
}

/**
 * The weekly standings of the objectives of a period that `includes` picks, scored without
 * the period's other objectives: what a shard that renders some of a period's objective
 * pages, but not the pages that need its whole timeline, draws and keys them by (the same
 * values as the timeline's, at the share of the cost). Computed once per period and content
 * change for the same `includes`.
 * @example periodStandingsOnce('2026-Q3', (id) => id === '2026-q3/growth').get('2026-q3/growth')
 */
export function periodStandingsOnce(period: string, includes: (objectiveId: string) => boolean): ReadonlyMap<string, readonly Standing[]> {
  const snapshots = snapshotState();
  const found = snapshots.standings.get(period);
  if (found?.includes === includes) return found.standings;
  const standings = periodStandings(snapshots.loaded.visible, period, snapshots.asOf, includes);
  snapshots.standings.set(period, { includes, standings });
  return standings;
}

/**
 * The digest of a snapshot's objectives for its page keys (page-keys.ts `snapshotContentMaterial`),
 * as the period's timeline pass took it.
 * @example snapshotDigestOnce('2026-Q3', '2026-08-16') // 'mF0c…'
 */
export function snapshotDigestOnce(period: string, date: string): string {
  periodTimelineOnce(period);
  // A date outside the timeline has no page; scored here all the same, so a key is never missing.
  return snapshotState().digests.get(`${period}\0${date}`) ?? keyDigest(snapshotContentMaterial(snapshotModelOnce(period, date).objectives));
}

/**
 * The model of a period as it stood on one of its snapshot dates (the visible content, so
 * the audience filtering is the build's).
 * @example snapshotModelOnce('2026-Q3', '2026-08-16').asOf // '2026-08-16'
 */
export function snapshotModelOnce(period: string, date: string): PortalModel {
  const snapshots = snapshotState();
  return memoized(snapshots.models, `${period}\0${date}`, () => buildSnapshot(snapshots.loaded.visible, period, date), SNAPSHOT_MODELS);
}

/**
 * The sanitized HTML of a visible Markdown entry's body (rendered with the site's pipeline
 * the first time it is asked for, and again only when the body changes); undefined without a
 * body, for MDX (rendered by Astro's MDX integration) and for entries the audience may not see.
 * @example bodyHtmlOf('objectives', '2026-q3/support/efficiency')
 */
export function bodyHtmlOf(collection: CollectionName, id: string): string | undefined {
  const loaded = currentContent();
  if (state.entries?.loaded !== loaded) {
    const byKey = new Map<string, ContentEntry<unknown>>();
    for (const [name, entries] of Object.entries(loaded.visible)) {
      if (Array.isArray(entries)) for (const entry of entries as ContentEntry<unknown>[]) byKey.set(`${name}/${entry.id}`, entry);
    }
    state.entries = { loaded, byKey };
  }
  const entry = state.entries.byKey.get(`${collection}/${id}`);
  if (!entry || entry.format === 'mdx' || !entry.body.trim()) return undefined;
  return renderedBody(collection, id, entry.body).html || undefined;
}

/**
 * Renders a Markdown body once per body text. The loaders call it for the data store and
 * hand over what they found unchanged there (`known`), so that nothing renders twice.
 * @example renderedBody('teams', 'support', '# Support').html // '<h1 id="support">Support</h1>'
 */
export function renderedBody(collection: CollectionName, id: string, body: string, known?: { html: string }): BodyRendering {
  const key = `${collection}/${id}`;
  const cached = state.bodies.get(key);
  if (cached?.body === body) return cached.rendered;
  const rendered: BodyRendering = known ? { html: known.html } : renderMarkdownBody(body);
  state.bodies.set(key, { body, rendered });
  return rendered;
}
