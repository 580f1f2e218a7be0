import { describe, expect, test } from 'vitest';
import type { ContentFile } from '../../src/lib/content/content-set.ts';
import { loadContentSet } from '../../src/lib/content/load-content.ts';
import { planMigration, type MigrationRow } from './migrate-plan.ts';

const file = (path: string, text: string): ContentFile => ({ path, displayPath: `content/${path}`, text });

const { content } = loadContentSet([
  file('teams/support.md', '---\nname: Support\n---\n'),
  file('people/ada.md', '---\nname: Ada Lovelace\nteam: support\n---\n'),
  file(
    'objectives/2026-q4/support/answer-faster.md',
    '---\ntitle: Answer faster\nperiod: 2026-Q4\nteam: support\nkey_results:\n' +
      '  - {id: first-response, title: First response from 90 to 60, start: 90, target: 60, checkins: [{date: 2026-10-09, value: 82}]}\n' +
      '  - {id: publish-the-rota, title: Publish the rota, type: milestone}\n---\n',
  ),
]);

const row = (fields: Partial<MigrationRow>): MigrationRow => ({ origin: 'outcomes[0]', team: 'Support', period: '2026-Q4', objective: 'Answer faster', keyResult: 'First response from 90 to 60', start: 90, target: 60, ...fields });

describe('planMigration of an objective that exists', () => {
  test.each([
    ['adds the export check-ins dated after the last one', { checkins: [{ date: '2026-10-09', value: 82 }, { date: '2026-10-16', value: 74, confidence: 0.5 }] }, [{ date: '2026-10-16', value: 74, confidence: 0.5 }]],
    ['adds none when the export has no newer check-in', { checkins: [{ date: '2026-10-02', value: 88 }, { date: '2026-10-09', value: 82 }] }, []],
    ['dates a changed current value on the as-of day, with its note', { current: 70, note: 'Weekend rota' }, [{ date: '2026-11-23', value: 70, note: 'Weekend rota' }]],
    ['adds nothing for an unchanged current value', { current: 82 }, []],
  ])('%s', (_name, fields, added) => {
    const plan = planMigration([row(fields)], content, { asOf: '2026-11-23' });
    expect(plan.changes.size).toBe(0);
    expect(plan.checkins.map((addition) => addition.checkin)).toEqual(added);
  });
});

describe('planMigration of a new objective', () => {
  const rows = [
    row({ objective: 'Delight customers', objectiveBody: 'Why it matters.', objectiveStatus: 'cancelled', checkins: [{ date: '2026-09-30', value: 95 }, { date: '2026-10-02', value: 90, note: 'Baseline' }], owner: 'grace.kim@acme.example' }),
    row({ objective: 'Delight customers', keyResult: 'Publish the rota', start: undefined, target: undefined, done: true, owner: 'Ada Lovelace' }),
  ];

  test('writes the check-ins of the period, a done milestone, the status and the body; creates an unknown person with a warning', () => {
    const plan = planMigration(rows, content, { asOf: '2026-11-23' });
    expect(plan.changes.get('objectives/2026-q4/support/delight-customers.md')).toBe(
      '---\ntitle: Delight customers\nperiod: 2026-Q4\nteam: support\nstatus: cancelled\nvisibility: internal\nkey_results:\n' +
        '  - id: first-response\n    title: First response from 90 to 60\n    start: 90\n    target: 60\n    owner: grace-kim\n    checkins:\n      - date: 2026-10-02\n        value: 90\n        note: Baseline\n' +
        '  - id: publish-the-rota\n    title: Publish the rota\n    type: milestone\n    done: true\n    owner: ada\n---\n\nWhy it matters.\n',
    );
    expect(plan.warnings).toEqual(['new person grace-kim ("Grace Kim"): people/grace-kim.md']);
    expect(plan.notes).toEqual(['objectives/2026-q4/support/delight-customers.md: first-response: 1 check-in before the period starts (2026-10-01) left out']);
  });

  test("uses the map file's ids before names, and creates nothing it maps", () => {
    const plan = planMigration(rows, content, { asOf: '2026-11-23', mapping: { teams: new Map([['support', 'support']]), people: new Map([['grace.kim@acme.example', 'ada']]) } });
    expect(plan.warnings).toEqual([]);
    expect([...plan.changes.keys()]).toEqual(['objectives/2026-q4/support/delight-customers.md']);
  });
});
