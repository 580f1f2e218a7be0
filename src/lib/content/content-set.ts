/**
 * The validated content of a portal, before audience filtering and scoring.
 */
import type { Visibility } from './schema/common.ts';
import type { KpiData } from './schema/kpi.ts';
import type { ObjectiveData } from './schema/objective.ts';
import type { PersonData } from './schema/person.ts';
import type { PortalSettings } from './schema/portal-settings.ts';
import type { RetrospectiveData } from './schema/retrospective.ts';
import type { TeamData } from './schema/team.ts';

export const COLLECTIONS = ['teams', 'people', 'objectives', 'kpis', 'retrospectives'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** A file of the content folder, as read from disk. */
export interface ContentFile {
  /** Path below the content root with `/` separators, e.g. `objectives/2026-Q3/support.md`. */
  path: string;
  /** Path to show in messages, e.g. `content/objectives/2026-Q3/support.md`. */
  displayPath: string;
  text: string;
  /**
   * Size in bytes of a file that is listed but not read as text (images: the branding logo,
   * which the build copies, so its size is checked before the build like every other limit).
   */
  size?: number;
}

/** One validated entry of a collection. */
export interface ContentEntry<T> {
  id: string;
  /** Display path, for messages. */
  file: string;
  /** Path below the content root. */
  path: string;
  data: T;
  /** Visibility with the portal default applied. */
  visibility: Visibility;
  /** Markdown (or MDX) body. */
  body: string;
  format: 'md' | 'mdx';
}

export interface ContentSet {
  settings: PortalSettings;
  teams: ContentEntry<TeamData>[];
  people: ContentEntry<PersonData>[];
  objectives: ContentEntry<ObjectiveData>[];
  kpis: ContentEntry<KpiData>[];
  retrospectives: ContentEntry<RetrospectiveData>[];
}

/**
 * Whether an entry is a draft (drafts are never built).
 * @example isDraft({ data: { draft: true } }) // true
 */
export function isDraft(entry: { data: object }): boolean {
  return 'draft' in entry.data && entry.data.draft === true;
}
