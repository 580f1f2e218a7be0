/**
 * Closing a period: the final scores `okr close` writes, from the same scoring as the site,
 * rounded to two decimals. Scores set by hand are kept.
 */
import { canSee } from '../../src/lib/content/audience.ts';
import { isDraft, type ContentSet } from '../../src/lib/content/content-set.ts';
import type { Visibility } from '../../src/lib/content/schema/common.ts';
import { buildPortalModel } from '../../src/lib/model/portal-model.ts';
import { weightedProgress } from '../../src/lib/model/progress.ts';

export interface FinalScore {
  /** The final score, 0..1, two decimals. */
  score: number;
  /** Whether the file already sets it (then it is kept, not written). */
  kept: boolean;
}

export interface ObjectiveClose extends FinalScore {
  id: string;
  /** Path below the content root. */
  path: string;
  keyResults: (FinalScore & { index: number; id: string })[];
}

/**
 * Rounds a share to two decimals, the way grades are written.
 * @example roundScore(0.666) // 0.67
 */
export function roundScore(share: number): number {
  return Math.round(share * 100) / 100;
}

/**
 * The final scores of every objective (drafts excepted) and key result of a period.
 * The objective's score is the weighted mean of its key results' final scores.
 * @example planPeriodClose(content, '2026-Q3', '2026-10-02')[0].score // 0.62
 */
export function planPeriodClose(content: ContentSet, period: string, asOf: string): ObjectiveClose[] {
  const model = buildPortalModel(content, asOf);
  return content.objectives
    .filter((entry) => entry.data.period === period && !isDraft(entry))
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((entry) => {
      const objective = model.objectiveById.get(entry.id)!;
      const keyResults = objective.keyResults.map((kr, index) => {
        const manual = entry.data.key_results[index]!.score;
        return { index, id: kr.id, score: manual ?? roundScore(kr.progress), kept: manual !== undefined, weight: kr.weight };
      });
      const manual = entry.data.score;
      return {
        id: entry.id,
        path: entry.path,
        score: manual ?? roundScore(weightedProgress(keyResults)),
        kept: manual !== undefined,
        keyResults: keyResults.map(({ weight: _, ...kr }) => kr),
      };
    });
}

/**
 * The results a retrospective lists: the planned objectives (of one team, if given) that a
 * reader of the retrospective may see. A file never names an entry less visible than itself,
 * so a public retrospective scaffolded from a period with internal objectives lists only the
 * public ones.
 * @example retrospectiveResults(content, plan, { visibility: 'public' }) // [{ title: 'Grow', score: 0.7 }]
 */
export function retrospectiveResults(
  content: ContentSet,
  plan: readonly ObjectiveClose[],
  options: { visibility: Visibility; team?: string | undefined },
): { title: string; score: number }[] {
  const byId = new Map(content.objectives.map((entry) => [entry.id, entry]));
  return plan.flatMap((objective) => {
    const entry = byId.get(objective.id);
    if (!entry || !canSee(options.visibility, entry.visibility)) return [];
    if (options.team !== undefined && entry.data.team !== options.team) return [];
    return [{ title: entry.data.title, score: objective.score }];
  });
}
