/**
 * Audience filtering: the one place that decides what a build may show. It runs where content
 * is loaded, so a hidden entry never reaches a page, feed, index or export.
 */
import { isDraft, type ContentEntry, type ContentSet } from './content-set.ts';
import type { Visibility } from './schema/common.ts';

export const AUDIENCES = ['public', 'internal', 'private'] as const;
export type Audience = (typeof AUDIENCES)[number];

const RANK: Record<Visibility, number> = { public: 0, internal: 1, private: 2 };

/**
 * Whether an audience may see an entry with this visibility.
 * @example canSee('internal', 'public') // true
 */
export function canSee(audience: Audience, visibility: Visibility): boolean {
  return RANK[visibility] <= RANK[audience];
}

/**
 * Whether an audience may see an entry: not a draft, and not above the audience. The build's
 * filter and the git history's per-revision check both use this one rule.
 * @example isVisibleTo('public', { data: { draft: false }, visibility: 'public' }) // true
 */
export function isVisibleTo(audience: Audience, entry: { data: object; visibility: Visibility }): boolean {
  return !isDraft(entry) && canSee(audience, entry.visibility);
}

/**
 * The content an audience may see: drafts and entries above the audience are removed, and
 * every reference to a removed entry is dropped, so nothing hints that it exists.
 * @example filterByAudience(content, 'public').objectives.every((o) => o.visibility === 'public')
 */
export function filterByAudience(content: ContentSet, audience: Audience): ContentSet {
  const visible = <T extends object>(entries: ContentEntry<T>[]): ContentEntry<T>[] =>
    entries.filter((entry) => isVisibleTo(audience, entry));
  const teams = visible(content.teams);
  const people = visible(content.people);
  const objectives = visible(content.objectives);
  const kpis = visible(content.kpis);
  const retrospectives = visible(content.retrospectives);

  const teamIds = new Set(teams.map((entry) => entry.id));
  const personIds = new Set(people.map((entry) => entry.id));
  const objectiveIds = new Set(objectives.map((entry) => entry.id));
  const kpiIds = new Set(kpis.map((entry) => entry.id));
  const keep = (ids: Set<string>, id: string | undefined): string | undefined => (id !== undefined && ids.has(id) ? id : undefined);

  return {
    settings: content.settings,
    teams: teams.map((entry) => ({
      ...entry,
      data: { ...entry.data, parent: keep(teamIds, entry.data.parent), lead: keep(personIds, entry.data.lead) },
    })),
    people: people.map((entry) => ({ ...entry, data: { ...entry.data, team: keep(teamIds, entry.data.team) } })),
    objectives: objectives.map((entry) => ({
      ...entry,
      data: {
        ...entry.data,
        team: keep(teamIds, entry.data.team),
        owner: keep(personIds, entry.data.owner),
        parent: keep(objectiveIds, entry.data.parent),
        // The key result goes with its objective: a hidden parent leaves no key result id behind.
        parent_key_result: keep(objectiveIds, entry.data.parent) === undefined ? undefined : entry.data.parent_key_result,
        continues: keep(objectiveIds, entry.data.continues),
        contributors: entry.data.contributors.filter((team) => teamIds.has(team)),
        key_results: entry.data.key_results.map((kr) => ({
          ...kr,
          owner: keep(personIds, kr.owner),
          kpi: keep(kpiIds, kr.kpi),
        })),
      },
    })),
    kpis: kpis.map((entry) => ({
      ...entry,
      data: { ...entry.data, team: keep(teamIds, entry.data.team), owner: keep(personIds, entry.data.owner) },
    })),
    retrospectives: retrospectives.map((entry) => ({ ...entry, data: { ...entry.data, team: keep(teamIds, entry.data.team) } })),
  };
}
