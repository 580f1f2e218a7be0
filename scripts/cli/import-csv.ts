/**
 * Bulk imports for `okr import`: a CSV of check-ins and/or KPI values. Every bad row is
 * reported with its line number, so that an import is applied whole or not at all.
 *
 * Columns (header row required, any order, names case-insensitive):
 * - check-ins: `objective,key_result,date,value[,confidence][,note]`
 * - KPI values: `kpi,date,value[,note]`
 * A file may mix both when it has all the columns: each row fills `kpi` or `objective`.
 */
import { parse } from 'csv-parse/sync';
import { compareDates } from '../../src/lib/calendar/calendar-date.ts';
import type { ContentSet } from '../../src/lib/content/content-set.ts';
import { periodBounds } from '../../src/lib/calendar/period.ts';
import { quoteValue, type ContentProblem } from '../../src/lib/content/problems.ts';
import { CheckinSchema, type CheckinData } from '../../src/lib/content/schema/objective.ts';
import { KpiDataPointSchema, type KpiDataPoint } from '../../src/lib/content/schema/kpi.ts';
import { didYouMean } from '../../src/lib/content/suggest.ts';

export const IMPORT_COLUMNS = ['objective', 'key_result', 'kpi', 'date', 'value', 'confidence', 'note'] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export interface CheckinImport {
  kind: 'checkin';
  /** 1-based line of the row in the CSV. */
  line: number;
  objective: string;
  keyResult: string;
  checkin: CheckinData;
}

export interface KpiValueImport {
  kind: 'kpi';
  line: number;
  kpi: string;
  point: KpiDataPoint;
}

export type ImportRow = CheckinImport | KpiValueImport;

/**
 * A plain decimal number written as text (`4.2`, `-1`, `1e3`), or undefined. Rejects `''`,
 * `0x10`, `1,5`, `70%` and infinities, which `Number()` would accept or misread.
 * @example parseNumberText('4.20') // 4.2
 */
export function parseNumberText(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER_RE.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Parses an import CSV; rows are checked on their own (dates, numbers, confidence 0..1).
 * @example parseImportCsv('kpi,date,value\nnps,2026-09-01,41\n', 'values.csv').rows[0]
 * // { kind: 'kpi', line: 2, kpi: 'nps', point: { date: '2026-09-01', value: 41 } }
 */
export function parseImportCsv(text: string, file: string): { rows: ImportRow[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (line: number | undefined, field: string, message: string, hint?: string): void => {
    problems.push({ file, line, column: line === undefined ? undefined : 1, field, message, hint, severity: 'error', code: 'import' });
  };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    problem(undefined, '', `CSV syntax: ${(error as Error).message}`);
    return { rows: [], problems };
  }
  const header = records[0]?.record.map((cell) => cell.toLowerCase()) ?? [];
  const known = header.filter((name): name is Column => (IMPORT_COLUMNS as readonly string[]).includes(name));
  for (const name of header.filter((name) => !known.includes(name as Column))) {
    problem(1, 'header', `${quoteValue(name)} is not an import column (expected ${IMPORT_COLUMNS.join(', ')})`, didYouMean(name, IMPORT_COLUMNS));
  }
  const hasCheckins = known.includes('objective') && known.includes('key_result');
  if (!known.includes('date') || !known.includes('value') || (!hasCheckins && !known.includes('kpi'))) {
    problem(1, 'header', `must name the columns objective,key_result,date,value (check-ins) or kpi,date,value (KPI values), got ${quoteValue(header.join(','))}`);
  }
  if (problems.length > 0) return { rows: [], problems };

  const rows: ImportRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    if (record.length > header.length) {
      problem(line, 'row', `has ${record.length} columns, the header has ${header.length}`);
      continue;
    }
    const cell = (name: Column): string => record[header.indexOf(name)] ?? '';
    const { row, issues } = parseRow(cell, line);
    for (const issue of issues) problem(line, issue.field, issue.message, issue.hint);
    if (row) rows.push(row);
  }
  return { rows, problems };
}

interface RowIssue {
  field: string;
  message: string;
  hint?: string | undefined;
}

function parseRow(cell: (name: Column) => string, line: number): { row?: ImportRow; issues: RowIssue[] } {
  const issues: RowIssue[] = [];
  const isKpi = cell('kpi') !== '';
  if (isKpi === (cell('objective') !== '')) {
    const message = isKpi ? 'fill either kpi or objective, not both' : 'is empty (fill objective and key_result for a check-in, or kpi for a KPI value)';
    return { issues: [{ field: isKpi ? 'kpi' : 'objective', message }] };
  }
  const value = parseNumberText(cell('value'));
  if (value === undefined) issues.push({ field: 'value', message: `must be a number such as 4.2, got ${quoteValue(cell('value'))}` });
  const fields: Record<string, unknown> = { date: cell('date'), value: value ?? 0 };
  if (cell('note')) fields.note = cell('note');
  if (isKpi) {
    if (cell('confidence')) issues.push({ field: 'confidence', message: 'is only for check-ins; leave it empty for KPI values' });
  } else {
    if (!cell('key_result')) issues.push({ field: 'key_result', message: 'is empty (the id of a key result of the objective)' });
    if (cell('confidence')) {
      const confidence = parseNumberText(cell('confidence'));
      if (confidence === undefined || confidence < 0 || confidence > 1) {
        issues.push({ field: 'confidence', message: `must be a number from 0 to 1, got ${quoteValue(cell('confidence'))}`, hint: hintForPercent(cell('confidence')) });
      } else fields.confidence = confidence;
    }
  }
  const result = (isKpi ? KpiDataPointSchema : CheckinSchema).safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'row');
      const message = field === 'date' ? `must be a real date written YYYY-MM-DD, got ${quoteValue(cell('date'))}` : issue.message;
      issues.push({ field, message });
    }
  }
  if (!result.success || issues.length > 0) return { issues };
  if (isKpi) return { row: { kind: 'kpi', line, kpi: cell('kpi').toLowerCase(), point: result.data as KpiDataPoint }, issues };
  return { row: { kind: 'checkin', line, objective: cell('objective').toLowerCase(), keyResult: cell('key_result'), checkin: result.data as CheckinData }, issues };
}

/** "Write a share" when a confidence looks like a percentage: `70%` or a whole number up to 100. */
function hintForPercent(text: string): string | undefined {
  const percent = parseNumberText(text.replace(/%$/, ''));
  if (percent === undefined || percent > 100 || percent < 0) return undefined;
  if (!text.endsWith('%') && !(Number.isInteger(percent) && percent > 1)) return undefined;
  return `Write a share: ${percent / 100} for ${percent}%.`;
}

/**
 * Checks imported rows against the content: ids exist, check-ins are not dated before their
 * period, KPI dates are new, and a note only goes to a KPI that can keep it. `noNoteColumn`
 * maps KPI ids whose sidecar CSV has no note column to that CSV's path.
 * @example resolveImportRows(rows, content, 'values.csv') // [] when every row applies
 */
export function resolveImportRows(
  rows: readonly ImportRow[],
  content: ContentSet,
  file: string,
  noNoteColumn: ReadonlyMap<string, string> = new Map(),
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const problem = (line: number, field: string, message: string, hint?: string): void => {
    problems.push({ file, line, column: 1, field, message, hint, severity: 'error', code: 'import' });
  };
  const objectives = new Map(content.objectives.map((entry) => [entry.id, entry]));
  const kpis = new Map(content.kpis.map((entry) => [entry.id, entry]));
  const kpiDates = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.kind === 'checkin') {
      const objective = objectives.get(row.objective);
      if (!objective) {
        problem(row.line, 'objective', `${quoteValue(row.objective)} is not an objective`, didYouMean(row.objective, objectives.keys()));
        continue;
      }
      const ids = objective.data.key_results.map((kr) => kr.id);
      if (!ids.includes(row.keyResult)) {
        problem(row.line, 'key_result', `${quoteValue(row.keyResult)} is not a key result of ${row.objective} (it has ${ids.join(', ')})`, didYouMean(row.keyResult, ids));
        continue;
      }
      const { first } = periodBounds(objective.data.period);
      if (compareDates(row.checkin.date, first) < 0) problem(row.line, 'date', `${row.checkin.date} is before period ${objective.data.period} starts (${first})`);
      continue;
    }
    const kpi = kpis.get(row.kpi);
    if (!kpi) {
      problem(row.line, 'kpi', `${quoteValue(row.kpi)} is not a KPI`, didYouMean(row.kpi, kpis.keys()));
      continue;
    }
    const dates = kpiDates.get(row.kpi) ?? new Set((kpi.data.data ?? []).map((point) => point.date));
    kpiDates.set(row.kpi, dates);
    if (dates.has(row.point.date)) problem(row.line, 'date', `${row.kpi} already has a value for ${row.point.date}`);
    dates.add(row.point.date);
    const sidecar = noNoteColumn.get(row.kpi);
    if (row.point.note !== undefined && sidecar) {
      problem(row.line, 'note', `${row.kpi} keeps its values in ${sidecar}, which has no note column (add ",note" to its header line, or leave the note empty)`);
    }
  }
  return problems;
}
