/**
 * The cache keys of the entity pages (objective, KPI, team, person) and the snapshot pages, for Astro's incremental
 * build: a page whose key and code are unchanged since the last build is copied, not rendered.
 * A key must therefore change whenever anything the page shows changes, so each key holds,
 * as JSON, the page's whole entity and every entity the page draws from (crumbs, links, cards,
 * charts), the site frame (settings, current period, build inputs) and the history. Entities
 * are taken whole rather than by the fields a page shows today: a page that starts showing one
 * more field then still gets a sound key. When a page starts showing another ENTITY, add it
 * here. This module returns the key material; src/portal.ts hashes it.
 */
import type { BuildInputs } from '../content/build-inputs.ts';
import { ancestorsOf } from './alignment.ts';
import type { EntryHistory } from './history.ts';
import { ownedBy } from './ownership.ts';
import type { Kpi, Objective, Person, PortalModel, Team } from './portal-model.ts';
import type { Standing } from './snapshots.ts';
import { teamObjectivesByPeriod } from './summaries.ts';

/**
 * Bumped when the key material changes shape, so that keys of an older scheme never match
 * (the page code is tracked by Astro's dependency hash anyway; this is a second guard).
 */
const PAGE_KEY_SCHEME = 1;

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
  /** The weekly standings of an objective, which its page draws as progress over time. */
  standingsOf(objectiveId: string): readonly Standing[];
}

/** Key material for each page of one kind, by entity id. */
export interface PageKeyMaterial {
  objective(objective: Objective): string;
  kpi(kpi: Kpi): string;
  team(team: Team): string;
  person(person: Person): string;
  /**
   * A snapshot page: the period's objectives as scored on that date, and the snapshot dates
   * of the period (of which the banner links the weeks before and after).
   */
  snapshot(snapshot: { period: string; date: string; objectives: readonly Objective[]; dates: readonly string[] }): string;
}

/**
 * The key material of every entity page of a scored model: a JSON string per page, equal
 * between two builds exactly when the page's inputs are equal.
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
  const key = (page: string, parts: Record<string, unknown>, pageFrame: object = frame): string => JSON.stringify({ page, frame: pageFrame, ...parts });
  // A snapshot page is the period as of its date, footer included (BaseLayout's `portal`): the
  // build's as-of date is not part of it, so past snapshots are copied on later days too.
  const { asOf: _asOf, ...undated } = frame;
  const snapshotFrame = { ...undated, inputs: { ...frame.inputs, asOf: undefined } };

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
    snapshot({ period, date, objectives: shown, dates }) {
      // The banner links only the weeks before and after: a new Sunday re-renders the last
      // snapshot, not every past one.
      const index = dates.indexOf(date);
      const neighbours = [dates[index - 1] ?? null, dates[index + 1] ?? null];
      return key('snapshot', { period, date, neighbours, objectives: shown, ...namesOf(shown) }, snapshotFrame);
    },
  };
}

function present<T>(list: readonly (T | undefined)[]): T[] {
  return list.filter((entry): entry is T => entry !== undefined);
}
