import { describe, expect, test } from 'vitest';
import { contentSet, type ContentSpec } from '../../../test/support/content-files.ts';
import { filterByAudience } from '../content/audience.ts';
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
