/**
 * Turns migration rows (migrate-sheet.ts) into content files: one objective file per period,
 * team and objective title, with its key results in row order; teams and people that the
 * content folder does not have yet are created, with a note. An objective that exists gets a
 * check-in for each key result whose current value changed since its last check-in, so a
 * newer export adds check-ins and a second run of the same export writes nothing.
 */
import { periodBounds } from '../../src/lib/calendar/period.ts';
import { compareDates } from '../../src/lib/calendar/calendar-date.ts';
import type { ContentSet } from '../../src/lib/content/content-set.ts';
import { entryText, keyResultFromTitle, slugify } from './entry-templates.ts';
import type { MigrationRow } from './migrate-sheet.ts';

export interface MigrationPlan {
  /** New files by path below the content root. */
  changes: Map<string, string>;
  /** Check-ins to add to key results of objectives that exist. */
  checkins: CheckinAddition[];
  /** What the plan decided for the user to know: created teams and people, skipped objectives. */
  notes: string[];
}

/** A check-in for a key result of an existing objective. */
export interface CheckinAddition {
  /** Path of the objective below the content root. */
  path: string;
  keyResultIndex: number;
  keyResultId: string;
  checkin: { date: string; value: number };
}

interface PlannedObjective {
  path: string;
  id: string;
  title: string;
  period: string;
  team: string;
  parentTitle?: string | undefined;
  rows: MigrationRow[];
}

/**
 * The files a migration writes. `asOf` dates the check-in of each current value; before the
 * period starts, the value is written as `current` instead.
 * @example planMigration(rows, loaded.all, '2026-11-23').changes.keys()
 */
export function planMigration(rows: readonly MigrationRow[], existing: ContentSet, asOf: string): MigrationPlan {
  const changes = new Map<string, string>();
  const notes: string[] = [];
  // Every file a migration writes states its audience (issue 18, class 11), as okr new does:
  // the folder's default, written out, so that changing portal.yaml later changes nothing here.
  const visibility = existing.settings.default_visibility;
  const checkins: CheckinAddition[] = [];
  const teamIds = resolveNames(existing.teams.map((team) => ({ id: team.id, name: team.data.name })));
  const personIds = resolveNames(existing.people.map((person) => ({ id: person.id, name: person.data.name })));
  const teamOf = (name: string): string => {
    const known = teamIds.get(name.toLowerCase()) ?? teamIds.get(slugify(name));
    if (known) return known;
    const id = slugify(name) || 'team';
    teamIds.set(name.toLowerCase(), id);
    changes.set(`teams/${id}.md`, entryText({ name, visibility }, ''));
    notes.push(`new team ${id} ("${name}"): teams/${id}.md; add parent: to place it in the org chart`);
    return id;
  };
  const personOf = (owner: string, team: string): string => {
    const name = owner.includes('@') ? nameFromEmail(owner) : owner;
    const known = personIds.get(owner.toLowerCase()) ?? personIds.get(name.toLowerCase()) ?? personIds.get(slugify(name));
    if (known) return known;
    const id = slugify(name) || 'person';
    personIds.set(owner.toLowerCase(), id);
    changes.set(`people/${id}.md`, entryText({ name, team, visibility }, ''));
    notes.push(`new person ${id} ("${name}"): people/${id}.md`);
    return id;
  };

  const objectives = new Map<string, PlannedObjective>();
  for (const row of rows) {
    const team = teamOf(row.team);
    const id = `${row.period.toLowerCase()}/${team}/${slugify(row.objective) || 'objective'}`;
    const planned = objectives.get(id) ?? { path: `objectives/${id}.md`, id, title: row.objective, period: row.period, team, parentTitle: row.parent, rows: [] };
    planned.rows.push(row);
    objectives.set(id, planned);
  }
  const byTitle = new Map<string, string>();
  for (const objective of existing.objectives) byTitle.set(`${objective.data.period}\0${objective.data.title.toLowerCase()}`, objective.id);
  for (const objective of objectives.values()) byTitle.set(`${objective.period}\0${objective.title.toLowerCase()}`, objective.id);

  for (const objective of objectives.values()) {
    const known = existing.objectives.find((entry) => entry.id === objective.id);
    if (known) {
      checkins.push(...newCheckins(known, objective.rows, asOf, notes));
      continue;
    }
    const parent = objective.parentTitle === undefined ? undefined : byTitle.get(`${objective.period}\0${objective.parentTitle.toLowerCase()}`);
    if (objective.parentTitle !== undefined && parent === undefined) notes.push(`${objective.path}: parent "${objective.parentTitle}" is no objective of ${objective.period}; left out`);
    const checkinDate = compareDates(asOf, periodBounds(objective.period).first) >= 0 ? asOf : undefined;
    const slugs = new Set<string>();
    const keyResults = objective.rows.map((row) => {
      // The id `okr new` gives the same title: the words before "from X to Y".
      const base = keyResultFromTitle(row.keyResult).id;
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      const owner = row.owner === undefined ? undefined : personOf(row.owner, objective.team);
      const metric = row.start !== undefined && row.target !== undefined;
      return {
        id: slug,
        title: row.keyResult,
        ...(metric ? { start: row.start, target: row.target, unit: row.unit } : { type: 'milestone' }),
        owner,
        ...(metric && row.current !== undefined ? (checkinDate ? { checkins: [{ date: checkinDate, value: row.current }] } : { current: row.current }) : {}),
      };
    });
    changes.set(objective.path, entryText({ title: objective.title, period: objective.period, team: objective.team, parent, visibility, key_results: keyResults.map(withoutUndefined) }, ''));
  }
  return { changes, checkins, notes };
}

/**
 * The check-ins that rows bring to an objective that exists: one per key result (matched by
 * title or by the id a migration gives it) whose current value differs from its last check-in.
 */
function newCheckins(objective: ContentSet['objectives'][number], rows: readonly MigrationRow[], asOf: string, notes: string[]): CheckinAddition[] {
  const additions: CheckinAddition[] = [];
  const path = objective.path;
  for (const row of rows) {
    if (row.current === undefined) continue;
    const index = objective.data.key_results.findIndex((kr) => kr.title.toLowerCase() === row.keyResult.toLowerCase() || kr.id === keyResultFromTitle(row.keyResult).id);
    const kr = objective.data.key_results[index];
    if (!kr) {
      notes.push(`${path}: line ${row.line}: key result "${row.keyResult}" is not in the objective; add it by hand`);
      continue;
    }
    const last = kr.checkins.at(-1);
    if (last?.value === row.current || last?.date === asOf || compareDates(asOf, periodBounds(objective.data.period).first) < 0) continue;
    additions.push({ path, keyResultIndex: index, keyResultId: kr.id, checkin: { date: asOf, value: row.current } });
  }
  return additions;
}

function withoutUndefined(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Ids by lower-case id and lower-case name. */
function resolveNames(entries: readonly { id: string; name: string }[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { id, name } of entries) {
    ids.set(id, id);
    ids.set(name.toLowerCase(), id);
  }
  return ids;
}

/** "maria.lopez@acme.example" gives "Maria Lopez". */
function nameFromEmail(email: string): string {
  return email
    .slice(0, email.indexOf('@'))
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
