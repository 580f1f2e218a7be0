/**
 * The items of the site's feeds (RSS and JSON Feed): every retrospective, and the report of
 * every closed period, newest first. Dates come from the content, never from the clock, so
 * the feeds are identical on every build of the same content.
 */
import { addDays, compareDates } from '../calendar/calendar-date.ts';
import { periodBounds, periodLabel, periodPhase } from '../calendar/period.ts';
import type { PortalModel } from '../model/portal-model.ts';
import { i18nFor } from '../i18n/index.ts';
import { buildPeriodReport } from '../model/report.ts';
import type { Route } from '../render/urls.ts';

export interface FeedEntry {
  kind: 'retrospective' | 'report';
  /** Stable id, e.g. `retrospective:2026-q3/company` or `report:2026-Q3`. */
  id: string;
  title: string;
  route: Route;
  /** Publication day, `YYYY-MM-DD`. */
  date: string;
  summary: string;
  categories: string[];
}

/**
 * Feed entries, newest first (ties by id). A retrospective is dated by its `date`, else the day
 * after its period ends; a report by the day after its period ends.
 * @example feedEntries(model)[0] // { kind: 'retrospective', title: 'Q3 2026 retrospective: Beacon', date: '2026-10-07', ... }
 */
export function feedEntries(model: PortalModel): FeedEntry[] {
  const dayAfter = (period: string): string => addDays(periodBounds(period).last, 1);
  const { t, format } = i18nFor(model.settings.locale);
  const retros = model.retrospectives.map((retro): FeedEntry => {
    const team = retro.team ? model.teamById.get(retro.team)?.name : undefined;
    return {
      kind: 'retrospective',
      id: `retrospective:${retro.id}`,
      title: retro.title,
      route: { kind: 'retrospective', id: retro.id },
      date: retro.date ?? dayAfter(retro.period),
      summary: team ? t('retro.feedSummary', { team, period: periodLabel(retro.period) }) : t('retro.feedSummaryCompany', { period: periodLabel(retro.period) }),
      categories: [t('feed.retrospective'), periodLabel(retro.period), ...(team ? [team] : [])],
    };
  });
  const reports = model.periods
    .filter((period) => periodPhase(period, model.asOf) === 'closed')
    .map((period): FeedEntry => {
      const { summary } = buildPeriodReport(model, period);
      return {
        kind: 'report',
        id: `report:${period}`,
        title: t('retros.report', { period: periodLabel(period) }),
        route: { kind: 'report', period },
        date: dayAfter(period),
        summary:
          summary.averageScore === undefined
            ? t('report.feedSummary', { count: summary.count, period: periodLabel(period) })
            : t('report.feedSummaryMean', { count: summary.count, period: periodLabel(period), mean: format.score(summary.averageScore), ...summary.byGrade }),
        categories: [t('period.report'), periodLabel(period)],
      };
    });
  return [...retros, ...reports].sort((a, b) => compareDates(b.date, a.date) || a.id.localeCompare(b.id));
}
