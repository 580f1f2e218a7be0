import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generateOrganisation } from './generate.ts';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function generate(objectives: number, kpis: number): { root: string; summary: ReturnType<typeof generateOrganisation> } {
  const root = mkdtempSync(join(tmpdir(), 'okr-bench-gen-'));
  roots.push(root);
  return { root, summary: generateOrganisation(root, { objectives, kpis }) };
}

test('writes exactly N objectives with 3 key results and 6 check-ins each, and KPIs with CSV sidecars', () => {
  const { root, summary } = generate(120, 6);
  const files = readdirSync(join(root, 'objectives'), { recursive: true }).filter((f) => String(f).endsWith('.md'));
  expect(files).toHaveLength(120);
  expect(summary).toMatchObject({ objectives: 120, keyResults: 360, checkins: 2160, kpis: 6, kpiValues: 624, teams: 50, people: 210 });
  const sample = readFileSync(join(root, summary.sampleObjective), 'utf8');
  expect(sample.match(/^ {2}- id: /gm)).toHaveLength(3);
  expect(sample.match(/- \{date: /g)).toHaveLength(18);
  expect(readdirSync(join(root, 'kpis'), { recursive: true }).filter((f) => String(f).endsWith('.csv'))).toHaveLength(6);
});

test('is deterministic', () => {
  const a = generate(60, 3);
  const b = generate(60, 3);
  expect(readFileSync(join(a.root, a.summary.sampleObjective), 'utf8')).toBe(readFileSync(join(b.root, b.summary.sampleObjective), 'utf8'));
  expect(readFileSync(join(a.root, 'kpis/financial/kpi-1.csv'), 'utf8')).toBe(readFileSync(join(b.root, 'kpis/financial/kpi-1.csv'), 'utf8'));
});

test("the rebuild samples: an objective of the current period, and a KPI series ending before the bench's added value", () => {
  const { root, summary } = generate(120, 6);
  expect(readFileSync(join(root, summary.sampleObjective), 'utf8')).toMatch(/^period: 2026-Q4$/m);
  const rows = readFileSync(join(root, summary.sampleKpiSeries), 'utf8').trim().split('\n');
  expect(rows[0]).toBe('date,value');
  // scripts/bench.ts adds 2026-11-20: a new last value, before the as-of date 2026-11-23.
  expect(rows.at(-1)! < '2026-11-20').toBe(true);
});
