import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { buildAlignmentTree, ancestorsOf, childrenByKeyResult, rollupOf, type AlignmentNode } from './alignment.ts';
import { loadContentSet } from '../content/load-content.ts';
import { buildPortalModel } from './portal-model.ts';
import { checkReferences } from '../content/references.ts';
import { formatProblem } from '../content/problems.ts';

type Frontmatter = Record<string, unknown>;

/** A scored model from frontmatter objects: `{ 'objectives/q/a.md': {...} }`. */
function modelOf(entries: Record<string, Frontmatter>) {
  const files = Object.entries(entries).map(([path, data]) => ({ path, displayPath: `content/${path}`, text: `---\n${stringify(data)}---\n` }));
  const { content, problems } = loadContentSet(files);
  return { model: buildPortalModel(content, '2026-08-16'), problems: [...problems, ...checkReferences(content)] };
}

const kr = (score: number) => ({ id: 'kr', title: 'Done 1 of 1', type: 'milestone', done: score === 1, ...(score !== 1 && score !== 0 ? { score } : {}) });
const objective = (title: string, extra: Frontmatter, score = 0) => ({ title, period: '2026-Q3', key_results: [kr(score)], ...extra });

const ORG = {
  'teams/acme.md': { name: 'Acme' },
  'teams/sales.md': { name: 'Sales', parent: 'acme' },
  'teams/emea.md': { name: 'EMEA', parent: 'sales' },
  'teams/support.md': { name: 'Support', parent: 'acme' },
  'people/ana.md': { name: 'Ana', team: 'emea' },
};

function titles(nodes: AlignmentNode[]): unknown[] {
  return nodes.map((node) => (node.children.length ? [node.objective.title, titles(node.children)] : node.objective.title));
}

describe('buildAlignmentTree', () => {
  const { model } = modelOf({
    ...ORG,
    'objectives/q3/grow.md': objective('B grow', { team: 'acme' }, 1),
    'objectives/q3/keep.md': objective('A keep', { team: 'acme' }, 0),
    'objectives/q3/sales.md': objective('Sales', { team: 'sales', parent: 'q3/grow' }, 0),
    'objectives/q3/emea.md': objective('EMEA', { team: 'emea', parent: 'q3/sales' }, 1),
    'objectives/q3/ana.md': objective('Ana', { owner: 'ana', parent: 'q3/emea' }, 0),
    'objectives/q3/orphan.md': objective('Orphan', { team: 'support' }, 0),
    'objectives/q3/orphan-child.md': objective('Orphan child', { team: 'support', parent: 'q3/orphan' }, 0),
    'objectives/q3/individual.md': objective('Individual', { owner: 'ana' }, 0),
  });

  test('puts company objectives at the top, sorted by title, with deep chains below', () => {
    const tree = buildAlignmentTree(model.objectives, model.teams);
    expect(titles(tree.roots)).toEqual(['A keep', ['B grow', [['Sales', [['EMEA', ['Ana']]]]]]]);
  });

  test('lists objectives without parent that are not company-level as not aligned, with their subtrees', () => {
    const tree = buildAlignmentTree(model.objectives, model.teams);
    expect(titles(tree.notAligned)).toEqual(['Individual', ['Orphan', ['Orphan child']]]);
    expect(tree.count).toBe(8);
  });

  test('restricts a team subtree to its objectives and keeps ancestors as context', () => {
    const personTeam = new Map(model.people.map((person) => [person.id, person.team]));
    const tree = buildAlignmentTree(model.objectives, model.teams, { onlyTeam: 'sales', personTeam });
    expect(titles(tree.roots)).toEqual([['B grow', [['Sales', [['EMEA', ['Ana']]]]]]]);
    expect(tree.roots[0]!.context).toBe(true);
    expect(tree.roots[0]!.children[0]!.context).toBe(false);
    expect(titles(tree.notAligned)).toEqual(['Individual']);
    expect(tree.count).toBe(4);
  });

  test('rolls up the whole subtree even in a filtered view', () => {
    const full = buildAlignmentTree(model.objectives, model.teams);
    const personTeam = new Map(model.people.map((person) => [person.id, person.team]));
    const filtered = buildAlignmentTree(model.objectives, model.teams, { onlyTeam: 'emea', personTeam });
    const grow = full.roots.find((node) => node.objective.title === 'B grow')!;
    // Ana 0; EMEA (1 + 0) / 2 = 0.5; Sales (0 + 0.5) / 2 = 0.25; grow (1 + 0.25) / 2 = 0.625
    expect(grow.rollup).toBeCloseTo(0.625);
    expect(filtered.roots[0]!.rollup).toBeCloseTo(0.625);
  });

  test('gives an empty tree for a period without objectives', () => {
    expect(buildAlignmentTree([], model.teams)).toEqual({ roots: [], notAligned: [], count: 0 });
  });

  test('views of one list (its index is built once) equal views of fresh copies, in any order', () => {
    const personTeam = new Map(model.people.map((person) => [person.id, person.team]));
    const shared = model.objectives;
    const views = [undefined, 'sales', 'support', 'emea', 'acme', undefined].map((onlyTeam) => buildAlignmentTree(shared, model.teams, { onlyTeam, personTeam }));
    const fresh = [undefined, 'sales', 'support', 'emea', 'acme', undefined].map((onlyTeam) => buildAlignmentTree([...shared], model.teams, { onlyTeam, personTeam }));
    expect(views).toEqual(fresh);
    expect(views[0]).toEqual(views[5]);
  });
});

describe('rollupOf', () => {
  test.each([
    { own: 0.5, children: [], expected: 0.5 },
    { own: 0.5, children: [1, 0], expected: 0.5 },
    { own: 1, children: [0], expected: 0.5 },
    { own: 0, children: [0.9, 0.6, 0.3], expected: 0.45 },
  ])('mean of own $own and children $children is $expected', ({ own, children, expected }) => {
    expect(rollupOf(own, children)).toBeCloseTo(expected);
  });
});

describe('ancestorsOf', () => {
  test('walks up to the company objective', () => {
    const { model } = modelOf({
      ...ORG,
      'objectives/q3/top.md': objective('Top', { team: 'acme' }),
      'objectives/q3/mid.md': objective('Mid', { team: 'sales', parent: 'q3/top' }),
      'objectives/q3/low.md': objective('Low', { team: 'emea', parent: 'q3/mid' }),
    });
    expect(ancestorsOf(model.objectiveById, 'q3/low').map((o) => o.title)).toEqual(['Top', 'Mid']);
    expect(ancestorsOf(model.objectiveById, 'q3/top')).toEqual([]);
  });
});

describe('alignment problems', () => {
  test('a parent in another period is an error naming both periods', () => {
    const { problems } = modelOf({
      ...ORG,
      'objectives/q3/top.md': objective('Top', { team: 'acme' }),
      'objectives/q4/next.md': { ...objective('Next', { team: 'sales', parent: 'q3/top' }), period: '2026-Q4' },
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/objectives/q4/next.md: parent: "q3/top" is in period 2026-Q3, but this objective is in 2026-Q4 (an objective aligns to one of the same period)',
    ]);
  });

  test('a cycle of parents is an error listing the cycle', () => {
    const { problems } = modelOf({
      ...ORG,
      'objectives/q3/a.md': objective('A', { team: 'acme', parent: 'q3/b' }),
      'objectives/q3/b.md': objective('B', { team: 'acme', parent: 'q3/a' }),
    });
    expect(problems.map(formatProblem)).toEqual([
      'content/objectives/q3/a.md: parent: objective parents form a cycle: q3/a -> q3/b -> q3/a (an objective cannot be its own ancestor)',
    ]);
  });
});

describe('alignment to a key result', () => {
  const twoKrs = { title: 'Delight', period: '2026-Q3', team: 'acme', key_results: [{ ...kr(1), id: 'nps' }, { ...kr(0), id: 'churn' }] };
  const { model, problems } = modelOf({
    ...ORG,
    'objectives/q3/delight.md': twoKrs,
    'objectives/q3/whole.md': objective('Whole', { team: 'sales', parent: 'q3/delight' }, 0),
    'objectives/q3/churn.md': objective('Churn', { team: 'sales', parent: 'q3/delight#churn' }, 0),
    'objectives/q3/nps-b.md': objective('NPS B', { team: 'support', parent: 'q3/delight#nps' }, 1),
    'objectives/q3/nps-a.md': objective('NPS A', { team: 'support', parent: 'q3/delight#nps' }, 0),
  });
  const tree = buildAlignmentTree(model.objectives, model.teams);
  const root = tree.roots[0]!;

  test('the content is valid', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  test('groups the children: the whole objective first, then each key result in its order', () => {
    expect(childrenByKeyResult(root).map(({ keyResult, children }) => [keyResult?.id, children.map((child) => child.objective.title)])).toEqual([
      [undefined, ['Whole']],
      ['nps', ['NPS A', 'NPS B']],
      ['churn', ['Churn']],
    ]);
  });

  test('roll-ups are unchanged: every aligned objective counts toward the parent objective', () => {
    // own score (1 + 0) / 2 = 0.5; children 0, 0, 1, 0
    expect(root.rollup).toBeCloseTo((0.5 + 0 + 0 + 1 + 0) / 5, 12);
  });

  test('a node without children has no groups', () => {
    expect(childrenByKeyResult(root.children[0]!)).toEqual([]);
  });
});
