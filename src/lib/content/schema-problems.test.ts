import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { formatProblem } from './problems.ts';
import { validateEntry } from './schema-problems.ts';
import { KpiSchema } from './schema/kpi.ts';
import { ObjectiveSchema, type ObjectiveData } from './schema/objective.ts';
import { PersonSchema } from './schema/person.ts';
import { PortalSettingsSchema } from './schema/portal-settings.ts';
import { RetrospectiveSchema } from './schema/retrospective.ts';
import { TeamSchema } from './schema/team.ts';

const FILE = 'content/objectives/2026-q3/support.md';

/** Every problem of a value as the line the build prints. */
function problemsOf(schema: z.ZodType, data: unknown): string[] {
  return validateEntry(schema, data, FILE).problems.map(formatProblem);
}

const kr = { id: 'tickets', title: 'Tickets per customer from 1.5 to 0.5', start: 1.5, target: 0.5 };
const objective = { title: 'Support that scales', period: '2026-Q3', team: 'support', key_results: [kr] };

/** An objective with one key result changed. */
function withKr(changes: Record<string, unknown>): object {
  return { ...objective, key_results: [{ ...kr, ...changes }] };
}

function parseObjective(data: object): ObjectiveData {
  const { value, problems } = validateEntry(ObjectiveSchema, data, FILE);
  expect(problems.map(formatProblem)).toEqual([]);
  return value!;
}

describe('validateEntry', () => {
  test('returns the parsed value and no problems for valid frontmatter', () => {
    const { value, problems } = validateEntry(TeamSchema, { name: 'Support', parent: 'Customer' }, FILE);
    expect(problems).toEqual([]);
    expect(value).toEqual({ name: 'Support', parent: 'customer' });
  });

  test('names the unknown field and suggests the close one', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, titel: 'x' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: titel: is not a known field (expected one of: title, period, team, owner, parent, contributors, kind, visibility, draft, score, status, continues, key_results) Did you mean "title"?",
      ]
    `);
  });

  test('suggests a field inside a key result', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ taget: 1 }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].taget: is not a known field (expected one of: id, title, type, start, target, current, done, direction, min, max, unit, weight, owner, kpi, checkins, score) Did you mean "target"?",
      ]
    `);
  });

  test('suggests a field inside a check-in', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ checkins: [{ date: '2026-07-08', value: 1, confidance: 0.5 }] }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].checkins[0].confidance: is not a known field (expected one of: date, value, confidence, projected, note) Did you mean "confidence"?",
      ]
    `);
  });

  test('lists the fields without a hint when nothing is close', () => {
    expect(problemsOf(TeamSchema, { name: 'Support', budget: 100 })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: budget: is not a known field (expected one of: name, parent, lead, visibility)",
      ]
    `);
  });

  test('reports a missing required field', () => {
    expect(problemsOf(ObjectiveSchema, { period: '2026-Q3', team: 'support', key_results: [kr] })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: title: is required (expected a string)",
      ]
    `);
  });

  test('reports every problem at once', () => {
    expect(problemsOf(ObjectiveSchema, {})).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: title: is required (expected a string)",
        "content/objectives/2026-q3/support.md: period: is required (expected a period written YYYY-Qn, such as 2026-Q3)",
        "content/objectives/2026-q3/support.md: key_results: is required (expected a list)",
        "content/objectives/2026-q3/support.md: team: is required unless owner is set",
      ]
    `);
  });

  test('reports a string where a number is expected', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ target: '0.5' }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].target: must be a number, got "0.5"",
      ]
    `);
  });

  test('does not coerce the string "false" to a boolean', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, draft: 'false' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: draft: must be a boolean, got "false"",
      ]
    `);
  });

  test('reports an empty (null) value', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, team: null })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: team: is empty (expected a string); give a value or remove the field",
      ]
    `);
  });

  test('reports a null date', () => {
    expect(problemsOf(RetrospectiveSchema, { title: 'Q3', period: '2026-Q3', date: null })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: date: is empty (expected a date written YYYY-MM-DD); give a value or remove the field",
      ]
    `);
  });

  test('reports a bad enum value with a hint', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, kind: 'comitted' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: kind: must be one of committed, aspirational, got "comitted" Did you mean "committed"?",
      ]
    `);
  });

  test('reports a bad key result type with a hint', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ type: 'decrese' }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].type: must be one of increase, decrease, maintain, milestone, graded, got "decrese" Did you mean "decrease"?",
      ]
    `);
  });

  test('reports a bad period', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, period: '2026-Q5' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: period: must be a period written YYYY-Qn, such as 2026-Q3, got "2026-Q5"",
      ]
    `);
  });

  test('reports a bad period without crashing on check-ins', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, period: '2026-Q5', key_results: [{ ...kr, checkins: [{ date: '2026-07-08', value: 1.4 }] }] }))
      .toMatchInlineSnapshot(`
        [
          "content/objectives/2026-q3/support.md: period: must be a period written YYYY-Qn, such as 2026-Q3, got "2026-Q5"",
        ]
      `);
  });

  test('reports a date that does not exist', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ checkins: [{ date: '2026-02-30', value: 1.4 }] }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].checkins[0].date: must be a real date written YYYY-MM-DD, got "2026-02-30"",
      ]
    `);
  });

  test('reports a date written as a number', () => {
    expect(problemsOf(RetrospectiveSchema, { title: 'Q3', period: '2026-Q3', date: 20260816 })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: date: must be a date written YYYY-MM-DD, got 20260816",
      ]
    `);
  });

  test('reports a key result without target', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ target: undefined }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].target: is required (or set type: milestone)",
      ]
    `);
  });

  test('reports an increase key result without start', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ type: 'increase', start: undefined, target: 10 }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].start: is required for type increase",
      ]
    `);
  });

  test('reports a key result without type and start', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ start: undefined }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].start: is required to tell increase from decrease (or set type: maintain)",
      ]
    `);
  });

  test('reports a maintain key result without target', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ type: 'maintain', start: undefined, target: undefined }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].target: is required for type maintain",
      ]
    `);
  });

  test('reports done on a key result that is not a milestone, and direction on one that is not maintain', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ done: true, direction: 'at-most' }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].done: is only for type: milestone",
        "content/objectives/2026-q3/support.md: key_results[0].direction: is only for type: maintain",
      ]
    `);
  });

  test('reports duplicate key result ids', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, key_results: [kr, { ...kr }, { ...kr, id: 'other' }] })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[1].id: "tickets" is used by another key result of this objective (ids must be unique)",
      ]
    `);
  });

  test('reports an objective without key results', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, key_results: [] })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results: needs at least 1 item",
      ]
    `);
  });

  test('reports a check-in before the period', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ checkins: [{ date: '2026-06-30', value: 1.4 }] }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].checkins[0].date: 2026-06-30 is before period 2026-Q3 starts (2026-07-01)",
      ]
    `);
  });

  test('accepts check-ins on the first day of the period and after its end', () => {
    parseObjective(withKr({ checkins: [{ date: '2026-07-01', value: 1.4 }, { date: '2026-10-05', value: 0.6 }] }));
  });

  test('reports a confidence above 1', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ checkins: [{ date: '2026-07-08', value: 1.4, confidence: 1.5 }] }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].checkins[0].confidence: must be at most 1, got 1.5",
      ]
    `);
  });

  test('reports a score below 0', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, score: -0.1 })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: score: must be at least 0, got -0.1",
      ]
    `);
  });

  test('reports a weight of 0', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ weight: 0 }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].weight: must be a number above 0, got 0",
      ]
    `);
  });

  test.each([
    ['Infinity (YAML .inf)', Infinity],
    ['-Infinity (YAML -.inf)', -Infinity],
    ['NaN (YAML .nan)', NaN],
  ])('rejects %s', (_, value) => {
    expect(problemsOf(ObjectiveSchema, withKr({ target: value }))).toEqual([`${FILE}: key_results[0].target: must be a number, got ${value}`]);
  });

  test('reports an objective with neither team nor owner', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, team: undefined })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: team: is required unless owner is set",
      ]
    `);
  });

  test('accepts an individual objective with an owner and no team', () => {
    expect(parseObjective({ ...objective, team: undefined, owner: 'maria-lopez' }).owner).toBe('maria-lopez');
  });

  test('reports an id that is not a path', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, parent: '2026-q3/../company' , team: 'Support Team' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: team: must be an id: a lower-case path such as "support" or "2026-q3/support/efficiency", got "support team"",
        "content/objectives/2026-q3/support.md: parent: must be an objective id such as "2026-q3/company/delight-customers", optionally with "#<key result id>", got "2026-q3/../company"",
      ]
    `);
  });

  test('reports a key result id that is not a slug', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ id: 'Tickets per customer' }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].id: must be a slug: lower-case letters, digits and dashes, such as "tickets-per-customer", got "Tickets per customer"",
      ]
    `);
  });

  test('reports an empty title', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, title: '  ' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: title: must not be empty, got """,
      ]
    `);
  });

  test('reports a list where a mapping is expected and a mapping where a list is expected', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, contributors: { team: 'x' }, key_results: ['tickets'] })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: contributors: must be a list, got a mapping",
        "content/objectives/2026-q3/support.md: key_results[0]: must be a mapping of fields, got "tickets"",
      ]
    `);
  });
});

describe('ObjectiveSchema defaults', () => {
  test.each([
    ['increase when target > start', { start: 0, target: 10 }, 'increase'],
    ['decrease when target < start', { start: 1.5, target: 0.5 }, 'decrease'],
    ['decrease when target = start', { start: 5, target: 5 }, 'decrease'],
    ['the written type otherwise', { type: 'increase', start: 5, target: 5 }, 'increase'],
  ])('key result type is %s', (_, fields, type) => {
    expect(parseObjective(withKr(fields)).key_results[0]!.type).toBe(type);
  });

  test('maintain direction defaults to at-least', () => {
    expect(parseObjective(withKr({ type: 'maintain', start: undefined, target: 9 })).key_results[0]!.direction).toBe('at-least');
  });

  test('maintain keeps at-most', () => {
    expect(parseObjective(withKr({ type: 'maintain', target: 9, direction: 'at-most' })).key_results[0]!.direction).toBe('at-most');
  });

  test('a milestone needs no start or target and defaults to not done', () => {
    const parsed = parseObjective(withKr({ type: 'milestone', start: undefined, target: undefined }));
    expect(parsed.key_results[0]).toMatchObject({ type: 'milestone', done: false });
  });

  test('objective defaults: committed, not a draft, no contributors, weight 1, no check-ins', () => {
    const parsed = parseObjective(objective);
    expect(parsed).toMatchObject({ kind: 'committed', draft: false, contributors: [] });
    expect(parsed.key_results[0]).toMatchObject({ weight: 1, checkins: [] });
    expect(parsed.visibility).toBeUndefined();
  });

  test('ids are trimmed and lower-cased', () => {
    expect(parseObjective({ ...objective, team: ' Support ', parent: '2026-Q3/Company' })).toMatchObject({ team: 'support', parent: '2026-q3/company' });
  });
});

describe('KpiSchema', () => {
  test('defaults: category other, higher-is-better, monthly', () => {
    expect(validateEntry(KpiSchema, { title: 'NPS' }, FILE).value).toEqual({
      title: 'NPS',
      category: 'other',
      direction: 'higher-is-better',
      cadence: 'monthly',
    });
  });

  test('reports bad enums and data points', () => {
    expect(
      problemsOf(KpiSchema, { title: 'NPS', direction: 'lower', cadence: 'daily', data: [{ date: '2026-1-1', value: '4' }, { date: '2026-02-01' }] }),
    ).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: direction: must be one of higher-is-better, lower-is-better, got "lower"",
        "content/objectives/2026-q3/support.md: cadence: must be one of weekly, monthly, quarterly, got "daily"",
        "content/objectives/2026-q3/support.md: data[0].date: must be a real date written YYYY-MM-DD, got "2026-1-1"",
        "content/objectives/2026-q3/support.md: data[0].value: must be a number, got "4"",
        "content/objectives/2026-q3/support.md: data[1].value: is required (expected a number)",
      ]
    `);
  });
});

describe('TeamSchema, PersonSchema, RetrospectiveSchema', () => {
  test('team: bad visibility', () => {
    expect(problemsOf(TeamSchema, { name: 'Support', visibility: 'secret' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: visibility: must be one of public, internal, private, got "secret"",
      ]
    `);
  });

  test('person: unknown field', () => {
    expect(problemsOf(PersonSchema, { name: 'Maria', team: 'support', title: 'Lead' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: title: is not a known field (expected one of: name, team, role, visibility)",
      ]
    `);
  });

  test('retrospective: lower-case period and a "yes" draft', () => {
    expect(problemsOf(RetrospectiveSchema, { title: 'Q3', period: '2026-q3', draft: 'yes' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: period: must be a period written YYYY-Qn, such as 2026-Q3, got "2026-q3"",
        "content/objectives/2026-q3/support.md: draft: must be a boolean, got "yes"",
      ]
    `);
  });
});

describe('PortalSettingsSchema', () => {
  test('defaults', () => {
    expect(PortalSettingsSchema.parse({})).toEqual({ name: 'OKRs', locale: 'en', default_visibility: 'internal', grading: { red_below: 0.4, green_from: 0.7 }, checkin_cadence: 'weekly' });
  });

  test('a partial grading keeps the other default', () => {
    expect(PortalSettingsSchema.parse({ grading: { green_from: 0.8 } }).grading).toEqual({ red_below: 0.4, green_from: 0.8 });
  });

  test('reports red_below above green_from, and bad values', () => {
    expect(problemsOf(PortalSettingsSchema, { grading: { red_below: 0.8, green_from: 0.6 }, default_visibility: 'everyone', current_period: '2026Q3' }))
      .toMatchInlineSnapshot(`
        [
          "content/objectives/2026-q3/support.md: current_period: must be a period written YYYY-Qn, such as 2026-Q3, got "2026Q3"",
          "content/objectives/2026-q3/support.md: default_visibility: must be one of public, internal, private, got "everyone"",
          "content/objectives/2026-q3/support.md: grading.red_below: red_below (0.8) must not be above green_from (0.6)",
        ]
      `);
  });
});

describe('contract v1.1 key result fields', () => {
  const graded = { id: 'spec', title: 'Publish the spec', type: 'graded', checkins: [{ date: '2026-08-15', value: 0.5, projected: 0.8 }] };

  test('a graded key result needs no start or target and keeps projected grades', () => {
    const parsed = parseObjective({ ...objective, key_results: [graded] });
    expect(parsed.key_results[0]).toMatchObject({ type: 'graded', checkins: [{ value: 0.5, projected: 0.8 }] });
    expect(parsed.key_results[0]!.direction).toBeUndefined();
  });

  test('a graded key result refuses a scale and grades outside 0..1', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, key_results: [{ ...graded, start: 0, target: 1, checkins: [{ date: '2026-08-15', value: 2 }] }] }))
      .toMatchInlineSnapshot(`
        [
          "content/objectives/2026-q3/support.md: key_results[0].start: is not used by type: graded (each check-in's value is the grade 0..1)",
          "content/objectives/2026-q3/support.md: key_results[0].target: is not used by type: graded (each check-in's value is the grade 0..1)",
          "content/objectives/2026-q3/support.md: key_results[0].checkins[0].value: 2 is not a grade: type: graded takes values between 0 and 1",
        ]
      `);
  });

  test('projected is only for graded key results, and is a share', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ checkins: [{ date: '2026-08-15', value: 1.2, projected: 0.5 }] }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].checkins[0].projected: is only for type: graded (the projected final grade)",
      ]
    `);
    expect(problemsOf(ObjectiveSchema, { ...objective, key_results: [{ ...graded, checkins: [{ date: '2026-08-15', value: 0.5, projected: 1.5 }] }] }))
      .toMatchInlineSnapshot(`
        [
          "content/objectives/2026-q3/support.md: key_results[0].checkins[0].projected: must be at most 1, got 1.5",
        ]
      `);
  });

  test('a maintain range needs no target and no direction', () => {
    const parsed = parseObjective(withKr({ type: 'maintain', start: undefined, target: undefined, min: 99.5, max: 100 }));
    expect(parsed.key_results[0]).toMatchObject({ type: 'maintain', min: 99.5, max: 100 });
    expect(parsed.key_results[0]!.direction).toBeUndefined();
    expect(parseObjective(withKr({ type: 'maintain', start: undefined, target: undefined, max: 200 })).key_results[0]).toMatchObject({ max: 200 });
  });

  test('a maintain range refuses target, direction, min above max, and other types', () => {
    expect(problemsOf(ObjectiveSchema, withKr({ type: 'maintain', target: 5, direction: 'at-most', min: 3, max: 2 }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].target: cannot be combined with min/max (a maintain key result holds either a target or a range)",
        "content/objectives/2026-q3/support.md: key_results[0].direction: cannot be combined with min/max (the range says which side holds)",
        "content/objectives/2026-q3/support.md: key_results[0].min: min (3) must not be above max (2)",
      ]
    `);
    expect(problemsOf(ObjectiveSchema, withKr({ min: 1 }))).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: key_results[0].min: is only for type: maintain",
      ]
    `);
  });

  test('parent may name a key result of the parent objective', () => {
    expect(parseObjective({ ...objective, parent: '2026-Q3/Company/Delight#NPS' })).toMatchObject({
      parent: '2026-q3/company/delight',
      parent_key_result: 'nps',
    });
    expect(parseObjective({ ...objective, parent: '2026-q3/company' })).toMatchObject({ parent: '2026-q3/company', parent_key_result: undefined });
  });

  test('parent refuses a malformed key result reference', () => {
    expect(problemsOf(ObjectiveSchema, { ...objective, parent: '2026-q3/company#' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: parent: must name a key result after "#" by its id, a slug such as "nps", got "2026-q3/company#"",
      ]
    `);
    expect(problemsOf(ObjectiveSchema, { ...objective, parent: '2026-q3/company#a#b' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: parent: must be an objective id such as "2026-q3/company/delight-customers", optionally with "#<key result id>", got "2026-q3/company#a#b"",
      ]
    `);
    expect(problemsOf(ObjectiveSchema, { ...objective, parent: '#nps' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: parent: must be an objective id such as "2026-q3/company/delight-customers", optionally with "#<key result id>", got "#nps"",
      ]
    `);
  });

  test('checkin_cadence defaults to weekly and refuses other words', () => {
    expect(PortalSettingsSchema.parse({}).checkin_cadence).toBe('weekly');
    expect(PortalSettingsSchema.parse({ checkin_cadence: 'biweekly' }).checkin_cadence).toBe('biweekly');
    expect(problemsOf(PortalSettingsSchema, { checkin_cadence: 'daily' })).toMatchInlineSnapshot(`
      [
        "content/objectives/2026-q3/support.md: checkin_cadence: must be one of weekly, biweekly, monthly, got "daily"",
      ]
    `);
  });
});
