/**
 * The components that MDX retrospectives may use without importing them, by the names
 * authors write (checked before the build by src/lib/retro-components.ts).
 */
import GradeDistribution from './GradeDistribution.astro';
import KpiChange from './KpiChange.astro';
import ObjectiveEmbed from './ObjectiveEmbed.astro';
import Scorecard from './Scorecard.astro';

export const retroComponents = { Scorecard, KpiChange, Objective: ObjectiveEmbed, GradeDistribution };
