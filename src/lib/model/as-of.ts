/**
 * The as-of cutoff (contract v1.1, "As-of date"): check-ins and KPI data points dated after
 * the as-of date do not exist for a build at that date. buildPortalModel applies it to its
 * input before anything is scored, so values, statuses, charts, tables, exports, feeds and
 * search, which all read the model, follow without a check of their own; a snapshot is the
 * same model built again at an earlier date.
 */
import { compareDates } from '../calendar/calendar-date.ts';
import type { ContentEntry, ContentSet } from '../content/content-set.ts';
import type { KpiData } from '../content/schema/kpi.ts';
import type { ObjectiveData } from '../content/schema/objective.ts';

/**
 * The content as it stood at `asOf`: every check-in and KPI data point dated after it left
 * out. Entries without later data are returned as they are (same objects), so a build at
 * today's date pays one pass over the dates and no copies.
 * @example contentAsOf(content, '2026-08-16').kpis[0].data.data?.every((point) => point.date <= '2026-08-16') // true
 */
export function contentAsOf(content: ContentSet, asOf: string): ContentSet {
  const after = (date: string): boolean => compareDates(date, asOf) > 0;
  const objectives = content.objectives.map((entry) => objectiveAsOf(entry, after));
  const kpis = content.kpis.map((entry) => kpiAsOf(entry, after));
  const changed = objectives.some((entry, index) => entry !== content.objectives[index]) || kpis.some((entry, index) => entry !== content.kpis[index]);
  return changed ? { ...content, objectives, kpis } : content;
}

function objectiveAsOf(entry: ContentEntry<ObjectiveData>, after: (date: string) => boolean): ContentEntry<ObjectiveData> {
  if (!entry.data.key_results.some((kr) => kr.checkins.some((checkin) => after(checkin.date)))) return entry;
  const keyResults = entry.data.key_results.map((kr) => ({ ...kr, checkins: kr.checkins.filter((checkin) => !after(checkin.date)) }));
  return { ...entry, data: { ...entry.data, key_results: keyResults } };
}

function kpiAsOf(entry: ContentEntry<KpiData>, after: (date: string) => boolean): ContentEntry<KpiData> {
  const points = entry.data.data;
  if (!points?.some((point) => after(point.date))) return entry;
  return { ...entry, data: { ...entry.data, data: points.filter((point) => !after(point.date)) } };
}
