/**
 * KPI sidecar CSVs: `date,value[,note]`, one measurement per row.
 */
import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../calendar/calendar-date.ts';
import { fileTooLargeMessage, MAX_FILE_BYTES } from './frontmatter.ts';
import { findForbiddenCharacter, MAX_NUMBER_MAGNITUDE } from './content-limits.ts';
import { boundMessage, quoteValue, type ContentProblem } from './problems.ts';
import type { KpiDataPoint } from './schema/kpi.ts';

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const COLUMNS = ['date', 'value', 'note'];

/**
 * Parses a KPI sidecar CSV. Every bad row is reported with its line; nothing is skipped.
 * @example parseKpiCsv('date,value\n2026-01-01,4.2\n', 'content/kpis/nps.csv').points
 * // [{ date: '2026-01-01', value: 4.2 }]
 */
export function parseKpiCsv(text: string, file: string): { points: KpiDataPoint[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (line: number | undefined, field: string, message: string): void => {
    problems.push({ file, line, column: 1, field, message, severity: 'error', code: 'csv' });
  };
  if (text.length > MAX_FILE_BYTES) {
    problem(undefined, '', fileTooLargeMessage());
    return { points: [], problems };
  }
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse's types do not model the shape that `info: true` returns.
    rows = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof rows;
  } catch (error) {
    problem(undefined, '', `CSV syntax: ${boundMessage((error as Error).message)}`);
    return { points: [], problems };
  }
  const header = rows[0]?.record.map((cell) => cell.toLowerCase()) ?? [];
  if (header[0] !== 'date' || header[1] !== 'value' || header.length > 3 || (header[2] !== undefined && header[2] !== 'note')) {
    problem(1, 'header', `must be "date,value" or "date,value,note", got ${quoteValue(header.join(','))}`);
    return { points: [], problems };
  }
  const points: KpiDataPoint[] = [];
  for (const { record, info } of rows.slice(1)) {
    const [date = '', value = '', note = ''] = record;
    if (record.length > header.length) problem(info.lines, COLUMNS[header.length] ?? 'row', `has ${record.length} columns, the header has ${header.length}`);
    else if (!isIsoDate(date)) problem(info.lines, 'date', `must be a real date written YYYY-MM-DD, got ${quoteValue(date)}`);
    else if (!NUMBER_RE.test(value) || !Number.isFinite(Number(value))) problem(info.lines, 'value', `must be a number, got ${quoteValue(value)}`);
    else if (Math.abs(Number(value)) > MAX_NUMBER_MAGNITUDE) problem(info.lines, 'value', `must be a number between -1e15 and 1e15, so that scores, sums and chart axes stay finite, got ${quoteValue(value)}`);
    else if (findForbiddenCharacter(note)) problem(info.lines, 'note', findForbiddenCharacter(note)!.message);
    else points.push(note ? { date, value: Number(value), note } : { date, value: Number(value) });
  }
  return { points, problems };
}
