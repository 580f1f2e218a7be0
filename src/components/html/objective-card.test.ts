import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { filterByAudience } from '../../lib/content/audience.ts';
import { loadContentSet } from '../../lib/content/load-content.ts';
import { buildPortalModel } from '../../lib/model/portal-model.ts';
import { portalStub } from '../../../test/support/portal-stub.ts';
import { objectiveLine } from './objective-card.ts';

const files = {
  'portal.yaml': { default_visibility: 'public' },
  'teams/support.md': { name: 'Support' },
  'people/ada.md': { name: 'Ada <Lovelace>', team: 'support' },
  'objectives/2026-q3/fast.md': {
    title: 'Answer <fast>',
    period: '2026-Q3',
    team: 'support',
    owner: 'ada',
    key_results: [{ id: 'time', title: 'Cut time', start: 6, target: 2, current: 4 }],
  },
};
const { content, problems } = loadContentSet(Object.entries(files).map(([path, data]) => ({ path, displayPath: `content/${path}`, text: path.endsWith('.yaml') ? stringify(data) : `---\n${stringify(data)}---\n` })));
const portal = portalStub(buildPortalModel(filterByAudience(content, 'public'), '2026-08-16'));

describe('objectiveLine', () => {
  test('one line: linked title, owner, progress, score and status, names escaped, no key results', () => {
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const line = objectiveLine(portal.objectiveById.get('2026-q3/fast')!, portal).value;
    expect(line).toMatch(/^<li class="objective-line"><a class="line-title" href="\/okrs\/objectives\/2026-q3\/fast\/">Answer &lt;fast&gt;<\/a><span class="line-owner">Ada &lt;Lovelace&gt;<\/span><div class="progress progress-sm">/);
    expect(line).toContain('<span class="visually-hidden">Progress: </span>50%');
    expect(line).toMatch(/class="score score-\w+"/);
    expect(line).toMatch(/<span class="badge tone-\w+" data-status="[a-z-]+">/);
    expect(line).not.toContain('Cut time');
  });
});
