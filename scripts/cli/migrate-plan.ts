/**
 * Turns migration rows (from migrate-sheet.ts, migrate-tability.ts, migrate-asana.ts,
 * migrate-okr2go.ts) into content files: one objective file per period, team and objective
 * title, with its key results in row order; teams and people that the content folder does not
 * have yet, and that the map file does not map, are created, with a warning. An objective that
 * exists gets a check-in for each key result whose current value changed since its last
 * check-in, or the export's dated check-ins after its last one, so a newer export adds
 * check-ins and a second run of the same export writes nothing: the one mechanism of every
 * format.
 */
import { periodBounds } from '../../src/lib/calendar/period.ts';
import { compareDates } from '../../src/lib/calendar/calendar-date.ts';
import type { ContentSet } from '../../src/lib/content/content-set.ts';
import { plural } from '../../src/lib/content/problems.ts';
import { entryText, keyResultFromTitle, slugify } from './entry-templates.ts';
import { nameResolver } from './migrate-names.ts';

/** A dated value that the export keeps (Tability's check-ins). */
export interface MigrationCheckin {
  date: string;
  value: number;
  confidence?: number | undefined;
  note?: string | undefined;
}

/** One key result of the export, with its objective: what every format is read into. */
export interface MigrationRow {
  /** Where the key result is in the export, for notes: `line 4`, `outcomes[2]`. */
  origin: string;
  team: string;
  period: string;
  objective: string;
  /** The objective's description, its body (the first row of the objective that has one). */
  objectiveBody?: string | undefined;
  /** `cancelled` for an objective the other tool dropped. */
  objectiveStatus?: 'cancelled' | undefined;
  /** Title of the parent objective, of the same period. */
  parent?: string | undefined;
  keyResult: string;
  start?: number | undefined;
  target?: number | undefined;
  current?: number | undefined;
  unit?: string | undefined;
  /** Milestones (no start and target): whether it is done. */
  done?: boolean | undefined;
  /** The note of the check-in of `current`. */
  note?: string | undefined;
  /** The first owner's e-mail address or name. */
  owner?: string | undefined;
  /**
   * The export's own dated values, oldest first. When set, they are the key result's check-ins
   * and `current` is not dated on the as-of day.
   */
  checkins?: MigrationCheckin[] | undefined;
}

/** Ids that the map file gives the export's names (lower case) of teams and people. */
export interface NameMapping {
  teams: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, string>;
}

export interface MigrationPlan {
  /** New files by path below the content root. */
  changes: Map<string, string>;
  /** Check-ins to add to key results of objectives that exist. */
  checkins: CheckinAddition[];
  /** Teams and people created because neither the content folder nor the map file has them. */
  warnings: string[];
  /** What else the plan decided for the user to know: left-out parents and check-ins. */
  notes: string[];
}

/** A check-in for a key result of an existing objective. */
export interface CheckinAddition {
  /** Path of the objective below the content root. */
  path: string;
  keyResultIndex: number;
  keyResultId: string;
  checkin: MigrationCheckin;
}

interface PlannedObjective {
  path: string;
  id: string;
  title: string;
  period: string;
  team: string;
  rows: MigrationRow[];
}

type ExistingObjective = ContentSet['objectives'][number];

/**
 * The files a migration writes. `asOf` dates the check-in of each current value; before the
 * period starts, the value is written as `current` instead.
 * @example planMigration(rows, loaded.all, { asOf: '2026-11-23' }).changes.keys()
 */
export function planMigration(rows: readonly MigrationRow[], existing: ContentSet, options: { asOf: string; mapping?: NameMapping | undefined }): MigrationPlan {
  const { asOf } = options;
  const changes = new Map<string, string>();
  const warnings: string[] = [];
  const notes: string[] = [];
  // Every file a migration writes states its audience (issue 18, class 11), as okr new does:
  // the folder's default, written out, so that changing portal.yaml later changes nothing here.
  const visibility = existing.settings.default_visibility;
  const checkins: CheckinAddition[] = [];
  const { teamOf, personOf } = nameResolver(existing, options.mapping, changes, warnings);

  const objectives = new Map<string, PlannedObjective>();
  for (const row of rows) {
    const team = teamOf(row.team);
    const id = `${row.period.toLowerCase()}/${team}/${slugify(row.objective) || 'objective'}`;
    const planned = objectives.get(id) ?? { path: `objectives/${id}.md`, id, title: row.objective, period: row.period, team, rows: [] };
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
    const parentTitle = objective.rows.find((row) => row.parent !== undefined)?.parent;
    const parent = parentTitle === undefined ? undefined : byTitle.get(`${objective.period}\0${parentTitle.toLowerCase()}`);
    if (parentTitle !== undefined && parent === undefined) notes.push(`${objective.path}: parent "${parentTitle}" is no objective of ${objective.period}; left out`);
    const first = periodBounds(objective.period).first;
    const slugs = new Set<string>();
    const keyResults = objective.rows.map((row) => {
      // The id `okr new` gives the same title: the words before "from X to Y".
      const base = keyResultFromTitle(row.keyResult).id;
      let slug = base;
      for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
      slugs.add(slug);
      const owner = row.owner === undefined ? undefined : personOf(row.owner, objective.team);
      const metric = row.start !== undefined && row.target !== undefined;
      const dated = metric ? datedCheckins(row, first, asOf, `${objective.path}: ${slug}`, notes) : [];
      return {
        id: slug,
        title: row.keyResult,
        ...(metric ? { start: row.start, target: row.target, unit: row.unit } : { type: 'milestone', done: row.done || undefined }),
        owner,
        ...(dated.length > 0 ? { checkins: dated.map(withoutUndefined) } : metric && row.checkins === undefined && row.current !== undefined ? { current: row.current } : {}),
      };
    });
    const body = objective.rows.find((row) => row.objectiveBody)?.objectiveBody ?? '';
    const status = objective.rows.find((row) => row.objectiveStatus)?.objectiveStatus;
    changes.set(objective.path, entryText({ title: objective.title, period: objective.period, team: objective.team, parent, status, visibility, key_results: keyResults.map(withoutUndefined) }, body === '' ? '' : `\n${body.trim()}\n`));
  }
  return { changes, checkins, warnings, notes };
}

/**
 * The check-ins of a new key result: the export's own (those before the period starts left
 * out, with a note), or its current value dated `asOf` once the period has started.
 */
function datedCheckins(row: MigrationRow, first: string, asOf: string, where: string, notes: string[]): MigrationCheckin[] {
  if (row.checkins === undefined) {
    const started = compareDates(asOf, first) >= 0;
    return started && row.current !== undefined ? [{ date: asOf, value: row.current, note: row.note }] : [];
  }
  const early = row.checkins.filter((checkin) => compareDates(checkin.date, first) < 0);
  if (early.length > 0) notes.push(`${where}: ${plural(early.length, 'check-in')} before the period starts (${first}) left out`);
  return row.checkins.filter((checkin) => compareDates(checkin.date, first) >= 0);
}

/**
 * The check-ins that rows bring to an objective that exists, for each key result (matched by
 * title or by the id a migration gives it): the export's dated check-ins after its last one,
 * or else its current value when it differs from the last check-in.
 */
function newCheckins(objective: ExistingObjective, rows: readonly MigrationRow[], asOf: string, notes: string[]): CheckinAddition[] {
  const additions: CheckinAddition[] = [];
  const path = objective.path;
  const first = periodBounds(objective.data.period).first;
  for (const row of rows) {
    if (row.current === undefined && row.checkins === undefined) continue;
    const index = objective.data.key_results.findIndex((kr) => kr.title.toLowerCase() === row.keyResult.toLowerCase() || kr.id === keyResultFromTitle(row.keyResult).id);
    const kr = objective.data.key_results[index];
    if (!kr) {
      notes.push(`${path}: ${row.origin}: key result "${row.keyResult}" is not in the objective; add it by hand`);
      continue;
    }
    if (kr.type === 'milestone') continue;
    const last = kr.checkins.at(-1);
    const add = (checkin: MigrationCheckin): void => void additions.push({ path, keyResultIndex: index, keyResultId: kr.id, checkin: withoutUndefined({ ...checkin }) as unknown as MigrationCheckin });
    if (row.checkins !== undefined) {
      for (const checkin of row.checkins) if (compareDates(checkin.date, first) >= 0 && (last === undefined || compareDates(checkin.date, last.date) > 0)) add(checkin);
      continue;
    }
    if (last?.value === row.current || last?.date === asOf || compareDates(asOf, first) < 0) continue;
    add({ date: asOf, value: row.current!, note: row.note });
  }
  return additions;
}

function withoutUndefined(fields: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}
