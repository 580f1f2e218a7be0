import { describe, expect, test } from 'vitest';
import { i18nFor } from '../../lib/i18n/index.ts';
import { stringify } from 'yaml';
import { filterByAudience } from '../../lib/content/audience.ts';
import { loadContentSet } from '../../lib/content/load-content.ts';
import { buildPortalModel } from '../../lib/model/portal-model.ts';
import type { Portal } from '../../portal.ts';
import { portalStub } from '../../../test/support/portal-stub.ts';
import { objectiveScorePill, progressBar, scorePill, statusBadge } from './badges.ts';
import { keyResultSection } from './key-result.ts';

/** A portal under the base path /okrs/ from frontmatter objects. */
function portalOf(entries: Record<string, Record<string, unknown>>, history: Portal['history'] = new Map()): Portal {
  const files = Object.entries(entries).map(([path, data]) => ({ path, displayPath: `content/${path}`, text: `---\n${stringify(data)}---\n` }));
  const { content, problems } = loadContentSet(files);
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return portalStub(buildPortalModel(filterByAudience(content, 'public'), '2026-08-16'), { history });
}

const portal = portalOf({
  'teams/support.md': { name: 'Support', visibility: 'public' },
  'people/ada.md': { name: 'Ada <Lovelace>', team: 'support', visibility: 'public' },
  'objectives/2026-q3/fast.md': {
    title: 'Answer fast',
    period: '2026-Q3',
    team: 'support',
    visibility: 'public',
    key_results: [
      {
        id: 'time',
        title: 'Cut time from 5.5 to 3.0 <min>',
        start: 5.5,
        target: 3,
        unit: 'min',
        owner: 'ada',
        checkins: [
          { date: '2026-07-10', value: 5, confidence: 0.7, note: 'Macros <shipped>' },
          { date: '2026-08-01', value: 4.2 },
        ],
      },
      { id: 'docs', title: 'Publish the help centre', type: 'milestone', weight: 2 },
    ],
  },
});
const objective = portal.objectiveById.get('2026-q3/fast')!;

describe('keyResultSection', () => {
  const { html, chart } = keyResultSection(objective.keyResults[0]!, objective, portal);

  test('a section with its anchor, escaped title, score and progress', () => {
    expect(html.value).toMatch(/^<section class="kr card" id="kr-time" aria-labelledby="kr-time-title"><div class="kr-head"><h3 id="kr-time-title">Cut time from 5\.5 to 3\.0 &lt;min&gt;<\/h3><span class="score score-/);
    expect(html.value).toContain('<div class="progress progress-md">');
    expect(html.value.endsWith('</section>')).toBe(true);
  });

  test('facts: rule, current value with its source, owner linked under the base path', () => {
    expect(html.value).toContain('<dt>Type</dt> <dd>Decrease · 5.5 min → 3 min</dd>');
    expect(html.value).toContain('<dt>Current</dt> <dd><strong>4.2 min</strong> <span class="muted">(last check-in)</span></dd>');
    expect(html.value).toContain('<dt>Owner</dt> <dd><a href="/okrs/people/ada/">Ada &lt;Lovelace&gt;</a></dd>');
  });

  test('a chart island: the build-time SVG with its name, the legend, the JSON data block and the check-in table', () => {
    expect(chart).toBe(true);
    expect(html.value).toContain('<okr-chart class="okr-chart compact"><div class="chart-frame gutter-40"><svg class="chart-svg" role="img" aria-label="Burn-up chart of Cut time from 5.5 to 3.0 &lt;min&gt;');
    expect(html.value).toContain('<ul class="legend" aria-label="Legend"><li>');
    const json = /<script type="application\/json" data-chart-spec>(.*?)<\/script>/.exec(html.value)?.[1];
    expect(json).toBeDefined();
    expect(json).not.toContain('<');
    expect(JSON.parse(json!).kind).toBe('burn-up');
    // The SVG replaces the sparkline that stood in for the chart without JavaScript.
    expect(html.value).not.toContain('class="sparkline');
    expect(html.value).toContain('<details class="checkins"><summary>Check-in history (2)</summary>');
    expect(html.value).toContain('<td>Macros &lt;shipped&gt;</td>');
  });

  test('a milestone without check-ins: weight, no current value, no chart', () => {
    const milestone = keyResultSection(objective.keyResults[1]!, objective, portal);
    expect(milestone.html.value).toContain('<dt>Type</dt> <dd>Milestone · not done yet</dd><dt>Weight</dt> <dd>2</dd>');
    expect(milestone.html.value).not.toContain('<dt>Current</dt>');
    expect(milestone.chart).toBe(false);
    expect(milestone.html.value).not.toContain('okr-chart');
  });

  test('changes read from git, with commit links', () => {
    const withHistory = portalOf(
      {
        'teams/support.md': { name: 'Support', visibility: 'public' },
        'objectives/2026-q3/fast.md': { title: 'Answer fast', period: '2026-Q3', team: 'support', visibility: 'public', key_results: [{ id: 'time', title: 'Cut time', start: 5, target: 3 }] },
      },
      new Map([['2026-q3/fast', { published: { commit: '1234567abcdef', date: '2026-06-30' }, changes: [{ keyResultId: 'time', field: 'target', from: 4, to: 3, date: '2026-07-20', commit: 'abcdef1234567', subject: 'Raise the bar <now>' }] }]]) as Portal['history'],
    );
    const fast = withHistory.objectiveById.get('2026-q3/fast')!;
    expect(keyResultSection(fast.keyResults[0]!, fast, withHistory).html.value).toContain(
      '<div class="kr-history"><h4>Changes</h4><ul><li>published on 30 Jun 2026<span class="muted"> (commit <a href="https://git.example.org/commit/1234567abcdef">1234567</a>)</span></li><li>target changed 4 → 3 on 20 Jul 2026<span class="muted"> (commit <a href="https://git.example.org/commit/abcdef1234567">abcdef1</a>: Raise the bar &lt;now&gt;)</span></li></ul></div>',
    );
  });
});

describe('badges', () => {
  test('a score pill spells out its grade for screen readers', () => {
    expect(scorePill({ score: 0.62, grade: 'yellow', final: true }, i18nFor('en')).value).toBe(
      '<span class="score score-yellow" title="Final score 0.62 (yellow)"><span class="visually-hidden">Final score </span>0.62<span class="visually-hidden">, grade yellow</span></span>',
    );
  });

  test('a score pill without a grade (an open period) is neutral and names no grade', () => {
    expect(scorePill({ score: 0.45, grade: undefined }, i18nFor('en')).value).toBe(
      '<span class="score score-neutral"><span class="visually-hidden">Score </span>0.45</span>',
    );
  });

  test('an objective is graded by colour only once its period is closed or its score final', () => {
    const objective = { score: 0.45, grade: 'yellow' as const, finalScore: undefined, period: '2026-Q4' };
    const i18n = i18nFor('en');
    expect(objectiveScorePill(objective, { asOf: '2026-11-23', i18n }).value).toContain('score-neutral');
    expect(objectiveScorePill(objective, { asOf: '2027-01-05', i18n }).value).toContain('score-yellow');
    expect(objectiveScorePill({ ...objective, finalScore: 0.45 }, { asOf: '2026-11-23', i18n }).value).toContain('score-yellow');
  });

  test('a status badge has an icon, so status never depends on colour alone', () => {
    expect(statusBadge('at-risk', i18nFor('en')).value).toBe('<span class="badge tone-yellow" data-status="at-risk"><span aria-hidden="true">▲</span> At risk</span>');
    expect(statusBadge('mystery', i18nFor('en')).value).toContain('class="badge tone-grey"');
  });

  test('a progress bar clamps its width and labels its value', () => {
    expect(progressBar({ value: 1.4, label: 'Progress', size: 'sm' }, i18nFor('en')).value).toBe(
      '<div class="progress progress-sm"><svg class="track" aria-hidden="true" focusable="false"><rect class="fill" width="100%" height="100%"></rect></svg><span class="value"><span class="visually-hidden">Progress: </span>140%</span></div>',
    );
  });
});

describe('keyResultSection: contract v1.1', () => {
  const v11 = portalOf({
    'teams/support.md': { name: 'Support', visibility: 'public' },
    'objectives/2026-q3/ipld.md': {
      title: 'Ship the spec',
      period: '2026-Q3',
      team: 'support',
      visibility: 'public',
      key_results: [
        { id: 'spec', title: 'Spec published', type: 'graded', weight: 3, checkins: [{ date: '2026-07-20', value: 0.3, projected: 0.6 }, { date: '2026-08-10', value: 0.5, projected: 0.8, note: 'Draft out' }] },
        { id: 'uptime', title: 'Uptime', type: 'maintain', min: 99.5, max: 100, unit: '%', current: 99.9 },
      ],
    },
    'objectives/2026-q3/child.md': { title: 'Review the spec', period: '2026-Q3', team: 'support', visibility: 'public', parent: '2026-q3/ipld#spec', key_results: [{ id: 'm', title: 'Reviewed', type: 'milestone' }] },
  });
  const ipld = v11.objectiveById.get('2026-q3/ipld')!;
  const graded = keyResultSection(ipld.keyResults[0]!, ipld, v11).html.value;
  const range = keyResultSection(ipld.keyResults[1]!, ipld, v11).html.value;

  test('a graded key result shows its grade, projected grade and grade history', () => {
    expect(graded).toContain('<dd>Graded · graded 0.0–1.0 by judgement</dd>');
    expect(graded).toContain('<dt>Grade</dt> <dd><strong>0.5</strong></dd>');
    expect(graded).toContain('<dt>Projected grade</dt> <dd>0.8</dd>');
    expect(graded).toMatch(/<summary>Grade history \(2\)<\/summary>.*<td class="num" data-value="0.5">0.5<\/td><td class="num col-minor">0.8<\/td><td>Draft out<\/td>/);
    expect(graded).not.toContain('stale-note');
  });

  test('lists the objectives aligned to the key result', () => {
    expect(graded).toContain('<div class="kr-aligned"><h4>Aligned to this key result</h4><ul><li><a href="/okrs/objectives/2026-q3/child/">Review the spec</a></li></ul></div>');
    expect(range).not.toContain('kr-aligned');
  });

  test('a maintain range shows its band', () => {
    expect(range).toContain('<dd>Maintain · hold 99.5–100%</dd>');
  });

  test('a stale key result says for how long, after its score', () => {
    const stale = keyResultSection(objective.keyResults[0]!, objective, portal).html.value;
    expect(stale).toMatch(/<\/h3><span class="score [^]*?<\/span><span class="stale-note" data-stale="15"><span aria-hidden="true">◷<\/span> No update for 15 days<\/span><\/div>/);
    expect(stale).toContain('<span class="forecast"');
  });
});
