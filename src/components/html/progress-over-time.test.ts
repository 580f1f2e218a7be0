import { describe, expect, test } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { progressOverTime } from './progress-over-time.ts';
import { routeUrl } from '../../lib/render/urls.ts';
import { i18nFor } from '../../lib/i18n/index.ts';
import type { Standing } from '../../lib/model/snapshots.ts';

const portal = { url: (route: Parameters<typeof routeUrl>[1]) => routeUrl('/okrs/', route), i18n: i18nFor('en') };
const objective = { id: '2026-q3/support/efficiency', title: 'Support that scales', period: '2026-Q3' };
const standing = (date: string, progress: number, status: Standing['status']): Standing => ({ date, progress, score: progress, grade: 'yellow', status, expected: 0.5 });
const STANDINGS = [standing('2026-08-09', 0.3, 'at-risk'), standing('2026-08-16', 0.2, 'off-track'), standing('2026-08-23', 0.6, 'on-track')];

describe('progressOverTime', () => {
  const section = progressOverTime(objective, STANDINGS, portal)!.value;

  test('draws a valid SVG with one marker per snapshot, shaped by status', () => {
    const svg = /<svg[\s\S]*<\/svg>/.exec(section)![0];
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg.match(/class="point tone-(\w+)"/g)).toEqual(['class="point tone-yellow"', 'class="point tone-red"', 'class="point tone-green"']);
    expect(svg).toContain('<path class="point tone-yellow"');
    expect(svg).toContain('<rect class="point tone-red"');
    expect(svg).toContain('<circle class="point tone-green"');
  });

  test('the table has the same values, newest first, each date linking to its snapshot', () => {
    const rows = [...section.matchAll(/<tr><td><a href="([^"]+)"><time datetime="([^"]+)">.*?<td class="num">(\d+%)<\/td><td class="num col-minor">(\d+%)<\/td>/g)].map((match) => match.slice(1));
    expect(rows).toEqual([
      ['/okrs/periods/2026-Q3/as-of/2026-08-23/#objective-2026-q3--support--efficiency', '2026-08-23', '60%', '50%'],
      ['/okrs/periods/2026-Q3/as-of/2026-08-16/#objective-2026-q3--support--efficiency', '2026-08-16', '20%', '50%'],
      ['/okrs/periods/2026-Q3/as-of/2026-08-09/#objective-2026-q3--support--efficiency', '2026-08-09', '30%', '50%'],
    ]);
  });

  test('nothing before the first snapshot', () => {
    expect(progressOverTime(objective, [], portal)).toBeUndefined();
  });
});
