import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadContentSet } from '../content/load-content.ts';
import { ownedBy } from './ownership.ts';
import { buildPortalModel } from './portal-model.ts';

/** A scored model from frontmatter objects: `{ 'objectives/q/a.md': {...} }`. */
function modelOf(entries: Record<string, Record<string, unknown>>) {
  const files = Object.entries(entries).map(([path, data]) => ({ path, displayPath: `content/${path}`, text: `---\n${stringify(data)}---\n` }));
  return buildPortalModel(loadContentSet(files).content, '2026-08-16');
}

const kr = (id: string, owner?: string) => ({ id, title: `Ship ${id} (1 of 1)`, type: 'milestone', done: false, ...(owner ? { owner } : {}) });

describe('ownedBy', () => {
  const model = modelOf({
    'teams/acme.md': { name: 'Acme' },
    'people/ana.md': { name: 'Ana', team: 'acme' },
    'people/bo.md': { name: 'Bo', team: 'acme' },
    'objectives/q2/old.md': { title: 'Old', period: '2026-Q2', owner: 'ana', key_results: [kr('a', 'bo')] },
    'objectives/q3/b.md': { title: 'B', period: '2026-Q3', owner: 'ana', key_results: [kr('x', 'ana'), kr('y', 'bo'), kr('z')] },
    'objectives/q3/a.md': { title: 'A', period: '2026-Q3', team: 'acme', key_results: [kr('k', 'bo')] },
  });

  test('lists owned objectives newest period first, in model order within a period', () => {
    expect(ownedBy(model.objectives, 'ana').objectives.map((objective) => objective.id)).toEqual(['q3/b', 'q2/old']);
  });

  test('lists owned key results of anyone’s objectives, newest period first', () => {
    expect(ownedBy(model.objectives, 'bo').keyResults.map(({ objective, kr }) => `${objective.id}#${kr.id}`)).toEqual(['q3/a#k', 'q3/b#y', 'q2/old#a']);
    expect(ownedBy(model.objectives, 'ana').keyResults.map(({ kr }) => kr.id)).toEqual(['x']);
  });

  test('gives empty lists to someone who owns nothing', () => {
    expect(ownedBy(model.objectives, 'nobody')).toEqual({ objectives: [], keyResults: [] });
    expect(ownedBy(model.objectives, 'bo').objectives).toEqual([]);
  });

  test('indexes each objective list on its own', () => {
    const onlyQ2 = model.objectives.filter((objective) => objective.period === '2026-Q2');
    expect(ownedBy(onlyQ2, 'bo').keyResults.map(({ kr }) => kr.id)).toEqual(['a']);
    expect(ownedBy(model.objectives, 'bo').keyResults).toHaveLength(3);
  });
});
