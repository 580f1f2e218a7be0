/**
 * Methodology lints that only `okr check` reports: OKRs that build fine but will not help,
 * and content that has gone stale at the as-of date. The build reports lints.ts only, so that
 * the site never depends on the day it is built beyond statuses.
 */
import { addDays, compareDates, normalizeSeries } from '../../src/lib/calendar/calendar-date.ts';
import { CADENCE_DAYS, keyResultFreshness } from '../../src/lib/model/freshness.ts';
import { isDraft, type ContentSet } from '../../src/lib/content/content-set.ts';
import { latestPoint } from '../../src/lib/model/kpi.ts';
import { periodBounds, periodPhase } from '../../src/lib/calendar/period.ts';
import type { ContentProblem } from '../../src/lib/content/problems.ts';
import type { KpiData } from '../../src/lib/content/schema/kpi.ts';

/** A KPI is stale when its latest value is older than this many cadences. */
export const STALE_KPI_CADENCES = 2;

const CADENCE_MONTHS: Record<KpiData['cadence'], number> = { weekly: 0, monthly: 1, quarterly: 3 };

/**
 * Methodology warnings for a whole content set (drafts and every visibility) at a date.
 * @example lintMethodology(content, '2026-11-23').map(formatProblem)
 */
export function lintMethodology(content: ContentSet, asOf: string): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const warn = (file: string, field: string, code: string, message: string, hint?: string): void => {
    warnings.push({ file, field, severity: 'warning', code, message, hint });
  };
  const objectives = content.objectives.filter((objective) => !isDraft(objective));
  const cadence = content.settings.checkin_cadence;
  const kpiData = new Map(content.kpis.map((kpi) => [kpi.id, kpi.data.data ?? []]));
  const personName = new Map(content.people.map((person) => [person.id, person.data.name]));

  for (const { id, file, data } of objectives) {
    if (data.key_results.every((kr) => kr.type === 'milestone')) {
      warn(file, 'key_results', 'all-milestones', `${data.key_results.length === 1 ? 'the only key result is a milestone' : `all ${data.key_results.length} key results are milestones`}: tasks, not outcomes`, 'Add a key result that measures the outcome, "from X to Y".');
    }
    const phase = periodPhase(data.period, asOf);
    data.key_results.forEach((kr, index) => {
      kr.checkins.forEach((checkin, checkinIndex) => {
        if (compareDates(checkin.date, asOf) > 0) {
          warn(file, `key_results[${index}].checkins[${checkinIndex}].date`, 'future-checkin', `${checkin.date} is after the as-of date ${asOf}`);
        }
      });
      if (phase !== 'open' || data.status === 'cancelled' || data.status === 'done') return;
      // The model's rule (src/lib/model/freshness.ts), so that check warns exactly where pages say "no update".
      const kpiPoints = kr.kpi === undefined ? [] : normalizeSeries(kpiData.get(kr.kpi) ?? []);
      const freshness = keyResultFreshness({ type: kr.type, hasManualCurrent: kr.current !== undefined, checkins: kr.checkins, kpiPoints }, { period: data.period, asOf, cadence });
      if (!freshness.stale) return;
      const since = freshness.lastUpdate === undefined ? `no value since the period started on ${periodBounds(data.period).first}` : `the last update is from ${freshness.lastUpdate}`;
      const owner = kr.owner === undefined ? 'no owner' : `owner ${personName.get(kr.owner) ?? kr.owner} (${kr.owner})`;
      warn(
        file,
        `key_results[${index}].checkins`,
        'stale-key-result',
        `no update for ${freshness.staleDays} days: ${since}, ${owner} (checkin_cadence ${cadence}: stale after ${1.5 * CADENCE_DAYS[cadence]} days)`,
        `Check in: okr checkin ${id} ${kr.id} <value>.`,
      );
    });
  }

  for (const { file, data } of content.kpis) {
    const latest = latestPoint(data.data ?? []);
    if (!latest) {
      warn(file, 'data', 'kpi-no-data', `has no values yet (cadence ${data.cadence})`, 'Add one with okr kpi add <kpi> <value>.');
      continue;
    }
    const due = addCadences(latest.date, data.cadence, STALE_KPI_CADENCES);
    if (compareDates(due, asOf) < 0) {
      warn(file, 'data', 'stale-kpi', `the latest value is from ${latest.date}, more than ${STALE_KPI_CADENCES} ${cadenceNoun(data.cadence)} before ${asOf}`, 'Add the missing values with okr kpi add or okr import.');
    }
  }

  const periodsWithRetrospective = new Set(content.retrospectives.filter((retro) => !isDraft(retro)).map((retro) => retro.data.period));
  const closedPeriods = new Map<string, string[]>();
  for (const { file, data } of objectives) {
    if (periodPhase(data.period, asOf) !== 'closed' || periodsWithRetrospective.has(data.period)) continue;
    closedPeriods.set(data.period, [...(closedPeriods.get(data.period) ?? []), file]);
  }
  for (const [period, files] of closedPeriods) {
    const first = [...files].sort()[0]!;
    warn(first, '', 'missing-retrospective', `period ${period} is closed and has ${files.length} objective${files.length === 1 ? '' : 's'} but no published retrospective`, `Write one: okr close ${period} scaffolds it, or okr new retrospective --period ${period}.`);
  }
  return warnings;
}

/**
 * The date `count` cadences after `date`: weeks for weekly, calendar months otherwise.
 * @example addCadences('2026-08-31', 'monthly', 2) // '2026-10-31'
 */
export function addCadences(date: string, cadence: KpiData['cadence'], count: number): string {
  if (cadence === 'weekly') return addDays(date, 7 * count);
  const months = CADENCE_MONTHS[cadence] * count;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = (month % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

function cadenceNoun(cadence: KpiData['cadence']): string {
  return cadence === 'weekly' ? 'weeks' : cadence === 'monthly' ? 'months' : 'quarters';
}
