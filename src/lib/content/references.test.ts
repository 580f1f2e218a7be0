import { describe, expect, test } from 'vitest';
import { contentSet, type ContentSpec } from '../../../test/support/content-files.ts';
import { formatProblem } from './problems.ts';
import { checkReferences, findCycles } from './references.ts';

const kr = { id: 'tickets', title: 'Tickets from 1.5 to 0.5', start: 1.5, target: 0.5 };
const objective = (extra: object): object => ({ title: 'Objective', period: '2026-Q3', team: 'support', key_results: [kr], ...extra });

const ORG: ContentSpec = {
  'teams/acme.md': { name: 'Acme', lead: 'maria-lopez' },
  'teams/support.md': { name: 'Support', parent: 'acme' },
  'people/maria-lopez.md': { name: 'Maria Lopez', team: 'acme' },
  'kpis/support/tickets-per-customer.md': { title: 'Tickets per customer', team: 'support', owner: 'maria-lopez' },
  'objectives/2026-q3/company.md': objective({ team: 'acme' }),
  'objectives/2026-q2/company.md': objective({ team: 'acme', period: '2026-Q2' }),
};

function problemsOf(spec: ContentSpec): string[] {
  return checkReferences(contentSet({ ...ORG, ...spec })).map(formatProblem);
}

describe('checkReferences', () => {
  test('finds nothing wrong in consistent content', () => {
    expect(
      problemsOf({
        'objectives/2026-q3/support.md': objective({
          parent: '2026-q3/company',
          owner: 'maria-lopez',
          contributors: ['acme'],
          continues: '2026-q2/company',
          key_results: [{ ...kr, owner: 'maria-lopez', kpi: 'support/tickets-per-customer' }],
        }),
        'retrospectives/q3.md': { title: 'Q3', period: '2026-Q3', team: 'support' },
      }),
    ).toEqual([]);
  });

  test('reports a dangling reference in every reference field, with did-you-mean', () => {
    expect(
      problemsOf({
        'teams/sales.md': { name: 'Sales', parent: 'acm', lead: 'maria-lopes' },
        'people/ana.md': { name: 'Ana', team: 'suport' },
        'kpis/nps.md': { title: 'NPS', team: 'sales-team', owner: 'nobody' },
        'retrospectives/q3.md': { title: 'Q3', period: '2026-Q3', team: 'supprt' },
        'objectives/2026-q3/support.md': objective({
          team: 'suport',
          owner: 'maria',
          parent: '2026-q3/compny',
          continues: 'company',
          contributors: ['acme', 'acmee'],
          key_results: [{ ...kr, owner: 'maria-lopze', kpi: 'tickets-per-customer' }],
        }),
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/teams/sales.md: parent: "acm" is not a team (expected the id of a file in teams/) Did you mean "acme"?",
        "content/teams/sales.md: lead: "maria-lopes" is not a person (expected the id of a file in people/) Did you mean "maria-lopez"?",
        "content/people/ana.md: team: "suport" is not a team (expected the id of a file in teams/) Did you mean "support"?",
        "content/kpis/nps.md: team: "sales-team" is not a team (expected the id of a file in teams/)",
        "content/kpis/nps.md: owner: "nobody" is not a person (expected the id of a file in people/)",
        "content/retrospectives/q3.md: team: "supprt" is not a team (expected the id of a file in teams/) Did you mean "support"?",
        "content/objectives/2026-q3/support.md: team: "suport" is not a team (expected the id of a file in teams/) Did you mean "support"?",
        "content/objectives/2026-q3/support.md: owner: "maria" is not a person (expected the id of a file in people/)",
        "content/objectives/2026-q3/support.md: parent: "2026-q3/compny" is not an objective (expected the id of a file in objectives/) Did you mean "2026-q3/company"?",
        "content/objectives/2026-q3/support.md: continues: "company" is not an objective (expected the id of a file in objectives/) Did you mean "2026-q2/company"?",
        "content/objectives/2026-q3/support.md: contributors[1]: "acmee" is not a team (expected the id of a file in teams/) Did you mean "acme"?",
        "content/objectives/2026-q3/support.md: key_results[0].owner: "maria-lopze" is not a person (expected the id of a file in people/) Did you mean "maria-lopez"?",
        "content/objectives/2026-q3/support.md: key_results[0].kpi: "tickets-per-customer" is not a KPI (expected the id of a file in kpis/) Did you mean "support/tickets-per-customer"?",
      ]
    `);
  });

  test('reports a team cycle once, listing the cycle', () => {
    expect(
      problemsOf({
        'teams/a.md': { name: 'A', parent: 'c' },
        'teams/b.md': { name: 'B', parent: 'a' },
        'teams/c.md': { name: 'C', parent: 'b' },
        'teams/d.md': { name: 'D', parent: 'a' },
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/teams/a.md: parent: team parents form a cycle: a -> c -> b -> a (a team cannot be its own ancestor)",
      ]
    `);
  });

  test('reports an objective that is its own parent', () => {
    expect(problemsOf({ 'objectives/2026-q3/loop.md': objective({ parent: '2026-q3/loop' }) })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/loop.md: parent: objective parents form a cycle: 2026-q3/loop -> 2026-q3/loop (an objective cannot be its own ancestor)",
      ]
    `);
  });

  test('reports an objective cycle of two', () => {
    expect(
      problemsOf({
        'objectives/2026-q3/x.md': objective({ parent: '2026-q3/y' }),
        'objectives/2026-q3/y.md': objective({ parent: '2026-q3/x' }),
      }),
    ).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/x.md: parent: objective parents form a cycle: 2026-q3/x -> 2026-q3/y -> 2026-q3/x (an objective cannot be its own ancestor)",
      ]
    `);
  });

  test('reports a parent in another period', () => {
    expect(problemsOf({ 'objectives/2026-q3/support.md': objective({ parent: '2026-q2/company' }) })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: parent: "2026-q2/company" is in period 2026-Q2, but this objective is in 2026-Q3 (an objective aligns to one of the same period)",
      ]
    `);
  });

  test.each([
    ['the same period', '2026-q3/company'],
    ['a later period', '2026-q4/next'],
  ])('reports continues that names an objective of %s', (_, continues) => {
    const problems = problemsOf({
      'objectives/2026-q4/next.md': objective({ period: '2026-Q4' }),
      'objectives/2026-q3/support.md': objective({ continues }),
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/objectives\/2026-q3\/support\.md: continues: ".+" is in period 2026-Q[34], not before 2026-Q3/);
  });

  test('reports every problem of a file at once', () => {
    expect(problemsOf({ 'objectives/2026-q3/support.md': objective({ team: 'x', parent: 'y', key_results: [{ ...kr, kpi: 'z' }] }) })).toHaveLength(3);
  });
});

describe('findCycles', () => {
  test.each<[string, [string, string | undefined][], string[][]]>([
    ['no cycle in a tree', [['a', undefined], ['b', 'a'], ['c', 'a'], ['d', 'c']], []],
    ['a self-loop', [['a', 'a']], [['a']]],
    ['a cycle of two', [['b', 'a'], ['a', 'b']], [['a', 'b']]],
    ['a cycle of three, starting at its smallest id', [['c', 'b'], ['b', 'a'], ['a', 'c']], [['a', 'c', 'b']]],
    ['a branch that leads into a cycle counts the cycle once', [['a', 'b'], ['b', 'a'], ['x', 'a'], ['y', 'x']], [['a', 'b']]],
    ['two separate cycles', [['a', 'b'], ['b', 'a'], ['m', 'n'], ['n', 'o'], ['o', 'm'], ['z', undefined]], [['a', 'b'], ['m', 'n', 'o']]],
    ['a parent that does not exist ends the chain', [['a', 'missing']], []],
  ])('%s', (_, entries, cycles) => {
    expect(findCycles(new Map(entries))).toEqual(cycles);
  });
});

describe('checkReferences: parent names a key result', () => {
  test('accepts a key result that the parent has', () => {
    expect(problemsOf({ 'objectives/2026-q3/support.md': objective({ parent: '2026-q3/company#tickets' }) })).toEqual([]);
  });

  test('reports a key result that the parent lacks, at parent, with did-you-mean', () => {
    expect(problemsOf({ 'objectives/2026-q3/support.md': objective({ parent: '2026-q3/company#tickts' }) })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: parent: "2026-q3/company" has no key result "tickts" (expected one of: tickets) Did you mean "tickets"?",
      ]
    `);
  });

  test('a missing parent objective is reported once, as a dangling objective', () => {
    expect(problemsOf({ 'objectives/2026-q3/support.md': objective({ parent: '2026-q3/nothing#tickets' }) })).toHaveLength(1);
  });
});
