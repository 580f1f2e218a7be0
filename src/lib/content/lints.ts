/**
 * Methodology warnings: things that build fine but make weaker OKRs.
 */
import { isDraft, type ContentSet } from './content-set.ts';
import { lintHiddenTitles } from './hidden-titles.ts';
import { quoteValue, type ContentProblem } from './problems.ts';

/** More key results than this dilutes an objective. */
export const MAX_KEY_RESULTS = 5;
/** More objectives than this per team and period dilutes focus. */
export const MAX_OBJECTIVES_PER_TEAM = 5;
const HAS_NUMBER_RE = /\d/;

/**
 * Warnings for a content set; they never fail the build.
 * @example lintContent(content).map(formatProblem)
 */
export function lintContent(content: ContentSet): ContentProblem[] {
  const warnings: ContentProblem[] = [];
  const warn = (file: string, field: string, code: string, message: string): void => {
    warnings.push({ file, field, severity: 'warning', code, message });
  };
  const perTeam = new Map<string, string[]>();
  for (const objective of content.objectives) {
    const { data, file } = objective;
    if (data.key_results.length > MAX_KEY_RESULTS) {
      warn(file, 'key_results', 'too-many-key-results', `has ${data.key_results.length} key results; ${MAX_KEY_RESULTS} or fewer keep an objective focused`);
    }
    data.key_results.forEach((kr, index) => {
      if (kr.type !== 'milestone' && kr.type !== 'graded' && !HAS_NUMBER_RE.test(kr.title)) {
        warn(file, `key_results[${index}].title`, 'unmeasurable-title', `${quoteValue(kr.title)} has no number; say "from X to Y" so readers see the target`);
      }
    });
    if (data.team !== undefined && !isDraft(objective)) {
      const key = `${data.team} ${data.period}`;
      perTeam.set(key, [...(perTeam.get(key) ?? []), file]);
    }
  }
  for (const [key, files] of perTeam) {
    if (files.length <= MAX_OBJECTIVES_PER_TEAM) continue;
    const [team, period] = key.split(' ');
    warn(files[files.length - 1]!, 'team', 'too-many-objectives', `team ${quoteValue(team)} has ${files.length} objectives in ${period}; ${MAX_OBJECTIVES_PER_TEAM} or fewer keep a team focused`);
  }
  for (const kpi of content.kpis) {
    const seen = new Set<string>();
    for (const point of kpi.data.data ?? []) {
      if (seen.has(point.date)) warn(kpi.file, 'data', 'duplicate-date', `has two values for ${point.date}; the later one is used`);
      seen.add(point.date);
    }
  }
  warnings.push(...lintHiddenTitles(content));
  return warnings;
}
