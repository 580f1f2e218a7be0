/**
 * Reads a content folder (already in memory) into a validated ContentSet, collecting every
 * problem in one pass: the build and `okr check` both run this.
 */
import { parseFrontmatter, parseYamlMapping } from './frontmatter.ts';
import { parseKpiCsv } from './kpi-csv.ts';
import { quoteValue, type ContentProblem } from './problems.ts';
import { validateEntry } from './schema-problems.ts';
import { COLLECTIONS, type CollectionName, type ContentEntry, type ContentFile, type ContentSet } from './content-set.ts';
import { KpiSchema } from './schema/kpi.ts';
import { ObjectiveSchema } from './schema/objective.ts';
import { PersonSchema } from './schema/person.ts';
import { PortalSettingsSchema, type PortalSettings } from './schema/portal-settings.ts';
import { RetrospectiveSchema } from './schema/retrospective.ts';
import { TeamSchema } from './schema/team.ts';
import { ID_RE } from './schema/common.ts';
import { checkBodyLimits, MAX_ID_BYTES, MAX_ID_SEGMENT_BYTES, MAX_LOGO_BYTES } from './content-limits.ts';
import type { z } from 'zod';

const SCHEMAS = {
  teams: TeamSchema,
  people: PersonSchema,
  objectives: ObjectiveSchema,
  kpis: KpiSchema,
  retrospectives: RetrospectiveSchema,
} as const;

const ENTRY_FILE_RE = /\.(md|mdx)$/i;
const SETTINGS_FILE = 'portal.yaml';

/**
 * The id of an entry: its path below the collection folder, without extension, lower case.
 * @example entryId('objectives/2026-Q3/Support/efficiency.md') // '2026-q3/support/efficiency'
 */
export function entryId(path: string): string {
  return path.slice(path.indexOf('/') + 1).replace(/\.[^./]+$/, '').toLowerCase();
}

/**
 * Where the entry of a file parsed and validated in an earlier build may come from
 * (src/loader/result-cache.ts): `material` holds everything the entry and its problems are
 * made from, so an equal material gives an equal result.
 */
export type EntryMemo = <T>(material: string, compute: () => T) => T;

/**
 * Validates every file of a content folder; never throws. With `memo`, the entry of each
 * file (and its problems) is asked of it first.
 * @example const { content, problems } = loadContentSet(files)
 */
export function loadContentSet(files: readonly ContentFile[], memo?: EntryMemo): { content: ContentSet; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const settingsFile = files.find((file) => file.path === SETTINGS_FILE);
  const settings = loadSettings(settingsFile, problems);
  // An entry is made from its file and the settings (default_visibility), nothing else.
  const settingsMaterial = JSON.stringify(settings);
  const entryOf = (collection: CollectionName, id: string, file: ContentFile, format: 'md' | 'mdx'): { entry: ContentEntry<unknown> | undefined; problems: ContentProblem[] } => {
    const make = () => {
      const found: ContentProblem[] = [];
      return { entry: loadEntry(collection, id, file, format, settings, found), problems: found };
    };
    return memo ? memo(JSON.stringify([collection, id, format, file.path, file.displayPath, settingsMaterial, file.text]), make) : make();
  };
  const logo = settings.branding?.logo;
  const content: ContentSet = { settings, teams: [], people: [], objectives: [], kpis: [], retrospectives: [] };
  const sidecars = new Map<string, ContentFile>();
  const seenIds = new Map<string, string>();
  /** Every KPI file, valid or not, so that the sidecar of a broken KPI is not called an orphan. */
  const kpiFiles = new Set<string>();

  for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    if (file.path === SETTINGS_FILE || file.path === logo) continue;
    const collection = file.path.split('/')[0] as CollectionName;
    const inCollection = COLLECTIONS.includes(collection) && file.path.includes('/');
    if (inCollection && collection === 'kpis' && /\.csv$/i.test(file.path)) {
      sidecars.set(file.path.replace(/\.csv$/i, '').toLowerCase(), file);
      continue;
    }
    if (!inCollection || !ENTRY_FILE_RE.test(file.path)) {
      problems.push(ignoredFile(file, inCollection ? collection : undefined));
      continue;
    }
    const format = file.path.toLowerCase().endsWith('.mdx') ? 'mdx' : 'md';
    if (format === 'mdx' && collection !== 'retrospectives') {
      problems.push({ file: file.displayPath, field: '', severity: 'error', code: 'mdx-not-allowed', message: `MDX is only allowed in retrospectives/; rename it to .md` });
      continue;
    }
    const id = entryId(file.path);
    if (!ID_RE.test(id)) {
      // Ids become URLs, HTML attributes and search records: only safe characters.
      problems.push({ file: file.displayPath, field: '', severity: 'error', code: 'invalid-id', message: `gives the id ${quoteValue(id)}, which is not a valid id; rename it with lower-case letters, digits, dots, dashes and underscores, such as ${quoteValue(suggestId(id))}` });
      continue;
    }
    const tooLong = idLengthProblem(id);
    if (tooLong) {
      problems.push({ file: file.displayPath, field: 'id', severity: 'error', code: 'id-too-long', message: tooLong });
      continue;
    }
    const duplicate = seenIds.get(`${collection}:${id}`);
    if (duplicate) {
      problems.push({ file: file.displayPath, field: '', severity: 'error', code: 'duplicate-id', message: `has the same id ${quoteValue(id)} as ${duplicate} (ids are paths without extension, in lower case)` });
      continue;
    }
    seenIds.set(`${collection}:${id}`, file.displayPath);
    if (collection === 'kpis') kpiFiles.add(file.path.replace(/\.md$/i, '').toLowerCase());
    const { entry, problems: entryProblems } = entryOf(collection, id, file, format);
    problems.push(...entryProblems);
    if (entry) (content[collection] as ContentEntry<unknown>[]).push(entry);
  }
  attachSidecars(content, sidecars, kpiFiles, problems);
  const logoFile = logo === undefined ? undefined : files.find((file) => file.path === logo);
  if (logo !== undefined && settingsFile && !logoFile) {
    problems.push({ file: settingsFile.displayPath, field: 'branding.logo', severity: 'error', code: 'missing-logo', message: `"${logo}" is not a file in the content folder; put the logo there or correct the path` });
  }
  if (logoFile?.size !== undefined && logoFile.size > MAX_LOGO_BYTES) {
    problems.push({ file: logoFile.displayPath, field: 'branding.logo', severity: 'error', code: 'logo-too-large', message: `is ${logoFile.size} bytes, more than the limit of ${MAX_LOGO_BYTES} bytes (1 MB) for a logo; use a smaller image` });
  }
  return { content, problems };
}

function loadSettings(file: ContentFile | undefined, problems: ContentProblem[]): PortalSettings {
  const defaults = PortalSettingsSchema.parse({});
  if (!file) return defaults;
  const parsed = parseYamlMapping(file.text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), 0);
  for (const issue of parsed.issues) problems.push({ file: file.displayPath, field: '', severity: 'error', ...issue });
  if (!parsed.data) return defaults;
  const { value, problems: schemaProblems } = validateEntry(PortalSettingsSchema, parsed.data, file.displayPath, parsed.locate);
  problems.push(...schemaProblems);
  return value ?? defaults;
}

function loadEntry(
  collection: CollectionName,
  id: string,
  file: ContentFile,
  format: 'md' | 'mdx',
  settings: PortalSettings,
  problems: ContentProblem[],
): ContentEntry<unknown> | undefined {
  const parsed = parseFrontmatter(file.text);
  for (const issue of parsed.issues) problems.push({ file: file.displayPath, field: '', severity: 'error', ...issue });
  if (!parsed.data) return undefined;
  // A body the renderers cannot take is reported here, so that `okr check` fails on it first;
  // the entry is kept without it, so that references to it still resolve.
  const bodyProblems = checkBodyLimits(parsed.body, { file: file.displayPath, bodyLine: parsed.bodyLine });
  problems.push(...bodyProblems);
  const body = bodyProblems.length > 0 ? '' : parsed.body;
  const schema: z.ZodType = SCHEMAS[collection];
  const { value, problems: schemaProblems } = validateEntry(schema, parsed.data, file.displayPath, parsed.locate);
  problems.push(...schemaProblems);
  if (value === undefined) return undefined;
  const data = value as { visibility?: ContentEntry<unknown>['visibility'] };
  return {
    id,
    file: file.displayPath,
    path: file.path,
    data: value,
    visibility: data.visibility ?? settings.default_visibility,
    body,
    format,
  };
}

function attachSidecars(
  content: ContentSet,
  sidecars: Map<string, ContentFile>,
  kpiFiles: ReadonlySet<string>,
  problems: ContentProblem[],
): void {
  const kpisByPath = new Map(content.kpis.map((kpi) => [kpi.path.replace(/\.mdx?$/i, '').toLowerCase(), kpi]));
  for (const [key, csv] of sidecars) {
    const kpi = kpisByPath.get(key);
    if (!kpi) {
      if (!kpiFiles.has(key)) {
        problems.push({ file: csv.displayPath, field: '', severity: 'error', code: 'orphan-csv', message: `has no KPI file beside it (expected ${csv.path.replace(/\.csv$/i, '.md')})` });
      }
      continue;
    }
    const { points, problems: csvProblems } = parseKpiCsv(csv.text, csv.displayPath);
    problems.push(...csvProblems);
    if (kpi.data.data !== undefined) {
      problems.push({ file: kpi.file, field: 'data', severity: 'error', code: 'data-and-csv', message: `is set, and ${csv.displayPath} exists too; keep the data in one of them` });
      continue;
    }
    kpi.data = { ...kpi.data, data: points };
  }
}

/**
 * Why an id is too long for the files the build names after it, or undefined. Ids are ASCII
 * (ID_RE), so characters are bytes.
 */
function idLengthProblem(id: string): string | undefined {
  const segment = id.split('/').find((part) => part.length > MAX_ID_SEGMENT_BYTES);
  if (segment !== undefined) {
    return `has the path segment "${segment.slice(0, 20)}…" of ${segment.length} bytes; a segment names a file (with .svg or .csv appended) and may have at most ${MAX_ID_SEGMENT_BYTES} bytes: rename the file or folder`;
  }
  if (id.length > MAX_ID_BYTES) return `is ${id.length} bytes long; an id may have at most ${MAX_ID_BYTES} bytes: use shorter folder and file names`;
  return undefined;
}

/** A safe id for a bad file name: `Customer Support!` -> `customer-support`. */
function suggestId(id: string): string {
  return id
    .split('/')
    .map((segment) => segment.replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|-+$/g, '') || 'x')
    .join('/');
}

function ignoredFile(file: ContentFile, collection: CollectionName | undefined): ContentProblem {
  const expected = collection
    ? collection === 'retrospectives'
      ? 'a .md or .mdx file'
      : collection === 'kpis'
        ? 'a .md file or a .csv sidecar'
        : 'a .md file'
    : `a file inside ${COLLECTIONS.map((name) => `${name}/`).join(', ')} or portal.yaml`;
  return {
    file: file.displayPath,
    field: '',
    severity: 'warning',
    code: 'ignored-file',
    message: `is not part of the portal and is ignored (expected ${expected})`,
  };
}
