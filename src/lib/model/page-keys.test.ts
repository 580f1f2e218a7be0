import { describe, expect, test } from 'vitest';
import { contentSet, type ContentSpec } from '../../../test/support/content-files.ts';
import { filterByAudience } from '../content/audience.ts';
import type { EntryHistory } from './history.ts';
import type { PeriodTimeline } from './snapshots.ts';
import { pageKeyMaterial, snapshotContentMaterial, type PageKeyContext } from './page-keys.ts';
import { buildPortalModel } from './portal-model.ts';

const CONTEXT: PageKeyContext = {
  inputs: { audience: 'public', asOf: '2026-08-16', site: undefined, base: '/', repoUrl: undefined, repoBranch: 'main', history: false, historyDetails: { authors: false, subjects: false }, snapshots: true },
  editBase: undefined,
  configVersion: 'c0ffee',
  historyOf: () => undefined,
  hasHistory: false,
  standingsOf: () => [],
  timelineOf: () => ({ dates: [], weeks: [] }),
  // The material itself: a test sees what a shared part holds, and any change of it.
  digest: (material) => (typeof material === 'string' ? material : Buffer.from(material).toString('base64')),
};

const objective = (title: string, extra: object = {}): object => ({
  title,
  period: '2026-Q3',
  key_results: [{ id: 'kr', title: `${title} KR`, start: 0, target: 10, current: 5 }],
  ...extra,
});

const SPEC: ContentSpec = {
  'portal.yaml': { default_visibility: 'public' },
  'teams/acme.md': { name: 'Acme' },
  'teams/beta.md': { name: 'Beta' },
  'people/ana.md': { name: 'Ana', team: 'acme' },
  'objectives/2026-q3/top.md': objective('Top', { team: 'acme' }),
  'objectives/2026-q3/child.md': objective('Child', { parent: '2026-q3/top', owner: 'ana' }),
  'objectives/2026-q3/other.md': objective('Other', { team: 'beta' }),
};

type Edit = (spec: ContentSpec) => void;

function keysAfter(edit: Edit, context: PageKeyContext = CONTEXT): { objective: Record<string, string>; team: string; person: string } {
  const spec = structuredClone(SPEC);
  edit(spec);
  const model = buildPortalModel(filterByAudience(contentSet(spec), 'public'), '2026-08-16');
  const keys = pageKeyMaterial(model, context);
  return {
    objective: Object.fromEntries(model.objectives.map((entry) => [entry.id, keys.objective(entry)])),
    team: keys.team(model.teamById.get('acme')!),
    person: keys.person(model.personById.get('ana')!),
  };
}

const before = keysAfter(() => {});
const childKr = (spec: ContentSpec): { current: number; title: string } =>
  ((spec['objectives/2026-q3/child.md'] as { key_results: { current: number; title: string }[] }).key_results[0])!;

describe('pageKeyMaterial', () => {
  test('is stable for the same model', () => {
    expect(keysAfter(() => {})).toEqual(before);
  });

  test("a change of a child's score changes the child's and the parent's keys, not an unrelated one", () => {
    const after = keysAfter((spec) => {
      childKr(spec).current = 9;
    });
    expect(after.objective['2026-q3/child']).not.toBe(before.objective['2026-q3/child']);
    expect(after.objective['2026-q3/top']).not.toBe(before.objective['2026-q3/top']);
    expect(after.objective['2026-q3/other']).toBe(before.objective['2026-q3/other']);
    // Ana owns the child: her page shows its card and score.
    expect(after.person).not.toBe(before.person);
  });

  test('a change of an unrelated objective changes only its own key', () => {
    const after = keysAfter((spec) => {
      (spec['objectives/2026-q3/other.md'] as { title: string }).title = 'Renamed';
    });
    expect(after.objective['2026-q3/other']).not.toBe(before.objective['2026-q3/other']);
    expect(after.objective['2026-q3/top']).toBe(before.objective['2026-q3/top']);
    expect(after.objective['2026-q3/child']).toBe(before.objective['2026-q3/child']);
    expect(after.team).toBe(before.team);
    expect(after.person).toBe(before.person);
  });

  test("a parent's title changes the child's key (breadcrumbs), a person's name the pages naming her", () => {
    const retitled = keysAfter((spec) => {
      (spec['objectives/2026-q3/top.md'] as { title: string }).title = 'New top';
    });
    expect(retitled.objective['2026-q3/child']).not.toBe(before.objective['2026-q3/child']);
    const renamed = keysAfter((spec) => {
      (spec['people/ana.md'] as { name: string }).name = 'Ana B.';
    });
    expect(renamed.objective['2026-q3/child']).not.toBe(before.objective['2026-q3/child']);
    expect(renamed.team).not.toBe(before.team);
    expect(renamed.objective['2026-q3/other']).toBe(before.objective['2026-q3/other']);
  });

  test('build inputs, settings and the build configuration change every key', () => {
    const based = keysAfter(() => {}, { ...CONTEXT, inputs: { ...CONTEXT.inputs, base: '/okrs/' } });
    const configured = keysAfter(() => {}, { ...CONTEXT, configVersion: 'decade' });
    const named = keysAfter((spec) => {
      (spec['portal.yaml'] as { name?: string }).name = 'Acme OKRs';
    });
    for (const after of [based, named, configured]) {
      expect(after.objective['2026-q3/other']).not.toBe(before.objective['2026-q3/other']);
      expect(after.team).not.toBe(before.team);
    }
  });

  test("an objective's weekly standings change its key (progress over time), and only its key", () => {
    const standing = { date: '2026-08-16', progress: 0.4, score: 0.4, grade: 'yellow', status: 'at-risk', expected: 0.5 } as const;
    const moved = keysAfter(() => {}, { ...CONTEXT, standingsOf: (id) => (id === '2026-q3/other' ? [standing] : []) });
    expect(moved.objective['2026-q3/other']).not.toBe(before.objective['2026-q3/other']);
    expect(moved.objective['2026-q3/top']).toBe(before.objective['2026-q3/top']);
  });

  test('a snapshot key changes with its objectives and its neighbouring dates, not with a later Sunday', () => {
    const model = buildPortalModel(filterByAudience(contentSet(SPEC), 'public'), '2026-08-16');
    const keys = pageKeyMaterial(model, CONTEXT);
    const snapshot = { period: '2026-Q3', date: '2026-08-09', content: snapshotContentMaterial(model.objectives), dates: ['2026-08-09', '2026-08-16'] };
    const base = keys.snapshot(snapshot);
    expect(keys.snapshot({ ...snapshot })).toBe(base);
    expect(keys.snapshot({ ...snapshot, date: '2026-08-16' })).not.toBe(base);
    expect(keys.snapshot({ ...snapshot, dates: [...snapshot.dates, '2026-08-23'] })).toBe(base);
    expect(keys.snapshot({ ...snapshot, dates: ['2026-08-02', ...snapshot.dates] })).not.toBe(base);
    expect(keys.snapshot({ ...snapshot, content: snapshotContentMaterial(model.objectives.slice(1)) })).not.toBe(base);
  });
});

describe('pageKeyMaterial of the period, list, retrospective and export pages', () => {
  // As of 2026-08-16: 2026-Q2 is closed, 2026-Q3 is the current period.
  const PERIODS: ContentSpec = {
    ...SPEC,
    'objectives/2026-q2/past.md': objective('Past', { period: '2026-Q2', team: 'acme' }),
    'kpis/csat.md': { title: 'CSAT', team: 'acme', category: 'customer', direction: 'higher-is-better', data: [{ date: '2026-05-01', value: 8 }] },
    'retrospectives/2026-q2.md': { title: 'Q2 retrospective', period: '2026-Q2' },
    'retrospectives/2026-q2-all.mdx': { title: 'Q2 in numbers', period: '2026-Q2' },
  };
  type Keys = Record<string, string>;

  function pageKeys(edit: Edit, context: PageKeyContext = CONTEXT): Keys {
    const spec = structuredClone(PERIODS);
    edit(spec);
    const model = buildPortalModel(filterByAudience(contentSet(spec), 'public'), context.inputs.asOf);
    const keys = pageKeyMaterial(model, context);
    const retro = (id: string) => keys.retrospective(model.retrospectives.find((entry) => entry.id === id)!, { previous: undefined, next: undefined });
    const periodKeys = (period: string): Keys => ({
      [`period ${period}`]: keys.period(period),
      [`changes ${period}`]: keys.periodChanges(period),
      [`report ${period}`]: keys.periodReport(period),
      [`alignment ${period}`]: keys.alignment(period),
      [`alignment ${period} acme`]: keys.alignment(period, 'acme'),
    });
    return {
      ...periodKeys('2026-Q2'),
      ...periodKeys('2026-Q3'),
      'kpis of customer': keys.kpiList({ kind: 'category', category: 'customer' }),
      'kpis of acme': keys.kpiList({ kind: 'team', team: 'acme' }),
      'retro md': retro('2026-q2'),
      'retro mdx': retro('2026-q2-all'),
      ...Object.fromEntries((['objectives', 'kpis', 'teams', 'people'] as const).map((file) => [`export ${file}`, keys.export(file)])),
      branding: keys.branding({ path: 'branding/logo.svg', type: 'image/svg+xml', body: new Uint8Array([60, 115, 118, 103]) }),
      'snapshot 2026-Q2': keys.snapshot({ period: '2026-Q2', date: '2026-06-28', content: 'scored', dates: ['2026-06-28'] }),
    };
  }

  const base = pageKeys(() => {});
  const changedBy = (edit: Edit, context?: PageKeyContext): string[] => {
    const after = pageKeys(edit, context);
    return Object.keys(base).filter((page) => after[page] !== base[page]);
  };

  test('an edit in the current period leaves every key of the closed period alone', () => {
    const changed = changedBy((spec) => {
      childKr(spec).current = 9;
    });
    expect(changed.filter((page) => page.includes('2026-Q2'))).toEqual([]);
    expect(changed).toEqual(expect.arrayContaining(['period 2026-Q3', 'changes 2026-Q3', 'alignment 2026-Q3', 'alignment 2026-Q3 acme', 'retro mdx', 'export objectives']));
    expect(changed).not.toContain('retro md');
    expect(changed).not.toContain('export teams');
  });

  test("a KPI value changes the reports (the KPIs' changes over the period) and the KPI lists, not the period pages", () => {
    const changed = changedBy((spec) => {
      (spec['kpis/csat.md'] as { data: object[] }).data.push({ date: '2026-06-01', value: 9 });
    });
    expect(changed).toEqual(expect.arrayContaining(['report 2026-Q2', 'kpis of customer', 'kpis of acme', 'export kpis', 'retro mdx']));
    expect(changed.filter((page) => /^(period|changes|alignment) /.test(page))).toEqual([]);
  });

  test("a team's name changes every period's pages (cards, groups in org-chart order), not the people export", () => {
    const changed = changedBy((spec) => {
      (spec['teams/beta.md'] as { name: string }).name = 'Aardvark';
    });
    // Beta has no objective in 2026-Q2, yet its name decides where its siblings' groups go.
    expect(changed).toEqual(expect.arrayContaining(['period 2026-Q2', 'alignment 2026-Q2 acme', 'snapshot 2026-Q2', 'period 2026-Q3', 'export teams']));
    expect(changed).not.toContain('export people');
  });

  test("an objective carried over into the next period changes the closed period's report only", () => {
    const changed = changedBy((spec) => {
      (spec['objectives/2026-q3/other.md'] as { title: string }).title = 'Past';
    });
    expect(changed.filter((page) => page.includes('2026-Q2'))).toEqual(['report 2026-Q2']);
  });

  test('history changes the changes page of its period; a later as-of date every page but the exports of unchanged entities', () => {
    const history = { revisions: [], changes: [{ date: '2026-07-01', commit: 'abc', subject: 'Aim higher', keyResultId: 'kr', field: 'target', from: 10, to: 20 }] } as unknown as EntryHistory;
    expect(changedBy(() => {}, { ...CONTEXT, historyOf: (id) => (id === '2026-q3/top' ? history : undefined), hasHistory: true })).toEqual(expect.arrayContaining(['changes 2026-Q2', 'changes 2026-Q3']));
    expect(changedBy(() => {}, { ...CONTEXT, historyOf: (id) => (id === '2026-q3/top' ? history : undefined) })).toEqual(['changes 2026-Q3']);
    const later = changedBy(() => {}, { ...CONTEXT, inputs: { ...CONTEXT.inputs, asOf: '2026-08-17' } });
    expect(later).toContain('report 2026-Q2');
    expect(later).not.toContain('export teams');
    expect(later).not.toContain('branding');
  });

  test("a period page's key holds its snapshot timeline", () => {
    const week: PeriodTimeline['weeks'][number] = { date: '2026-08-16', movers: [{ id: '2026-q3/top', title: 'Top', from: { status: 'on-track', grade: 'green' }, to: { status: 'at-risk', grade: 'yellow' } }] };
    const moved = changedBy(() => {}, { ...CONTEXT, timelineOf: (period) => (period === '2026-Q3' ? { dates: ['2026-08-16'], weeks: [week] } : { dates: [], weeks: [] }) });
    expect(moved).toEqual(['period 2026-Q3']);
  });

  test("a branding file's key holds its bytes", () => {
    const model = buildPortalModel(filterByAudience(contentSet(PERIODS), 'public'), '2026-08-16');
    const keys = pageKeyMaterial(model, CONTEXT);
    const file = { path: 'branding/logo.svg', type: 'image/svg+xml', body: new Uint8Array([60, 115, 118, 103]) };
    expect(keys.branding({ ...file, body: new Uint8Array([60, 115, 118, 104]) })).not.toBe(keys.branding(file));
  });
});
