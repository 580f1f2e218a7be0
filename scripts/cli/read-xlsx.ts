/**
 * The first sheet of an XLSX workbook as sheet records for migrate-sheet.ts, read with
 * read-excel-file. Cells become the text a CSV export of the sheet would hold; a row's line
 * is its row number in the spreadsheet, so problems point at the row people see.
 */
import { readSheet, type SheetData } from 'read-excel-file/node';
import type { SheetRecord } from './migrate-sheet.ts';
import { UsageError } from './errors.ts';

/**
 * Reads the first sheet of a workbook; empty rows are left out.
 * @example const records = await readXlsxRecords('okrs.xlsx')
 */
export async function readXlsxRecords(path: string): Promise<SheetRecord[]> {
  let rows: SheetData;
  try {
    rows = await readSheet(path);
  } catch (error) {
    throw new UsageError(`${path} cannot be read as an XLSX workbook (${(error as Error).message})`);
  }
  return rows
    .map((row, index) => ({ cells: row.map(cellText), line: index + 1 }))
    .filter((record) => record.cells.some((cell) => cell !== ''));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}
