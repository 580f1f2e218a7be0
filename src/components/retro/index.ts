/**
 * The components that MDX retrospectives may use without importing them, by the names
 * authors write. The names are src/lib/content/retro-components.ts's (which checks every usage
 * before the build): `satisfies` fails the type check when a name is missing or extra.
 */
import type { RetroComponentName } from '../../lib/content/retro-components.ts';
import GradeDistribution from './GradeDistribution.astro';
import KpiChange from './KpiChange.astro';
import ObjectiveEmbed from './ObjectiveEmbed.astro';
import Scorecard from './Scorecard.astro';

export const retroComponents = { Scorecard, KpiChange, Objective: ObjectiveEmbed, GradeDistribution } satisfies Record<RetroComponentName, unknown>;
