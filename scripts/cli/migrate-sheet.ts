/**
 * `okr migrate` of a spreadsheet export (CSV, or XLSX through read-xlsx.ts): one row per key result, the objective's
 * columns repeated on each of its rows. Headers are matched case-insensitively against
 * SHEET_COLUMNS, which includes BurningOKR's export and Peoplebox's import columns. Every bad
 * cell is a problem naming the file, line and column; the rows become migration rows that
 * migrate-plan.ts turns into content files. A map file (migrate-map.ts) names the columns of
 * any other export; its headers come first, and one that the sheet lacks is a problem.
 */
import { parse } from 'csv-parse/sync';
import { PeriodSchema } from '../../src/lib/content/schema/common.ts';
import { quoteValue, type ContentProblem } from '../../src/lib/content/problems.ts';
import { didYouMean } from '../../src/lib/content/suggest.ts';
import { parseNumberText } from './import-csv.ts';
import type { MigrationMap } from './migrate-map.ts';
import type { MigrationRow } from './migrate-plan.ts';

/** What a column means, and the headers (lower case) that mean it. */
export const SHEET_COLUMNS = {
  team: ['team', 'team name', 'owner team', 'department'],
  period: ['period', 'quarter', 'cycle', 'goal cycle', 'okr cycle'],
  objective: ['objective', 'objective title', 'goal', 'goal title'],
  parent: ['corporate objective', 'parent objective', 'parent'],
  key_result: ['key result', 'key result title', 'kr', 'metric'],
  start: ['start', 'start value', 'starting value', 'baseline', 'from'],
  target: ['target', 'target value', 'end', 'goal value', 'to'],
  current: ['current', 'current value', 'actual', 'actual value', 'value'],
  unit: ['unit', 'units'],
  owner: ['owner', 'owner email', 'owner emails', 'owners'],
} as const;

/** Columns of known exports that the content format derives or has no place for. */
export const IGNORED_COLUMNS = ['progress', 'description', 'parent row ids', 'row id', 'id', 'status', 'confidence'] as const;

export type SheetColumn = keyof typeof SHEET_COLUMNS;

const PERIOD_FORMS_RE = [/^(\d{4})\s*[-/ ]?\s*q([1-4])$/i, /^q([1-4])\s*[-/ ]?\s*(\d{4})$/i];

/**
 * A period from the forms exports use: `2026-Q4`, `2026 Q4`, `Q4 2026`, `Q4/2026`.
 * @example parseSheetPeriod('Q4 2026') // '2026-Q4'
 */
export function parseSheetPeriod(text: string): string | undefined {
  const trimmed = text.trim();
  const [yearFirst, quarterFirst] = PERIOD_FORMS_RE.map((re) => re.exec(trimmed));
  const period = yearFirst ? `${yearFirst[1]}-Q${yearFirst[2]}` : quarterFirst ? `${quarterFirst[2]}-Q${quarterFirst[1]}` : undefined;
  return period && PeriodSchema.safeParse(period).success ? period : undefined;
}

export interface SheetOptions {
  /** The period of rows without one. */
  period?: string | undefined;
  /** The map file, whose `columns` come before the synonyms. */
  map?: MigrationMap | undefined;
}

/** One row of a sheet: its cells as text, and its 1-based line (CSV) or row number (XLSX). */
export interface SheetRecord {
  cells: string[];
  line: number;
}

/**
 * The rows of a CSV export, and a problem for each bad header or cell.
 * @example parseSheet('Team,Objective,Key Result,Start,End\nSupport,Delight,CSAT from 80 to 90,80,90\n', 'okrs.csv', { period: '2026-Q4' })
 */
export function parseSheet(text: string, file: string, options: SheetOptions): { rows: MigrationRow[]; problems: ContentProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    return { rows: [], problems: [{ file, field: '', message: `CSV syntax: ${(error as Error).message}`, severity: 'error', code: 'migrate' }] };
  }
  return parseSheetRecords(records.map(({ record, info }) => ({ cells: record, line: info.lines })), file, options);
}

/**
 * The rows of a sheet read by any reader (CSV, XLSX), and a problem for each bad header or cell.
 * @example parseSheetRecords([{ cells: ['Team', 'Objective', 'Key Result'], line: 1 }], 'okrs.xlsx', { period: '2026-Q4' })
 */
export function parseSheetRecords(records: readonly SheetRecord[], file: string, options: SheetOptions): { rows: MigrationRow[]; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const problem = (line: number | undefined, column: number | undefined, field: string, message: string, hint?: string): void => {
    problems.push({ file, line, column, field, message, hint, severity: 'error', code: 'migrate' });
  };
  const header = records[0]?.cells ?? [];
  const columns = new Map<SheetColumn, number>();
  const mapped: MigrationMap['columns'] = options.map?.columns ?? new Map();
  for (const { header: name } of mapped.values()) {
    if (!header.some((cell) => normalizeHeader(cell) === normalizeHeader(name))) {
      problems.push(options.map!.problemAt(['columns', name], `is not a column of ${file} (its columns: ${header.join(', ')})`, didYouMean(name, header)));
    }
  }
  header.forEach((name, index) => {
    const lower = normalizeHeader(name);
    const field = mapped.get(lower)?.field;
    if (field === 'ignore') return;
    const column = field ?? (Object.keys(SHEET_COLUMNS) as SheetColumn[]).find((key) => (SHEET_COLUMNS[key] as readonly string[]).includes(lower));
    if (column && columns.has(column)) problem(1, index + 1, name, `means ${column}, like column ${columns.get(column)! + 1}; keep one of them`);
    else if (column) columns.set(column, index);
    else if (!(IGNORED_COLUMNS as readonly string[]).includes(lower)) {
      const known = Object.values(SHEET_COLUMNS).flat();
      problem(1, index + 1, name || `column ${index + 1}`, `is not a column okr migrate knows (see docs/cli.md, okr migrate; --map names other columns)`, didYouMean(lower, known));
    }
  });
  const required: SheetColumn[] = ['team', 'objective', 'key_result', ...(options.period === undefined ? (['period'] as const) : [])];
  const missing = required.filter((column) => !columns.has(column));
  if (missing.length > 0) problem(1, undefined, 'header', `has no ${missing.join(', ')} column${missing.includes('period') ? ' (or give --period)' : ''}`);
  if (problems.length > 0) return { rows: [], problems };

  const rows: MigrationRow[] = [];
  for (const { cells: record, line } of records.slice(1)) {
    const rowProblems = problems.length;
    const cell = (column: SheetColumn): string => {
      const index = columns.get(column);
      return index === undefined ? '' : (record[index] ?? '');
    };
    const fail = (column: SheetColumn, message: string): void => problem(line, columns.get(column)! + 1, header[columns.get(column)!]!, message);
    const number = (column: SheetColumn): number | undefined => {
      if (cell(column) === '') return undefined;
      const value = parseNumberText(cell(column).replace(/,(?=\d{3}\b)/g, ''));
      if (value === undefined) fail(column, `must be a number such as 4.2, got ${quoteValue(cell(column))}`);
      return value;
    };
    for (const column of ['team', 'objective', 'key_result'] as const) if (cell(column) === '') fail(column, 'is empty');
    let period = options.period;
    if (columns.has('period') && cell('period') !== '') {
      period = parseSheetPeriod(cell('period'));
      if (!period) fail('period', `must be a quarter such as 2026-Q4 or Q4 2026, got ${quoteValue(cell('period'))}`);
    } else if (period === undefined) fail('period', 'is empty (or give --period)');
    const start = number('start');
    const target = number('target');
    const current = number('current');
    if ((cell('start') === '') !== (cell('target') === '')) {
      const [filled, empty] = cell('start') === '' ? (['target', 'start'] as const) : (['start', 'target'] as const);
      fail(columns.has(empty) ? empty : filled, `is empty while ${header[columns.get(filled)!]} is set; give both, or neither for a milestone`);
    }
    if (problems.length > rowProblems || period === undefined) continue;
    rows.push({
      origin: `line ${line}`,
      team: cell('team'),
      period,
      objective: cell('objective'),
      parent: cell('parent') || undefined,
      keyResult: cell('key_result'),
      start,
      target,
      current,
      unit: cell('unit') || undefined,
      owner: cell('owner').split(/[,;]/)[0]?.trim() || undefined,
    });
  }
  return { rows, problems };
}

/** A header as it is compared: lower case, runs of white space as one space. */
function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/\s+/g, ' ').trim();
}
