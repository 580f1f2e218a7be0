/**
 * Builds the basic fixture under a base path and checks computed values in the JSON export
 * and the HTML, and that broken content fails the build with file:field messages.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, type BuiltSite } from '../support/build-site.ts';
import { buildOnce } from '../support/shared-build.ts';

interface ExportedObjective {
  id: string;
  progress: number;
  score: number;
  grade: string;
  status: string;
  team: string | null;
  owner: string | null;
  parent: string | null;
  url: string;
  key_results: { id: string; current: number | null; progress: number; score: number; type: string }[];
}

describe('basic fixture under /okrs/', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildOnce('test/fixtures/basic', { PORTAL_AS_OF: '2026-08-16', PORTAL_BASE: '/okrs', PORTAL_SITE: 'https://example.org' });
  });

  test('exports each objective with the contract formulas', () => {
    const objectives = site.json<ExportedObjective[]>('api/v1/objectives.json');
    const byId = Object.fromEntries(objectives.map((objective) => [objective.id, objective]));
    expect(Object.keys(byId)).toEqual(['2026-q3/ada-talks', '2026-q3/company', '2026-q3/onboarding', '2026-q3/support-efficiency']);
    expect(byId['2026-q3/company']).toMatchObject({ progress: 1, score: 1, grade: 'green', status: 'on-track', team: 'company', parent: null });
    // The maintain KR takes the linked KPI's latest value in the period (9.3 on 2026-08-01).
    expect(byId['2026-q3/company']!.key_results[0]).toMatchObject({ id: 'csat', type: 'maintain', current: 9.3, progress: 1 });
    // Decrease KRs: (1.0 - 1.5) / (0.5 - 1.5) = 0.5 and (4.25 - 5.5) / (3 - 5.5) = 0.5.
    expect(byId['2026-q3/support-efficiency']).toMatchObject({ progress: 0.5, grade: 'yellow', status: 'on-track', parent: '2026-q3/company' });
    expect(byId['2026-q3/support-efficiency']!.key_results.map((kr) => kr.type)).toEqual(['decrease', 'decrease']);
    // No check-ins: current is the start, progress 0, behind the 50 % elapsed share.
    expect(byId['2026-q3/onboarding']).toMatchObject({ progress: 0, grade: 'red', status: 'off-track' });
    expect(byId['2026-q3/onboarding']!.key_results[0]!.current).toBe(5);
    expect(byId['2026-q3/ada-talks']!.progress).toBeCloseTo(2 / 3, 10);
    expect(byId['2026-q3/ada-talks']).toMatchObject({ team: null, owner: 'ada', status: 'on-track' });
    expect(byId['2026-q3/company']!.url).toBe('/okrs/objectives/2026-q3/company/');
  });

  test('exports KPIs and teams', () => {
    const kpis = site.json<{ id: string; status: string; latest: unknown; data: unknown[]; url: string }[]>('api/v1/kpis.json');
    expect(kpis).toHaveLength(1);
    expect(kpis[0]).toMatchObject({ id: 'support/csat', status: 'healthy', latest: { date: '2026-08-01', value: 9.3 }, url: '/okrs/kpis/support/csat/' });
    expect(kpis[0]!.data).toHaveLength(3);
    const teams = site.json<unknown[]>('api/v1/teams.json');
    expect(teams).toEqual([
      { id: 'company', name: 'Fixture Inc', parent: null, lead: 'ada', url: '/okrs/teams/company/' },
      { id: 'support', name: 'Support', parent: 'company', lead: null, url: '/okrs/teams/support/' },
    ]);
  });

  test('leaves out entries the public may not see', () => {
    expect(site.exists('objectives/2026-q3/secret/index.html')).toBe(false);
    expect(site.read('api/v1/objectives.json')).not.toContain('restructuring');
  });

  test('renders the objective page with key results, check-ins and links under the base path', () => {
    const html = site.read('objectives/2026-q3/support-efficiency/index.html');
    expect(html).toContain('Tickets per customer from 1.5 to 0.5');
    expect(html).toContain('Macros shipped');
    expect(html).toContain('href="/okrs/objectives/2026-q3/company/"');
    expect(html).toContain('href="/okrs/teams/support/"');
    expect(html).not.toMatch(/href="\/(?!okrs\/)/);
  });

  test('makes every page kind reachable by links from the home page', () => {
    const home = site.read('index.html');
    for (const href of ['/okrs/periods/2026-Q3/', '/okrs/alignment/2026-Q3/', '/okrs/teams/', '/okrs/kpis/', '/okrs/objectives/2026-q3/company/', '/okrs/teams/support/', '/okrs/kpis/support/csat/', '/okrs/people/']) {
      expect(home).toContain(`href="${href}"`);
    }
    expect(site.read('people/index.html')).toContain('href="/okrs/people/ada/"');
    expect(site.exists('404.html')).toBe(true);
  });

  test('builds the alignment tree with the not-aligned section and team subtrees', () => {
    const tree = site.read('alignment/2026-Q3/index.html');
    const order = ['Delight our customers', 'Make support effortless', 'Speak about support at three conferences', 'Not aligned', 'Onboard new customers in a day'];
    const positions = order.map((text) => tree.indexOf(text));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The individual objective is nested inside the support objective's list.
    expect(tree).toMatch(/id="objective-2026-q3--support-efficiency"[\s\S]*<details open[\s\S]*id="objective-2026-q3--ada-talks"/);
    const subtree = site.read('alignment/2026-Q3/support/index.html');
    expect(subtree).toContain('Make support effortless');
    expect(subtree).toMatch(/class="node context"[^>]*>|id="objective-2026-q3--company" class="node context"/);
    expect(subtree).not.toContain('Speak about support at three conferences');
  });
});

describe('broken content', () => {
  test('fails the build through Astro (no process.exit) and reports every problem as file:line:col: field: message, without a stack trace', () => {
    const site = buildSite('test/fixtures/broken');
    expect(site.status).toBe(1);
    const problems = site.output.split('\n').filter((line) => line.includes('[ERROR] [okr-portal:content-check] test/fixtures/broken/'));
    expect(problems).toHaveLength(13);
    expect(problems[0]).toMatch(/\[okr-portal:content-check\] test\/fixtures\/broken\/kpis\/revenue\.md:3:12: direction: must be one of higher-is-better, lower-is-better, got "up"$/);
    expect(site.output.split('\n')).toContain('[AstroUserError] The content has 13 errors; nothing was built.');
    for (const expected of [
      'test/fixtures/broken/portal.yaml:2:21: default_visibility: must be one of public, internal, private, got "publik" Did you mean "public"?',
      'test/fixtures/broken/objectives/one.md:3:9: period: must be a period written YYYY-Qn, such as 2026-Q3, got "2026-Q5"',
      'test/fixtures/broken/objectives/one.md:5:8: titel: is not a known field',
      'test/fixtures/broken/objectives/one.md:10:13: key_results[0].target: must be a number, got "two"',
      'test/fixtures/broken/objectives/one.md:11:9: key_results[1].id: "x" is used by another key result',
      'test/fixtures/broken/objectives/one.md:14:11: key_results[1].done: must be a boolean, got "false"',
      'test/fixtures/broken/objectives/two.md: team: is required unless owner is set',
      'test/fixtures/broken/objectives/two.md:11:16: key_results[0].checkins[0].date: must be a real date written YYYY-MM-DD, got "2026-02-30"',
      'test/fixtures/broken/objectives/three.md:1:1: does not start with frontmatter',
      'test/fixtures/broken/kpis/revenue.md:3:12: direction: must be one of higher-is-better, lower-is-better, got "up"',
      'test/fixtures/broken/kpis/revenue.md:5:31: data[0].value: must be a number, got Infinity',
      'test/fixtures/broken/teams/a.md: parent: team parents form a cycle: a -> b -> a',
      'test/fixtures/broken/teams/b.md: lead: "nobody" is not a person',
    ]) {
      expect(site.output).toContain(expected);
    }
    expect(site.output).not.toMatch(/^\s+at |Stack trace:/m);
  });

  // A bad build input (PORTAL_AS_OF, PORTAL_SHARD, ...) stops the build with the variable
  // named: all of them in one failing build, in trust-inputs.test.ts.
});
