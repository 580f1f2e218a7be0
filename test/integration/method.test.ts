/**
 * Contract v1.1 method depth in a built site: stale key results, forecasts, graded key
 * results, maintain ranges and alignment to a key result, in the export and on the pages.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';

interface ExportedKeyResult {
  id: string;
  progress: number;
  stale: boolean;
  last_update: string | null;
  forecast: number | null;
  min: number | null;
  max: number | null;
  projected: number | null;
}

interface ExportedObjective {
  id: string;
  progress: number;
  stale: boolean;
  forecast: number | null;
  parent: string | null;
  parent_key_result: string | null;
  key_results: ExportedKeyResult[];
}

describe('method fixture at 2026-08-16 (weekly check-ins)', () => {
  let site: BuiltSite;
  let byId: Record<string, ExportedObjective>;
  beforeAll(() => {
    site = buildSite('test/fixtures/method', { PORTAL_AS_OF: '2026-08-16' });
    expect(site.status, site.output).toBe(0);
    byId = Object.fromEntries(site.json<ExportedObjective[]>('api/v1/objectives.json').map((objective) => [objective.id, objective]));
  });

  test('exports stale, last_update and forecast', () => {
    const company = byId['2026-q3/company']!;
    const [nps, uptime] = company.key_results;
    expect(nps).toMatchObject({ stale: true, last_update: '2026-08-01', min: null, max: null, projected: null });
    expect(nps!.forecast).toBeCloseTo(0.91, 12);
    expect(uptime).toMatchObject({ stale: false, last_update: '2026-08-14', forecast: null, min: 99.5, max: 100, progress: 1 });
    // The maintain key result has no forecast and counts with its score, 1.
    expect(company).toMatchObject({ stale: true, parent_key_result: null });
    expect(company.forecast).toBeCloseTo((0.91 + 1) / 2, 12);
  });

  test('exports graded key results and the key result an objective aligns to', () => {
    const spec = byId['2026-q3/open-spec']!;
    expect(spec).toMatchObject({ parent: '2026-q3/company', parent_key_result: 'nps', stale: false, forecast: null });
    expect(spec.progress).toBeCloseTo((3 * 0.5 + 0.1) / 4, 12);
    expect(spec.key_results.map((kr) => kr.projected)).toEqual([0.8, 0.3]);
  });

  test('exports the new CSV columns', () => {
    expect(site.read('api/v1/objectives.csv').split('\n')[0]).toMatch(/,stale,forecast,parent_key_result$/);
    expect(site.read('api/v1/key-results.csv')).toContain('#kr-nps,true,2026-08-01,0.91');
  });

  test('the objective page says how long a key result went without an update, and its forecast', () => {
    const page = site.read('objectives/2026-q3/company/index.html');
    expect(page).toContain('No update for 15 days');
    expect(page).toMatch(/<span class="forecast"[^>]*>Forecast 96%<\/span>/);
    expect(page).toContain('hold 99.5–100%');
    expect(page).toMatch(/<h4>Aligned to this key result<\/h4><ul><li><a href="\/objectives\/2026-q3\/open-spec\/">Partners build on our data model<\/a>/);
  });

  test('a graded key result shows its grade history', () => {
    const page = site.read('objectives/2026-q3/open-spec/index.html');
    expect(page).toContain('Grade history (2)');
    expect(page).toContain('<dt>Projected grade</dt> <dd>0.8</dd>');
    expect(page).toMatch(/Aligns to<\/dt> <dd><a href="\/objectives\/2026-q3\/company\/">Customers love the product<\/a> › key result <a href="\/objectives\/2026-q3\/company\/#kr-nps">Raise NPS from 0 to 100<\/a>/);
    expect(page).not.toContain('No update for');
  });

  test('the alignment tree shows the objective under the key result', () => {
    const page = site.read('alignment/2026-Q3/index.html');
    expect(page).toMatch(/<li class="node-kr"><p class="node-kr-title">Aligned to key result <a href="\/objectives\/2026-q3\/company\/#kr-nps">Raise NPS from 0 to 100<\/a><\/p><ul><li id="objective-2026-q3--open-spec"/);
  });

  test('the team page lists what needs an update, with the owner', () => {
    const page = site.read('teams/company/index.html');
    expect(page).toMatch(/<h2>Needs an update<\/h2><ul><li><a href="\/objectives\/2026-q3\/company\/#kr-nps">Raise NPS from 0 to 100<\/a> <span class="muted">in Customers love the product, owner <a href="\/people\/ada\/">Ada Lovelace<\/a><\/span> <span class="stale-note" data-stale="15">/);
    expect(site.read('teams/platform/index.html')).not.toContain('Needs an update');
  });

  test('cards and the period page carry the stale note', () => {
    expect(site.read('periods/2026-Q3/index.html')).toContain('No update for 15 days');
  });
});
