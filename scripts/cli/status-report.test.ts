import { describe, expect, test } from 'vitest';
import { contentSet } from '../../test/support/content-files.ts';
import { filterByAudience } from '../../src/lib/content/audience.ts';
import { buildPortalModel } from '../../src/lib/model/portal-model.ts';
import { renderStatus } from './status-report.ts';

const model = buildPortalModel(
  filterByAudience(
    contentSet({
      'portal.yaml': { default_visibility: 'public' },
      'teams/acme.md': { name: 'Acme' },
      'objectives/2026-q3/company.md': {
        title: 'Delight customers',
        period: '2026-Q3',
        team: 'acme',
        key_results: [
          { id: 'nps', title: 'NPS from 0 to 100', start: 0, target: 100, checkins: [{ date: '2026-07-01', value: 0 }, { date: '2026-08-01', value: 31 }] },
          { id: 'spec', title: 'Spec', type: 'graded', checkins: [{ date: '2026-08-10', value: 0.5, projected: 0.8 }] },
          { id: 'uptime', title: 'Uptime', type: 'maintain', min: 99.5, max: 100, current: 99.9 },
        ],
      },
    }),
    'public',
  ),
  '2026-08-16',
);

describe('renderStatus: contract v1.1', () => {
  const lines = renderStatus(model, { period: '2026-Q3', objectives: model.objectives, kpis: [] }, (_, text) => text);

  test('says how long a stale objective and key result went without an update, with forecasts', () => {
    expect(lines.find((line) => line.includes('Delight customers'))).toMatch(/Delight customers, forecast 80% · no update for 15 days {2}2026-q3\/company$/);
    expect(lines.find((line) => line.includes('NPS from 0 to 100'))).toMatch(/\(now 31, target 100, forecast 91%\) · no update for 15 days {2}nps$/);
  });

  test('shows grades and ranges', () => {
    expect(lines.find((line) => line.includes(' Spec '))).toContain('Spec (grade 0.5, projected 0.8)  spec');
    expect(lines.find((line) => line.includes('Uptime'))).toContain('Uptime (now 99.9, range 99.5 to 100)  uptime');
  });
});
