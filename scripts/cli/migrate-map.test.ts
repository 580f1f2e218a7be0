import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadContentSet } from '../../src/lib/content/load-content.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { checkMapIds, parseMigrationMap } from './migrate-map.ts';
import { parseSheet } from './migrate-sheet.ts';

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/migrate');
const MAP = readFileSync(join(FIXTURES, 'okr-map.yaml'), 'utf8');

function mapOf(text: string) {
  const { map, problems } = parseMigrationMap(text, 'okr-map.yaml');
  expect(problems.map(formatProblem)).toEqual([]);
  return map!;
}

describe('parseMigrationMap', () => {
  test('maps columns (any case), teams and people by lower-case name', () => {
    const map = mapOf(MAP);
    expect(map.columns.get('squad')).toEqual({ header: 'Squad', field: 'team' });
    expect(map.columns.get('notes')).toEqual({ header: 'Notes', field: 'ignore' });
    expect(map.teams.get('platform crew')).toBe('support');
    expect(map.people.get('grace.kim@acme.example')).toBe('ada');
  });

  test('reads JSON as well', () => {
    expect(mapOf('{"columns": {"Squad": "team"}}').columns.get('squad')?.field).toBe('team');
  });

  test('names an unknown field, an unknown target field and a bad id by line and key', () => {
    const { map, problems } = parseMigrationMap('columns:\n  Squad: tean\nteam:\n  A: b\npeople:\n  Grace: "Grace Kim!"\n', 'okr-map.yaml');
    expect(map).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'okr-map.yaml:2:10: columns.Squad: must be one of team, period, objective, parent, key_result, start, target, current, unit, owner, ignore, got "tean" Did you mean "team"?',
      'okr-map.yaml:6:10: people.Grace: must be an id: a lower-case path such as "support" or "2026-q3/support/efficiency", got "grace kim!"',
      'okr-map.yaml:4:3: team: is not a known field (expected one of: columns, teams, people) Did you mean "teams"?',
    ]);
  });
});

describe('parseSheet with a map', () => {
  const csv = readFileSync(join(FIXTURES, 'custom-headers.csv'), 'utf8');

  test('reads the columns the map names, ignores those it maps to ignore', () => {
    const { rows, problems } = parseSheet(csv, 'custom-headers.csv', { period: '2026-Q4', map: mapOf(MAP) });
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ team: 'Platform Crew', objective: 'Make deploys boring', keyResult: 'Deploys per week from 5 to 20', start: 5, target: 20, current: 9, owner: 'grace.kim@acme.example' });
  });

  test('a mapped column that the sheet lacks is one problem at the map file', () => {
    const map = mapOf('columns:\n  Squad: team\n  Initiatve: objective\n  Measure: key_result\n');
    const problems = parseSheet('Squad,Initiative,Measure\nA,B,C\n', 'okrs.csv', { period: '2026-Q4', map }).problems.map(formatProblem);
    expect(problems).toEqual([
      'okr-map.yaml:3:14: columns.Initiatve: is not a column of okrs.csv (its columns: Squad, Initiative, Measure) Did you mean "Initiative"?',
      'okrs.csv:1:2: Initiative: is not a column okr migrate knows (see docs/cli.md, okr migrate; --map names other columns)',
      'okrs.csv:1:1: header: has no objective column',
    ]);
  });
});

describe('checkMapIds', () => {
  test('names the team and person ids that the content folder lacks', () => {
    const { content } = loadContentSet([
      { path: 'teams/support.md', displayPath: 'content/teams/support.md', text: '---\nname: Support\n---\n' },
      { path: 'people/ada.md', displayPath: 'content/people/ada.md', text: '---\nname: Ada\n---\n' },
    ]);
    const map = mapOf('teams:\n  Platform Crew: suport\npeople:\n  grace: ada\n  Ben: ben\n');
    expect(checkMapIds(map, content).map(formatProblem)).toEqual([
      'okr-map.yaml:2:18: teams.Platform Crew: "suport" is not a team of the content folder (map names to ids that exist; leave the name out to create it) Did you mean "support"?',
      'okr-map.yaml:5:8: people.Ben: "ben" is not a person of the content folder (map names to ids that exist; leave the name out to create it)',
    ]);
  });
});
