/**
 * The map file of `okr migrate --map <file>` (YAML, or JSON, which is YAML too): spreadsheet
 * headers that are not among the synonyms of SHEET_COLUMNS, and the export's names of teams
 * and people that the content folder knows by other ids. Read with the loader's YAML parser
 * and validated by a zod schema, so a problem names the map file, its line and the key.
 */
import { z } from 'zod';
import type { ContentSet } from '../../src/lib/content/content-set.ts';
import { parseYamlMapping } from '../../src/lib/content/frontmatter.ts';
import { formatFieldPath, quoteValue, type ContentProblem } from '../../src/lib/content/problems.ts';
import { IdSchema } from '../../src/lib/content/schema/common.ts';
import { validateEntry } from '../../src/lib/content/schema-problems.ts';
import { didYouMean } from '../../src/lib/content/suggest.ts';
import type { NameMapping } from './migrate-plan.ts';
import { SHEET_COLUMNS, type SheetColumn } from './migrate-sheet.ts';

/** What a mapped column may mean: a field of SHEET_COLUMNS, or `ignore` to leave it out. */
export const MAP_COLUMN_FIELDS = [...(Object.keys(SHEET_COLUMNS) as SheetColumn[]), 'ignore'] as const;
export type MappedColumn = (typeof MAP_COLUMN_FIELDS)[number];

/** `okr migrate --map <file>`. */
export const MigrationMapSchema = z.strictObject({
  /** Spreadsheet headers, as the export spells them (any case), and the field each holds, or `ignore`. */
  columns: z.record(z.string(), z.enum(MAP_COLUMN_FIELDS)).optional(),
  /** The export's team names and the id of the team each is in the content folder. */
  teams: z.record(z.string(), IdSchema).optional(),
  /** The export's owner names or e-mail addresses and the id of the person each is. */
  people: z.record(z.string(), IdSchema).optional(),
});

export interface MigrationMap extends NameMapping {
  file: string;
  /** Lower-case header to its field, with the header as the map file spells it. */
  columns: ReadonlyMap<string, { header: string; field: MappedColumn }>;
  /** The names of `teams` and `people` as the map file spells them, by lower-case name. */
  spelling: Record<'teams' | 'people', ReadonlyMap<string, string>>;
  /** A problem at a key of the map file, with its line when known. */
  problemAt(path: readonly string[], message: string, hint?: string): ContentProblem;
}

/**
 * Reads a map file; every problem names the file, the line and the key.
 * @example parseMigrationMap('columns:\n  Squad: team\n', 'okr-map.yaml').map?.columns.get('squad') // { header: 'Squad', field: 'team' }
 */
export function parseMigrationMap(text: string, file: string): { map?: MigrationMap; problems: ContentProblem[] } {
  const parsed = parseYamlMapping(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), 0);
  if (!parsed.data) return { problems: parsed.issues.map((issue) => ({ file, field: '', severity: 'error', ...issue })) };
  const { value, problems } = validateEntry(MigrationMapSchema, parsed.data, file, parsed.locate);
  if (!value) return { problems };
  const spellings = (record: Record<string, string> | undefined): Map<string, string> => new Map(Object.keys(record ?? {}).map((name) => [name.toLowerCase(), name]));
  const lowerKeys = (record: Record<string, string> | undefined): Map<string, string> => new Map(Object.entries(record ?? {}).map(([name, id]) => [name.toLowerCase(), id]));
  return {
    problems: [],
    map: {
      file,
      columns: new Map(Object.entries(value.columns ?? {}).map(([header, field]) => [header.toLowerCase().replace(/\s+/g, ' ').trim(), { header, field }])),
      teams: lowerKeys(value.teams),
      people: lowerKeys(value.people),
      spelling: { teams: spellings(value.teams), people: spellings(value.people) },
      problemAt: (path, message, hint) => ({ file, ...parsed.locate(path), field: formatFieldPath(path), message, hint, severity: 'error', code: 'migrate-map' }),
    },
  };
}

/**
 * The map file's team and person ids that the content folder lacks: the map names entries that
 * exist (a new one is what `okr migrate` creates without a map).
 * @example checkMapIds(map, loaded.all) // [{ field: 'teams.Squad Rocket', message: '"enginering" is not a team ...' }]
 */
export function checkMapIds(map: MigrationMap, content: ContentSet): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const check = (section: 'teams' | 'people', ids: readonly string[], noun: string): void => {
    const known = new Set(ids);
    for (const [name, id] of map[section]) {
      if (known.has(id)) continue;
      problems.push(map.problemAt([section, originalKey(map, section, name)], `${quoteValue(id)} is not ${noun} of the content folder (map names to ids that exist; leave the name out to create it)`, didYouMean(id, ids)));
    }
  };
  check('teams', content.teams.map((team) => team.id), 'a team');
  check('people', content.people.map((person) => person.id), 'a person');
  return problems;
}

/** The key as the map file spells it, for positions (names are kept in lower case). */
function originalKey(map: MigrationMap, section: 'teams' | 'people', lower: string): string {
  return map.spelling[section].get(lower) ?? lower;
}
