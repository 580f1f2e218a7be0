/**
 * Appending to a KPI's sidecar CSV (`date,value[,note]`) without touching its existing bytes.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ContentFile } from '../../src/lib/content/content-set.ts';
import type { KpiDataPoint } from '../../src/lib/content/schema/kpi.ts';
import { UsageError } from './errors.ts';

/**
 * The sidecar CSV of a KPI file (`kpis/x.md` -> `kpis/x.csv`, in any case), if it has one.
 * @example sidecarOf(loaded.files, 'kpis/customer/nps.md')?.path // 'kpis/customer/nps.csv'
 */
export function sidecarOf(files: readonly ContentFile[], kpiPath: string): ContentFile | undefined {
  const csvPath = kpiPath.replace(/\.md$/i, '.csv').toLowerCase();
  return files.find((file) => file.path.toLowerCase() === csvPath);
}

/**
 * Whether a sidecar CSV has a third (note) column.
 * @example hasNoteColumn('date,value\n') // false
 */
export function hasNoteColumn(text: string): boolean {
  return headerOf(text).length >= 3;
}

function headerOf(text: string): string[] {
  return (parse(text.replace(/^\uFEFF/, ''), { to_line: 1, trim: true }) as string[][])[0] ?? [];
}

/**
 * The CSV text with one row appended in the file's own column layout and line ends.
 * @example appendCsvRow('date,value\n2026-01-01,4\n', { date: '2026-02-01', value: 5 })
 * // 'date,value\n2026-01-01,4\n2026-02-01,5\n'
 */
export function appendCsvRow(text: string, point: KpiDataPoint, file = 'the CSV'): string {
  const header = headerOf(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (point.note !== undefined && header.length < 3) {
    throw new UsageError(`${file} has no note column; add ",note" to its header line to keep notes`);
  }
  const cells = header.length >= 3 ? [point.date, String(point.value), point.note ?? ''] : [point.date, String(point.value)];
  const row = stringify([cells], { record_delimiter: eol });
  const separator = text === '' || text.endsWith('\n') ? '' : eol;
  return `${text}${separator}${row}`;
}
