import { describe, expect, test } from 'vitest';
import { contentFiles, type ContentSpec } from '../../../test/support/content-files.ts';
import { loadContentSet } from './load-content.ts';
import { lintHiddenTitles, mentionsHidden } from './hidden-titles.ts';

const ORG: ContentSpec = {
  'portal.yaml': { default_visibility: 'public' },
  'kpis/hidden.md': { title: 'Project Nightingale', visibility: 'internal' },
  'kpis/short.md': { title: 'Q3 goals', visibility: 'internal' },
  'kpis/tiny.md': { title: 'Q3 plan', visibility: 'internal' },
  'kpis/word.md': { title: 'Onboarding', visibility: 'internal' },
  'kpis/twin.md': { title: 'Shared Title', visibility: 'internal' },
  'kpis/twin-public.md': { title: 'Shared Title', visibility: 'public' },
  'kpis/quoted.md': { title: '"Blue Ocean" plan', visibility: 'internal' },
};

function quoted(body: string): string[] {
  const files = [...contentFiles(ORG), { path: 'kpis/open.md', displayPath: 'content/kpis/open.md', text: `---\ntitle: Open\nvisibility: public\n---\n${body}\n` }];
  return lintHiddenTitles(loadContentSet(files).content).map((problem) => problem.message.match(/^quotes "(.+)", the/)![1]!);
}

describe('lintHiddenTitles', () => {
  test.each([
    ['the exact title', 'As in Project Nightingale.', ['Project Nightingale']],
    ['another case', 'As in project nightingale.', []],
    ['a title that continues a word', 'See Project Nightingales.', []],
    ['a title inside a longer word', 'xProject Nightingale', []],
    ['two words, eight characters', 'Our Q3 goals.', ['Q3 goals']],
    ['under eight characters', 'Our Q3 plan.', []],
    ['a single word', 'Onboarding matters.', []],
    ['a title that a public entry also has', 'The Shared Title.', []],
    ['a title that starts with a quote mark', 'The "Blue Ocean" plan is on.', ['"Blue Ocean" plan']],
    ['each title once', 'Project Nightingale and Project Nightingale.', ['Project Nightingale']],
  ])('%s: %j', (_, body, titles) => {
    expect(quoted(body)).toEqual(titles);
  });
});

describe('mentionsHidden (commit subjects)', () => {
  const content = loadContentSet([
    ...contentFiles(ORG),
    ...contentFiles({ 'objectives/2026-q3/nightingale-plan.md': { title: 'Secret', period: '2026-Q3', owner: 'someone', visibility: 'private', key_results: [{ id: 'a', title: 'A', start: 0, target: 1 }] } }),
  ]).content;
  test.each([
    ['a hidden title', 'public', 'Raise target before Project Nightingale', true],
    ['a hidden id as a token', 'public', 'Move 2026-q3/nightingale-plan to Q4', true],
    ['a hidden id inside a longer token', 'public', 'see 2026-q3/nightingale-plans', false],
    ['a title that a visible entry also has', 'public', 'Update the Shared Title', false],
    ['nothing hidden', 'public', 'Raise the target to 50', false],
    ['a title the audience may see', 'internal', 'Raise target before Project Nightingale', false],
    ['a private id for the internal audience', 'internal', 'Drop 2026-q3/nightingale-plan', true],
    ['anything for the private audience', 'private', 'Drop 2026-q3/nightingale-plan, see Project Nightingale', false],
  ] as const)('%s (%s): %j is %s', (_, audience, subject, expected) => {
    expect(mentionsHidden(content, audience)(subject)).toBe(expected);
  });
});
