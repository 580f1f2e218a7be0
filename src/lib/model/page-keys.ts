/**
 * The cache keys of every page with parameters, for Astro's incremental build: a page whose
 * key and code are unchanged since the last build is copied, not rendered. A key must
 * therefore change whenever anything the page shows changes, so each key holds, as JSON, the
 * page's whole entity and every entity the page draws from (crumbs, links, cards, charts,
 * tables), the site frame (settings, current period, build inputs) and the history. Entities
 * are taken whole rather than by the fields a page shows today: a page that starts showing
 * one more field then still gets a sound key. When a page starts showing another ENTITY, add
 * it here. This module returns the key material; src/portal.ts hashes it.
 *
 * Parts that many pages share (the objectives of a period, on its period, changes, report and
 * alignment pages and every team's alignment page) go into the material as a digest, made
 * once per build with the context's `digest`, instead of being serialized into each key; so
 * does each entity (objective, KPI, team, person, retrospective), serialized whole once.
 * Nothing of another period enters a period's keys, so a closed period's pages are copied
 * while the current one changes; only the frame (the as-of date in the footer, settings,
 * the list of periods) renders them again.
 */
import type { BuildInputs } from '../content/build-inputs.ts';
import { groupByPeriod } from '../calendar/period.ts';
import { memoized } from '../memo.ts';
import { ancestorsOf } from './alignment.ts';
import type { EntryHistory } from './history.ts';
import { applyKpiFilter, kpiFilterOptions, type KpiFilter } from './kpi-list.ts';
import { ownedBy } from './ownership.ts';
import type { Kpi, Objective, Person, PortalModel, Retrospective, Team } from './portal-model.ts';
import { carriedOver, retrospectivesOf } from './report.ts';
import type { ExportFile } from './site-pages.ts';
import type { PeriodTimeline, Standing } from './snapshots.ts';
import { teamObjectivesByPeriod } from './summaries.ts';

/**
 * Bumped when the key material changes shape, so that keys of an older scheme never match
 * (the page code is tracked by Astro's dependency hash anyway; this is a second guard).
 */
const PAGE_KEY_SCHEME = 3;

/** What the pages show besides the model: the build inputs, the history and the edit-link base. */
export interface PageKeyContext {
  /** The build inputs that reach the output (folders do not; the audience does through the model too). */
  inputs: Pick<BuildInputs, 'audience' | 'asOf' | 'site' | 'base' | 'repoUrl' | 'repoBranch' | 'history' | 'historyDetails' | 'snapshots'>;
  /** The "Edit this page" URL of the content root, or undefined without PORTAL_REPO_URL. */
  editBase: string | undefined;
  /**
   * A fingerprint of the build configuration: Astro tracks each page's modules but keeps
   * cached pages when only the config changes (which can rename the scripts a page links).
   */
  configVersion: string;
  /** The history of an objective as the portal shows it. */
  historyOf(objectiveId: string): EntryHistory | undefined;
  /** Whether the build read any history: a changes page without rows says which "none" it is. */
  hasHistory: boolean;
  /** The weekly standings of an objective, which its page draws as progress over time. */
  standingsOf(objectiveId: string): readonly Standing[];
  /** The snapshot timeline of a period, whose dates and movers its period page lists. */
  timelineOf(period: string): Pick<PeriodTimeline, 'dates' | 'weeks'>;
  /** A short, collision-free digest of material that many keys share (sha256 in src/portal.ts). */
  digest(material: string | Uint8Array): string;
}

/** A file of portal.yaml `branding` as its route serves it. */
export interface BrandingKeyFile {
  path: string;
  type: string;
  body: string | Uint8Array;
}

/** Key material for each page of one kind, by what the route's parameters name. */
export interface PageKeyMaterial {
  objective(objective: Objective): string;
  kpi(kpi: Kpi): string;
  team(team: Team): string;
  person(person: Person): string;
  /** The period page: its objectives as cards by team, its summary and its snapshot timeline. */
  period(period: string): string;
  /** The target changes of a period: its objectives and their history. */
  periodChanges(period: string): string;
  /** The report of a closed period: its objectives, the KPIs' changes over it, carry-overs, retrospectives. */
  periodReport(period: string): string;
  /** The alignment tree of a period, or of one team's subtree in it. */
  alignment(period: string, team?: string | undefined): string;
  /** A KPI list under a filter: the filter links (with counts over all KPIs) and the kept KPIs. */
  kpiList(filter: Exclude<KpiFilter, { kind: 'all' }>): string;
  /** A retrospective with its neighbours in time (its pager). */
  retrospective(retro: Retrospective, neighbours: { previous: Retrospective | undefined; next: Retrospective | undefined }): string;
  /** A JSON export of /api/v1/. */
  export(file: ExportFile): string;
  /**
   * A snapshot page: the period's objectives as scored on that date (`content`: the digest of
   * snapshotContentMaterial, made by the timeline pass), and the snapshot dates of the period
   * (of which the banner links the weeks before and after).
   */
  snapshot(snapshot: { period: string; date: string; content: string; dates: readonly string[] }): string;
  /** The export of a snapshot date: the same objectives as its snapshot page (`content` as there). */
  snapshotExport(snapshot: { date: string; content: string }): string;
  /** A branding file: its bytes. */
  branding(file: BrandingKeyFile): string;
}

/**
 * The material that a snapshot's key takes from its model: the period's objectives as scored
 * on that date. The timeline pass, which scores every snapshot date anyway, digests it
 * (src/loader/content-source.ts), so that no snapshot model is built again only for its key.
 * @example digest(snapshotContentMaterial(buildSnapshot(visible, '2026-Q3', '2026-08-16').objectives))
 */
export function snapshotContentMaterial(objectives: readonly Objective[]): string {
  return JSON.stringify(objectives);
}

/**
 * The key material of every page with parameters of a scored model: a JSON string per page,
 * equal between two builds exactly when the page's inputs are equal.
 * @example pageKeyMaterial(model, context).objective(model.objectives[0])
 */
export function pageKeyMaterial(model: PortalModel, context: PageKeyContext): PageKeyMaterial {
  // Every page has the site frame: header (name, organization, current period), footer
  // (as-of, audience, feed links), grading colours, URLs under base and site.
  const frame = {
    scheme: PAGE_KEY_SCHEME,
    config: context.configVersion,
    inputs: context.inputs,
    editBase: context.editBase,
    settings: model.settings,
    asOf: model.asOf,
    currentPeriod: model.currentPeriod,
    periods: model.periods,
  };
  const objectives = (ids: readonly (string | undefined)[]): Objective[] => present(ids.map((id) => (id ? model.objectiveById.get(id) : undefined)));
  const teams = (ids: readonly (string | undefined)[]): Team[] => present(ids.map((id) => (id ? model.teamById.get(id) : undefined)));
  const people = (ids: readonly (string | undefined)[]): Person[] => present(ids.map((id) => (id ? model.personById.get(id) : undefined)));
  const kpis = (ids: readonly (string | undefined)[]): Kpi[] => present(ids.map((id) => (id ? model.kpiById.get(id) : undefined)));
  // Cards and links of objectives show the objective's team and owner by name.
  const namesOf = (list: readonly Objective[]) => ({
    teams: teams(list.map((objective) => objective.team)),
    people: people(list.map((objective) => objective.owner)),
  });
  // Each entity of the model is serialized and digested once per build, and the material
  // holds `{ entity: digest }` in its place: an objective appears in the keys of its own page,
  // its parent's, children's, team's, owner's, period's and the exports, and serializing it
  // whole into each cost 2.8 s of a 2,000-objective rebuild (CPU profile, docs/performance.md).
  const entities = new Set<object>([...model.objectives, ...model.kpis, ...model.teams, ...model.people, ...model.retrospectives]);
  const entityDigests = new WeakMap<object, { entity: string }>();
  const byEntity = (_name: string, value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || !entities.has(value)) return value;
    let digest = entityDigests.get(value);
    if (!digest) {
      digest = { entity: context.digest(JSON.stringify(value)) };
      entityDigests.set(value, digest);
    }
    return digest;
  };
  const material = (value: unknown): string => JSON.stringify(value, byEntity);
  const key = (page: string, parts: Record<string, unknown>, pageFrame: object = frame): string => material({ page, frame: pageFrame, ...parts });
  // A snapshot page is the period as of its date, footer included (BaseLayout's `portal`): the
  // build's as-of date is not part of it, so past snapshots are copied on later days too. The
  // exports and branding files show no frame and no date either; their entities carry
  // whatever the as-of date changes.
  const { asOf: _asOf, ...undated } = frame;
  const undatedFrame = { ...undated, inputs: { ...frame.inputs, asOf: undefined } };

  const byPeriod = groupByPeriod(model.objectives);
  const none: readonly Objective[] = [];
  const objectivesOf = (period: string): readonly Objective[] => byPeriod.get(period) ?? none;
  const shared = new Map<string, string>();
  // What every page of a period shows: its objectives, the teams (cards, groups in org-chart
  // order, which the names of all teams decide; the alignment filters list every team) and
  // the people who own its objectives or key results (names, and teams in a team's tree).
  const periodContent = (period: string): string =>
    memoized(shared, `period\0${period}`, () => {
      const list = objectivesOf(period);
      const owners = people([...new Set(list.flatMap((objective) => [objective.owner, ...objective.keyResults.map((kr) => kr.owner)]))]);
      return context.digest(material({ objectives: list, teams: model.teams, people: owners }));
    });
  const allObjectives = (): string => memoized(shared, 'objectives', () => context.digest(material(model.objectives)));
  const allKpis = (): string => memoized(shared, 'kpis', () => context.digest(material(model.kpis)));
  // An MDX retrospective may place any objective, KPI, team or period with its components.
  const allContent = (): string =>
    memoized(shared, 'content', () => context.digest(material({ objectives: allObjectives(), kpis: allKpis(), teams: model.teams, people: model.people, retrospectives: model.retrospectives })));

  return {
    objective(objective) {
      const shown = [
        objective,
        ...ancestorsOf(model.objectiveById, objective.id),
        ...objectives([objective.parent, objective.continues, ...objective.children, ...objective.continuedBy]),
      ];
      return key('objective', {
        objectives: shown,
        ...namesOf(shown),
        contributors: teams(objective.contributors),
        owners: people(objective.keyResults.map((kr) => kr.owner)),
        kpis: kpis(objective.keyResults.map((kr) => kr.kpi)),
        history: context.historyOf(objective.id) ?? null,
        standings: context.standingsOf(objective.id),
      });
    },
    kpi(kpi) {
      const measuring = objectives(kpi.keyResults.map((link) => link.objectiveId));
      return key('kpi', { kpi, team: teams([kpi.team]), owner: people([kpi.owner]), objectives: measuring });
    },
    team(team) {
      const shown = teamObjectivesByPeriod(model.objectives, team.id).flatMap((group) => group.objectives);
      return key('team', {
        team,
        teams: teams([...team.ancestors, team.parent, ...team.children]),
        lead: people([team.lead]),
        members: model.people.filter((person) => person.team === team.id),
        kpis: model.kpis.filter((kpi) => kpi.team === team.id),
        objectives: shown,
        names: namesOf(shown),
      });
    },
    person(person) {
      const owned = ownedBy(model.objectives, person.id);
      const shown = [...owned.objectives, ...owned.keyResults.map(({ objective }) => objective)];
      return key('person', {
        person,
        team: teams([person.team]),
        leads: model.teams.filter((candidate) => candidate.lead === person.id),
        kpis: model.kpis.filter((kpi) => kpi.owner === person.id),
        objectives: shown,
        names: namesOf(shown),
      });
    },
    period(period) {
      const { dates, weeks } = context.timelineOf(period);
      return key('period', { period, content: periodContent(period), timeline: { dates, weeks } });
    },
    periodChanges(period) {
      const history = objectivesOf(period).map((objective) => context.historyOf(objective.id) ?? null);
      return key('period-changes', { period, content: periodContent(period), history, hasHistory: context.hasHistory });
    },
    periodReport(period) {
      // Carry-overs are the next period's objectives that continue this one's (by link or title).
      const carried = carriedOver(model.objectives, period);
      return key('period-report', { period, content: periodContent(period), kpis: allKpis(), carried, retrospectives: retrospectivesOf(model, period) });
    },
    alignment(period, team) {
      // A team's tree shows its subtree's objectives with their ancestors, and roll-ups over
      // whole subtrees: the period's objectives decide it, as they decide the company's tree.
      return key('alignment', { period, team: team ?? null, content: periodContent(period) });
    },
    kpiList(filter) {
      return key('kpi-list', { filter, options: kpiFilterOptions(model.kpis, model.teams), kpis: applyKpiFilter(model.kpis, filter) });
    },
    retrospective(retro, { previous, next }) {
      // A Markdown body renders as written; an MDX body's components can draw from anything.
      return key('retrospective', { retro, previous: previous ?? null, next: next ?? null, team: teams([retro.team]), content: retro.format === 'mdx' ? allContent() : null });
    },
    export(file) {
      const records = { objectives: allObjectives, kpis: allKpis, teams: () => model.teams, people: () => model.people } satisfies Record<ExportFile, () => unknown>;
      return key('export', { file, records: records[file]() }, undatedFrame);
    },
    snapshot({ period, date, content, dates }) {
      // The banner links only the weeks before and after: a new Sunday re-renders the last
      // snapshot, not every past one. A snapshot's objectives are the period's, so their
      // owners are too; its groups follow the org chart, whose order all teams' names decide.
      const index = dates.indexOf(date);
      const neighbours = [dates[index - 1] ?? null, dates[index + 1] ?? null];
      return key('snapshot', { period, date, neighbours, content, teams: model.teams, people: namesOf(objectivesOf(period)).people }, undatedFrame);
    },
    snapshotExport({ date, content }) {
      return key('snapshot-export', { date, content }, undatedFrame);
    },
    branding(file) {
      return key('branding', { path: file.path, type: file.type, body: context.digest(file.body) }, undatedFrame);
    },
  };
}

function present<T>(list: readonly (T | undefined)[]): T[] {
  return list.filter((entry): entry is T => entry !== undefined);
}
