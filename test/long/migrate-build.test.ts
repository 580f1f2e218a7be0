/**
 * `okr migrate`, then `astro build`: Asana's goals (the format with parents, milestones and
 * units) migrated into the basic fixture build into objectives with their parent and key
 * results. The migrations themselves, and `okr check` on what they write, are tested in
 * test/cli/migrate.test.ts; this is the one build, among the long checks.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { copyFixture, okr, ROOT } from '../cli/run-okr.ts';

const FIXTURES = join(ROOT, 'test/fixtures/migrate');
const AS_OF = ['--as-of', '2026-11-23'];

describe('okr migrate, then build', () => {
  // The one build of this file: Asana's goals, the format with parents, milestones and units.
  test('migrated Asana goals build into objectives with their parent and key results', { timeout: 300_000 }, async () => {
    const cwd = copyFixture('basic');
    expect((await okr(['migrate', join(FIXTURES, 'asana.json'), '--team', 'company', '--write', ...AS_OF], { cwd })).status).toBe(0);
    const site = buildSite(join(cwd, 'content'), { PORTAL_AS_OF: '2026-11-23' });
    expect(site.status, site.output).toBe(0);
    const objectives = site.json<{ id: string; parent: string | null; key_results: { id: string; type: string; start: number | null; target: number | null; current: number | null; unit: string | null }[] }[]>('api/v1/objectives.json');
    const keep = objectives.find((objective) => objective.id === '2026-q4/customer-success/keep-the-customers-we-have');
    expect(keep?.parent).toBe('2026-q4/company/grow-recurring-revenue');
    expect(keep?.key_results.map(({ id, type, start, target, current, unit }) => ({ id, type, start, target, current, unit }))).toEqual([
      { id: 'monthly-churn', type: 'decrease', start: 3, target: 1.5, current: 2.2, unit: '%' },
      { id: 'run-a-quarterly', type: 'milestone', start: null, target: null, current: null, unit: null },
    ]);
    expect(site.exists('objectives/2026-q4/customer-success/keep-the-customers-we-have/index.html')).toBe(true);
  });
});
