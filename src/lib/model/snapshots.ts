/**
 * Snapshots (contract v1.1, "Snapshots"): a period as it stood on one of its snapshot dates,
 * and the timeline of those dates. A snapshot is not a record kept somewhere: it is the
 * portal model built again, by the same buildPortalModel, at the snapshot date, so its
 * values are by construction those of a build with PORTAL_AS_OF=<date> (the as-of cutoff is
 * in buildPortalModel). Only the period's objectives go in: an objective's values depend on
 * its own key results, the KPIs and the settings, never on other objectives, and a build
 * then costs one scoring per objective and snapshot date instead of one per period on top.
 */
import type { ContentSet } from '../content/content-set.ts';
import type { ObjectiveStatus } from '../content/schema/objective.ts';
import { elapsedShare } from '../calendar/period.ts';
import { snapshotDates } from '../calendar/snapshot-dates.ts';
import { buildPortalModel, type PortalModel } from './portal-model.ts';
import type { Grade } from './progress.ts';

/** An objective's values on one snapshot date. */
export interface Standing {
  date: string;
  progress: number;
  score: number;
  grade: Grade;
  status: ObjectiveStatus;
  /** The elapsed share of the period on that date: where progress is expected to be. */
  expected: number;
}

/** An objective whose status or grade changed since the previous snapshot. */
export interface Mover {
  id: string;
  title: string;
  from: Pick<Standing, 'status' | 'grade'>;
  to: Pick<Standing, 'status' | 'grade'>;
}

export interface PeriodTimeline {
  period: string;
  /** The snapshot dates, oldest first. */
  dates: string[];
  /** Per snapshot date, in the order of `dates`: the objectives that moved since the date before (none on the first). */
  weeks: { date: string; movers: Mover[] }[];
  /** Standings by objective id, one per snapshot date in the order of `dates`. */
  standings: Map<string, Standing[]>;
}

/**
 * The model of a period as it stood on `date`: the period's objectives, with the KPIs, teams
 * and people, scored at that date.
 * @example buildSnapshot(visible, '2026-Q3', '2026-08-16').objectives.every((o) => o.period === '2026-Q3') // true
 */
export function buildSnapshot(visible: ContentSet, period: string, date: string): PortalModel {
  return buildPortalModel(snapshotContent(visible, period), date);
}

/** The visible content with only the objectives of one period: what a snapshot page shows. */
function snapshotContent(visible: ContentSet, period: string): ContentSet {
  return { ...visible, objectives: visible.objectives.filter((entry) => entry.data.period === period) };
}

/**
 * All that the timeline of a period reads: the visible content with only that period's
 * objectives and only the KPIs their key results measure (an objective's values depend on
 * its own key results, their KPIs and the settings). The timeline is a function of this and
 * of the period's snapshot dates, so a rebuild takes the timeline of a period whose content
 * did not change from the last build (src/loader/content-source.ts), even after a KPI value
 * that no objective of the period measures.
 * @example timelineContent(visible, '2026-Q3').objectives.every((o) => o.data.period === '2026-Q3') // true
 */
export function timelineContent(visible: ContentSet, period: string): ContentSet {
  const content = snapshotContent(visible, period);
  const measured = new Set(content.objectives.flatMap((entry) => entry.data.key_results.flatMap((kr) => (kr.kpi === undefined ? [] : [kr.kpi]))));
  return { ...content, kpis: content.kpis.filter((entry) => measured.has(entry.id)) };
}

/**
 * The snapshot dates of a period at the as-of date, each objective's standing on each of them,
 * and the movers of each week, from the period's timelineContent. `onSnapshot` sees each
 * date's scoring of the period's objectives, so that a caller can take what else it needs from
 * it (the page keys' digest of the snapshot's objectives) without scoring them again; its
 * model holds only the KPIs those objectives measure.
 * @example buildPeriodTimeline(timelineContent(visible, '2026-Q3'), '2026-Q3', '2026-08-20').dates // ['2026-07-05', ..., '2026-08-16']
 */
export function buildPeriodTimeline(content: ContentSet, period: string, asOf: string, onSnapshot?: (date: string, snapshot: PortalModel) => void): PeriodTimeline {
  const dates = snapshotDates(period, asOf);
  const titles = new Map<string, string>();
  const standings = scoreWeeks(content, period, dates, (date, snapshot) => {
    onSnapshot?.(date, snapshot);
    for (const objective of snapshot.objectives) titles.set(objective.id, objective.title);
  });
  const weeks = dates.map((date, index) => ({ date, movers: index === 0 ? [] : moversAt(standings, titles, index) }));
  return { period, dates, weeks, standings };
}

/**
 * The standings of some of a period's objectives on its snapshot dates: the same values as
 * the timeline's (an objective is scored from its own key results and the KPIs, never from
 * other objectives), for a build that renders the pages of only those (a shard) and so need
 * not score the period's other objectives on every date.
 * @example periodStandings(visible, '2026-Q3', '2026-08-20', (id) => id === '2026-q3/growth').get('2026-q3/growth')?.length // 7
 */
export function periodStandings(visible: ContentSet, period: string, asOf: string, includes: (objectiveId: string) => boolean): Map<string, Standing[]> {
  const some = { ...visible, objectives: visible.objectives.filter((entry) => includes(entry.id)) };
  return scoreWeeks(some, period, snapshotDates(period, asOf));
}

/** Each objective's standing on each date, scored from the period's timelineContent at that date. */
function scoreWeeks(content: ContentSet, period: string, dates: readonly string[], onSnapshot?: (date: string, snapshot: PortalModel) => void): Map<string, Standing[]> {
  const standings = new Map<string, Standing[]>();
  const own = timelineContent(content, period);
  for (const date of dates) {
    const expected = elapsedShare(period, date);
    const snapshot = buildPortalModel(own, date);
    onSnapshot?.(date, snapshot);
    for (const objective of snapshot.objectives) {
      const standing: Standing = { date, progress: objective.progress, score: objective.score, grade: objective.grade, status: objective.status, expected };
      const list = standings.get(objective.id);
      if (list) list.push(standing);
      else standings.set(objective.id, [standing]);
    }
  }
  return standings;
}

function moversAt(standings: ReadonlyMap<string, Standing[]>, titles: ReadonlyMap<string, string>, index: number): Mover[] {
  const movers: Mover[] = [];
  for (const [id, list] of standings) {
    const before = list[index - 1];
    const now = list[index];
    if (!before || !now || (before.status === now.status && before.grade === now.grade)) continue;
    movers.push({ id, title: titles.get(id) ?? id, from: { status: before.status, grade: before.grade }, to: { status: now.status, grade: now.grade } });
  }
  return movers;
}
