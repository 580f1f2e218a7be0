/**
 * CSV exports next to the JSON ones, for spreadsheets: one row per objective, one per key
 * result, and one file per KPI series. Columns are documented in docs/open-data.md.
 */
import { stringify } from 'csv-stringify/sync';
import type { Kpi, PortalModel } from '../model/portal-model.ts';
import { routeUrl } from '../render/urls.ts';

export const OBJECTIVE_COLUMNS = ['id', 'title', 'period', 'team', 'owner', 'parent', 'kind', 'visibility', 'progress', 'score', 'grade', 'status', 'key_results', 'url', 'stale', 'forecast', 'parent_key_result'] as const;
export const KEY_RESULT_COLUMNS = ['objective_id', 'id', 'title', 'type', 'start', 'target', 'current', 'unit', 'weight', 'owner', 'kpi', 'progress', 'score', 'confidence', 'checkins', 'url', 'stale', 'last_update', 'forecast', 'min', 'max', 'projected'] as const;
export const KPI_SERIES_COLUMNS = ['date', 'value', 'note'] as const;

/** Cells that a spreadsheet would run as a formula (CSV injection, OWASP): `=`, `+`, `-`, `@`, tab, CR. */
const FORMULA_START_RE = /^[=+\-@\t\r]/;

function toCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  // Text that starts like a formula gets a leading apostrophe, so spreadsheets show it as text.
  const string = (value: string): string => (FORMULA_START_RE.test(value) ? `'${value}` : value);
  return stringify([columns, ...rows], { record_delimiter: 'unix', cast: { number: (value) => String(value), string } });
}

/**
 * `objectives.csv`: one row per objective.
 * @example objectivesCsv(model, '/').split('\n')[0] // 'id,title,period,...'
 */
export function objectivesCsv(model: PortalModel, base: string): string {
  return toCsv(
    OBJECTIVE_COLUMNS,
    model.objectives.map((objective) => [
      objective.id,
      objective.title,
      objective.period,
      objective.team ?? '',
      objective.owner ?? '',
      objective.parent ?? '',
      objective.kind,
      objective.visibility,
      objective.progress,
      objective.score,
      objective.grade,
      objective.status,
      objective.keyResults.length,
      routeUrl(base, { kind: 'objective', id: objective.id }),
      String(objective.stale),
      objective.forecast ?? '',
      objective.parent_key_result ?? '',
    ]),
  );
}

/**
 * `key-results.csv`: one row per key result.
 * @example keyResultsCsv(model, '/').split('\n')[0] // 'objective_id,id,title,...'
 */
export function keyResultsCsv(model: PortalModel, base: string): string {
  return toCsv(
    KEY_RESULT_COLUMNS,
    model.objectives.flatMap((objective) =>
      objective.keyResults.map((kr) => [
        objective.id,
        kr.id,
        kr.title,
        kr.type,
        kr.start ?? '',
        kr.target ?? '',
        kr.current ?? '',
        kr.unit ?? '',
        kr.weight,
        kr.owner ?? '',
        kr.kpi ?? '',
        kr.progress,
        kr.score,
        kr.confidence ?? '',
        kr.checkins.length,
        `${routeUrl(base, { kind: 'objective', id: objective.id })}#kr-${kr.id}`,
        String(kr.stale),
        kr.lastUpdate ?? '',
        kr.forecast ?? '',
        kr.min ?? '',
        kr.max ?? '',
        kr.projected ?? '',
      ]),
    ),
  );
}

/**
 * `kpis/<id>.csv`: a KPI's series, oldest first.
 * @example kpiSeriesCsv(kpi) // 'date,value,note\n2026-01-01,4.2,\n'
 */
export function kpiSeriesCsv(kpi: Kpi): string {
  return toCsv(KPI_SERIES_COLUMNS, kpi.data.map((point) => [point.date, point.value, point.note ?? '']));
}
