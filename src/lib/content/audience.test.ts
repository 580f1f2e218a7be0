import { describe, expect, test } from 'vitest';
import { contentSet } from '../../../test/support/content-files.ts';
import { canSee, filterByAudience, type Audience } from './audience.ts';
import type { ContentSet } from './content-set.ts';
import type { Visibility } from './schema/common.ts';

describe('canSee', () => {
  test.each<[Audience, Visibility, boolean]>([
    ['public', 'public', true],
    ['public', 'internal', false],
    ['public', 'private', false],
    ['internal', 'public', true],
    ['internal', 'internal', true],
    ['internal', 'private', false],
    ['private', 'public', true],
    ['private', 'internal', true],
    ['private', 'private', true],
  ])('audience %s sees %s entries: %s', (audience, visibility, expected) => {
    expect(canSee(audience, visibility)).toBe(expected);
  });
});

const kr = { id: 'tickets', title: 'Tickets from 1.5 to 0.5', start: 1.5, target: 0.5 };
const pub = { visibility: 'public' };
const internal = { visibility: 'internal' };

/** Every entry is public except those named `hidden*`, which are internal. */
const CONTENT = contentSet({
  'portal.yaml': { default_visibility: 'private' },
  'teams/acme.md': { name: 'Acme', ...pub, lead: 'hidden-lead' },
  'teams/hidden-team.md': { name: 'Skunkworks', ...internal, parent: 'acme' },
  'teams/support.md': { name: 'Support', ...pub, parent: 'hidden-team', lead: 'ana' },
  'people/ana.md': { name: 'Ana', ...pub, team: 'hidden-team' },
  'people/hidden-lead.md': { name: 'Secret Lead', ...internal, team: 'acme' },
  'kpis/hidden-kpi.md': { title: 'Burn rate', ...internal, team: 'hidden-team', owner: 'hidden-lead' },
  'kpis/nps.md': { title: 'NPS', ...pub, team: 'hidden-team', owner: 'hidden-lead' },
  'objectives/2026-q2/hidden-old.md': { title: 'Old', period: '2026-Q2', team: 'acme', ...internal, key_results: [kr] },
  'objectives/2026-q3/hidden-parent.md': { title: 'Stealth', period: '2026-Q3', team: 'acme', ...internal, key_results: [kr] },
  'objectives/2026-q3/support.md': {
    title: 'Support that scales',
    period: '2026-Q3',
    ...pub,
    team: 'hidden-team',
    owner: 'hidden-lead',
    parent: `2026-q3/hidden-parent#${kr.id}`,
    continues: '2026-q2/hidden-old',
    contributors: ['acme', 'hidden-team', 'support'],
    key_results: [{ ...kr, owner: 'hidden-lead', kpi: 'hidden-kpi' }, { ...kr, id: 'nps', owner: 'ana', kpi: 'nps' }],
  },
  'objectives/2026-q3/draft.md': { title: 'Draft', period: '2026-Q3', team: 'acme', ...pub, draft: true, key_results: [kr] },
  'objectives/2026-q3/private.md': { title: 'Private', period: '2026-Q3', team: 'acme', visibility: 'private', key_results: [kr] },
  'objectives/2026-q3/default.md': { title: 'Default visibility', period: '2026-Q3', team: 'acme', key_results: [kr] },
  'retrospectives/q3.md': { title: 'Q3', period: '2026-Q3', ...pub, team: 'hidden-team' },
  'retrospectives/draft.md': { title: 'Q3 draft', period: '2026-Q3', ...pub, draft: true },
});

function idsOf(content: ContentSet): Record<string, string[]> {
  return {
    teams: content.teams.map((entry) => entry.id),
    people: content.people.map((entry) => entry.id),
    objectives: content.objectives.map((entry) => entry.id),
    kpis: content.kpis.map((entry) => entry.id),
    retrospectives: content.retrospectives.map((entry) => entry.id),
  };
}

describe('filterByAudience', () => {
  test('public keeps only public entries that are not drafts', () => {
    expect(idsOf(filterByAudience(CONTENT, 'public'))).toEqual({
      teams: ['acme', 'support'],
      people: ['ana'],
      objectives: ['2026-q3/support'],
      kpis: ['nps'],
      retrospectives: ['q3'],
    });
  });

  test('internal adds internal entries, not private ones or drafts', () => {
    expect(idsOf(filterByAudience(CONTENT, 'internal')).objectives).toEqual(['2026-q2/hidden-old', '2026-q3/hidden-parent', '2026-q3/support']);
  });

  test('private adds private entries (and the portal default) but never drafts', () => {
    const visible = idsOf(filterByAudience(CONTENT, 'private'));
    expect(visible.objectives).toEqual(['2026-q2/hidden-old', '2026-q3/default', '2026-q3/hidden-parent', '2026-q3/private', '2026-q3/support']);
    expect(visible.retrospectives).toEqual(['q3']);
  });

  describe('for the public, every reference to a hidden entry is dropped', () => {
    const visible = filterByAudience(CONTENT, 'public');
    const objective = visible.objectives[0]!.data;

    test.each([
      ['objective parent', () => objective.parent, undefined],
      ['objective parent key result', () => objective.parent_key_result, undefined],
      ['objective team', () => objective.team, undefined],
      ['objective owner', () => objective.owner, undefined],
      ['objective continues', () => objective.continues, undefined],
      ['objective contributors', () => objective.contributors, ['acme', 'support']],
      ['hidden KR kpi', () => objective.key_results[0]!.kpi, undefined],
      ['hidden KR owner', () => objective.key_results[0]!.owner, undefined],
      ['visible KR kpi', () => objective.key_results[1]!.kpi, 'nps'],
      ['visible KR owner', () => objective.key_results[1]!.owner, 'ana'],
      ['team lead', () => visible.teams.find((team) => team.id === 'acme')!.data.lead, undefined],
      ['team parent', () => visible.teams.find((team) => team.id === 'support')!.data.parent, undefined],
      ['visible team lead', () => visible.teams.find((team) => team.id === 'support')!.data.lead, 'ana'],
      ['person team', () => visible.people[0]!.data.team, undefined],
      ['KPI team', () => visible.kpis[0]!.data.team, undefined],
      ['KPI owner', () => visible.kpis[0]!.data.owner, undefined],
      ['retrospective team', () => visible.retrospectives[0]!.data.team, undefined],
    ])('%s', (_, read, expected) => {
      expect(read()).toEqual(expected);
    });

    test('no hidden id appears anywhere in what is left', () => {
      expect(JSON.stringify(visible)).not.toMatch(/hidden|Secret|Skunkworks|Stealth|Burn rate|Q3 draft|"Draft"|"Private"|Default visibility/);
    });
  });

  test('internal keeps references to internal entries', () => {
    const objective = filterByAudience(CONTENT, 'internal').objectives.find((entry) => entry.id === '2026-q3/support')!.data;
    expect(objective).toMatchObject({ team: 'hidden-team', owner: 'hidden-lead', parent: '2026-q3/hidden-parent', parent_key_result: kr.id, continues: '2026-q2/hidden-old' });
    expect(objective.key_results[0]).toMatchObject({ kpi: 'hidden-kpi', owner: 'hidden-lead' });
  });

  test('does not change the content it filters', () => {
    filterByAudience(CONTENT, 'public');
    expect(CONTENT.objectives.find((entry) => entry.id === '2026-q3/support')!.data.team).toBe('hidden-team');
  });

  test('keeps the settings', () => {
    expect(filterByAudience(CONTENT, 'public').settings).toBe(CONTENT.settings);
  });
});
