/**
 * Methodology lints that only `okr check` reports: OKRs that build fine but will not help,
 * and content that has gone stale at the as-of date. The build reports lints.ts only, so that
 * the site never depends on the day it is built beyond statuses.
 */
import { addDays, compareDates, normalizeSeries } from '../../src/lib/calendar/calendar-date.ts';
import { CADENCE_DAYS, keyResultFreshness } from '../../src/lib/model/freshness.ts';
import { filterByAudience } from '../../src/lib/content/audience.ts';
import type { ContentSet } from '../../src/lib/content/content-set.ts';
import { latestPoint } from '../../src/lib/model/kpi.ts';
import { periodBounds, periodPhase } from '../../src/lib/calendar/period.ts';
import { quoteValue, type ContentProblem } from '../../src/lib/content/problems.ts';
import type { KpiData } from '../../src/lib/content/schema/kpi.ts';

/** A KPI is stale when its latest value is older than this many cadences. */
export const STALE_KPI_CADENCES = 2;

const CADENCE_MONTHS: Record<KpiData['cadence'], number> = { weekly: 0, monthly: 1, quarterly: 3 };

/**
 * What the methodology checks look at: every visibility, no drafts (a draft is a plan not yet
 * made). The private audience sees exactly that, so its filter is the one rule for it.
 */
function undrafted(content: ContentSet): ContentSet {
  return filterByAudience(content, 'private');
}

/**
 * Methodology warnings for a whole content set (drafts and every visibility) at a date.
 * @example lintMethodology(content, '2026-11-23').map(formatProblem)
 */
export function lintMethodology(everything: ContentSet, asOf: string): ContentProblem[] {
  const content = undrafted(everything);
  const warnings: ContentProblem[] = [];
  const warn = (file: string, field: string, code: string, message: string, hint?: string): void => {
    warnings.push({ file, field, severity: 'warning', code, message, hint });
  };
  const objectives = content.objectives;
  const cadence = content.settings.checkin_cadence;
  const kpiData = new Map(content.kpis.map((kpi) => [kpi.id, kpi.data.data ?? []]));
  const personName = new Map(content.people.map((person) => [person.id, person.data.name]));
  warnings.push(...objectiveShapeOf(content));

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

  const periodsWithRetrospective = new Set(content.retrospectives.map((retro) => retro.data.period));
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
 * Objective titles that name a task rather than an outcome. English only: titles in other
 * languages are not checked (a word list per catalog language would guess more than it helps).
 */
const TASK_TITLE_RE = /^(?:implement|migrate|deploy|set up|install|refactor|upgrade|integrate|rewrite|roll out|finish|complete|fix|introduce)\b/i;

/**
 * Warnings on how objectives are written and aligned (docs/content-format.md, "Methodology
 * checks", with a bad and a good example of each): task titles, too few key results, targets
 * that ask for no change, repeated key result titles, parents in another period, cascades
 * that skip a level, and aspirational objectives graded 1.0 that no retrospective explains.
 * Drafts are skipped, like every methodology check.
 * @example lintObjectiveShape(content).map((problem) => problem.code) // ['task-title']
 */
export function lintObjectiveShape(content: ContentSet): ContentProblem[] {
  return objectiveShapeOf(undrafted(content));
}

/** The checks of lintObjectiveShape, over content without drafts. */
function objectiveShapeOf(content: ContentSet): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const warn = (file: string, field: string, code: string, message: string, hint?: string): void => {
    warnings.push({ file, field, severity: 'warning', code, message, hint });
  };
  const objectives = content.objectives;
  const byId = new Map(objectives.map((objective) => [objective.id, objective]));
  const teamParent = new Map(content.teams.map((team) => [team.id, team.data.parent]));
  const teamsWithObjectives = new Set(objectives.map(({ data }) => `${data.team} ${data.period}`));
  const retrospectiveText = new Map<string, string>();
  for (const retro of content.retrospectives) {
    retrospectiveText.set(retro.data.period, `${retrospectiveText.get(retro.data.period) ?? ''}\n${retro.body}`.toLowerCase());
  }

  for (const { id, file, data } of objectives) {
    if (TASK_TITLE_RE.test(data.title)) {
      warn(file, 'title', 'task-title', `${quoteValue(data.title)} names a task, not an outcome`, 'Say what is different when it is done, and make the task a key result or leave it to the plan.');
    }
    if (data.key_results.length < 2) {
      warn(file, 'key_results', 'too-few-key-results', 'has 1 key result; 2 to 5 show from more than one side that the objective is reached');
    }
    const titleIndex = new Map<string, number>();
    data.key_results.forEach((kr, index) => {
      if ((kr.type === 'increase' || kr.type === 'decrease') && kr.start !== undefined && kr.target === kr.start) {
        warn(file, `key_results[${index}].target`, 'no-change-target', `equals start (${kr.start}): the key result asks for no change`, 'Set the target you aim for, or type: maintain to hold a level.');
      }
      const title = kr.title.trim().toLowerCase();
      const first = titleIndex.get(title);
      if (first === undefined) titleIndex.set(title, index);
      else warn(file, `key_results[${index}].title`, 'duplicate-key-result-title', `${quoteValue(kr.title)} is also the title of key_results[${first}]`);
    });
    const parent = data.parent === undefined ? undefined : byId.get(data.parent);
    if (parent && parent.data.period !== data.period) {
      warn(file, 'parent', 'parent-other-period', `${parent.id} is an objective of ${parent.data.period}, this one of ${data.period}`, 'Align to an objective of the same period: roll-ups and the alignment tree are per period.');
    }
    if (parent && data.team !== undefined && parent.data.team !== undefined) {
      const skipped = teamsBetween(data.team, parent.data.team, teamParent).find((team) => teamsWithObjectives.has(`${team} ${data.period}`));
      if (skipped !== undefined) {
        warn(file, 'parent', 'skipped-level', `aligns to ${parent.id} of ${parent.data.team}, past ${skipped}, which has objectives in ${data.period}`, `Align to an objective of ${skipped}, so that the cascade reads level by level.`);
      }
    }
    if (data.kind === 'aspirational' && isGradedPerfect(data)) {
      const text = retrospectiveText.get(data.period) ?? '';
      if (!text.includes(id.toLowerCase()) && !text.includes(data.title.toLowerCase())) {
        warn(file, 'score', 'perfect-aspirational', `an aspirational objective graded 1.0, and no retrospective of ${data.period} mentions it`, 'Aspirational objectives succeed at 0.6 to 0.7: say in the retrospective why this one was reached in full, or make it committed next time.');
      }
    }
  }
  return warnings;
}

/** The teams strictly between `team` and its ancestor `ancestor`, nearest first; empty when `ancestor` is not above `team`. */
function teamsBetween(team: string, ancestor: string, teamParent: ReadonlyMap<string, string | undefined>): string[] {
  const between: string[] = [];
  const seen = new Set<string>([team]);
  for (let current = teamParent.get(team); current !== undefined && !seen.has(current); current = teamParent.get(current)) {
    if (current === ancestor) return between;
    seen.add(current);
    between.push(current);
  }
  return [];
}

/** An objective graded 1.0 at the end: its own `score`, or every key result's `score`. */
function isGradedPerfect(data: ContentSet['objectives'][number]['data']): boolean {
  if (data.score !== undefined) return data.score === 1;
  return data.key_results.length > 0 && data.key_results.every((kr) => kr.score === 1);
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
