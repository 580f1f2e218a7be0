/**
 * `okr new objective|kpi|team|person|retrospective`: writes a valid file from a template at
 * the right path. Missing flags are asked for in a terminal; elsewhere they are usage errors.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { AUDIENCES, canSee } from '../../src/lib/content/audience.ts';
import { planPeriodClose, retrospectiveResults } from '../cli/close-period.ts';
import { entryText, keyResultFromTitle, retrospectiveText, slugify } from '../cli/entry-templates.ts';
import { periodLabel, periodOf } from '../../src/lib/calendar/period.ts';
import { withoutHiddenNames } from '../../src/lib/content/hidden-names.ts';
import { ID_RE, type Visibility } from '../../src/lib/content/schema/common.ts';
import { parseDateOption, parseNumberArgument, parsePeriodArgument } from '../cli/arguments.ts';
import { displayPathOf, editContent, validateChanges, writeChanges } from '../cli/content-writes.ts';
import { resolveContentOptions, withContentOptions, type CommandContext, type ContentOptions, type RunAction } from '../cli/context.ts';
import { UsageError } from '../cli/errors.ts';
import { ask, askList, type Question } from '../cli/terminal.ts';

interface NewOptions extends ContentOptions {
  [flag: string]: string | string[] | boolean | undefined;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/**
 * Registers `okr new` and its five kinds.
 * @example registerNew(program, run)
 */
export function registerNew(program: Command, run: RunAction): void {
  const command = program.command('new').description('create an objective, KPI, team, person or retrospective from a template');
  const kind = (name: string, description: string): Command =>
    withContentOptions(command.command(name).description(description))
      .option('--id <id>', 'id = path below the collection folder (default: derived from the title or name)')
      .option('--visibility <visibility>', 'public, internal or private (default: from portal.yaml)');

  kind('objective', 'a new objective with its key results')
    .option('--title <title>', 'what you want to achieve')
    .option('--period <period>', 'YYYY-Qn (default: the current period)')
    .option('--team <team-id>', 'the team that owns it')
    .option('--owner <person-id>', 'the person who owns it (an individual objective)')
    .option('--parent <objective-id>', 'the objective it aligns to')
    .option('--kind <kind>', 'committed or aspirational')
    .option('--kr <title>', 'a key result, "... from X to Y [unit]" (repeat for more; other titles become milestones)', collect)
    .option('--draft', 'mark it as a draft (never published)')
    .action((options: NewOptions) => run(() => newObjective(options)));

  kind('kpi', 'a new KPI')
    .option('--title <title>', 'what is measured')
    .option('--team <team-id>', 'the team that watches it')
    .option('--owner <person-id>', 'the person who owns it')
    .option('--category <category>', 'financial, customer, operational, people, marketing, product or other')
    .option('--unit <unit>', 'e.g. %, EUR, min')
    .option('--direction <direction>', 'higher-is-better or lower-is-better')
    .option('--target <number>', 'the healthy level')
    .option('--threshold <number>', 'the critical level')
    .option('--cadence <cadence>', 'weekly, monthly or quarterly')
    .option('--csv', 'keep the values in a sidecar CSV (date,value,note) beside the file')
    .action((options: NewOptions) => run(() => newKpi(options)));

  kind('team', 'a new team, department or company unit')
    .option('--name <name>', 'display name')
    .option('--parent <team-id>', 'the unit it belongs to')
    .option('--lead <person-id>', 'its lead')
    .action((options: NewOptions) => run(() => newSimple('teams', options, { name: options.name, parent: options.parent, lead: options.lead })));

  kind('person', 'a new person')
    .option('--name <name>', 'full name')
    .option('--team <team-id>', 'their team')
    .option('--role <role>', 'job title')
    .action((options: NewOptions) => run(() => newSimple('people', options, { name: options.name, team: options.team, role: options.role })));

  kind('retrospective', 'a new retrospective, with the period\'s scores filled in')
    .option('--period <period>', 'YYYY-Qn, the period it looks back on')
    .option('--team <team-id>', 'the team (default: company-wide)')
    .option('--title <title>', 'title (default: "Qn YYYY retrospective")')
    .option('--date <date>', 'publication date (default: the as-of date)')
    .option('--draft', 'mark it as a draft (never published)')
    .action((options: NewOptions) => run(() => newRetrospective(options)));
}

async function newObjective(options: NewOptions): Promise<number> {
  const questions: Question[] = [];
  if (!str(options.title)) questions.push({ flag: '--title', prompt: 'Objective title' });
  if (!str(options.team) && !str(options.owner)) questions.push({ flag: '--team (or --owner)', prompt: 'Team id' });
  const needKrs = !Array.isArray(options.kr) || options.kr.length === 0;
  if (needKrs && !process.stdin.isTTY) questions.push({ flag: '--kr', prompt: '' });
  const answers = await ask(questions);
  const title = str(options.title) ?? answers.shift()!;
  const team = str(options.team) ?? (str(options.owner) ? undefined : answers.shift());
  const krTitles = needKrs ? await askList('Key result ("... from X to Y")') : (options.kr as string[]);
  if (krTitles.length === 0) throw new UsageError('an objective needs at least one key result (--kr "... from X to Y")');
  const keyResults = krTitles.map(keyResultFromTitle);
  keyResults.forEach((kr, index) => {
    if (keyResults.findIndex((other) => other.id === kr.id) !== index) kr.id = `${kr.id}-${index + 1}`;
  });
  return editContent(options, (ctx) => {
    const period = options.period === undefined ? (ctx.loaded.all.settings.current_period ?? periodOf(ctx.asOf)) : parsePeriodArgument(str(options.period)!, '--period');
    const visibility = visibilityOf(ctx, options);
    const id = idOption(options) ?? proposeId(ctx, `${period.toLowerCase()}/${team ?? str(options.owner)}/${slugify(title)}`, visibility);
    const fields = { title, period, team, owner: str(options.owner), parent: str(options.parent), kind: str(options.kind), visibility, draft: options.draft ? true : undefined, key_results: keyResults };
    const body = '<!-- Why this objective matters now, in two or three sentences for readers outside the team. -->\n';
    const created = create(ctx, `objectives/${id}.md`, entryText(fields, body));
    const milestones = keyResults.filter((kr) => kr.type === 'milestone').map((kr) => kr.id);
    if (milestones.length > 0) process.stderr.write(`okr: note: ${milestones.join(', ')} had no "from X to Y" in the title, so ${milestones.length === 1 ? 'it is a milestone' : 'they are milestones'}; edit the file to set start and target if they are measurable\n`);
    process.stdout.write(`created ${created}\nNext: okr checkin ${id} ${keyResults[0]!.id} <value>\n`);
    return 0;
  });
}

async function newKpi(options: NewOptions): Promise<number> {
  const [asked] = await ask(str(options.title) ? [] : [{ flag: '--title', prompt: 'KPI title' }]);
  const title = str(options.title) ?? asked!;
  const team = str(options.team);
  const number = (flag: string): number | undefined => (str(options[flag]) === undefined ? undefined : parseNumberArgument(`--${flag}`, str(options[flag])!));
  const target = number('target');
  const threshold = number('threshold');
  return editContent(options, (ctx) => {
    const visibility = visibilityOf(ctx, options);
    const id = idOption(options) ?? proposeId(ctx, team ? `${team}/${slugify(title)}` : slugify(title), visibility);
    const fields = {
      title,
      team,
      owner: str(options.owner),
      category: str(options.category),
      unit: str(options.unit),
      direction: str(options.direction),
      target,
      threshold,
      cadence: str(options.cadence),
      visibility,
    };
    const body = '<!-- What is measured, how, and why it matters. -->\n';
    const extra = options.csv ? new Map([[`kpis/${id}.csv`, 'date,value,note\n']]) : undefined;
    const created = create(ctx, `kpis/${id}.md`, entryText(fields, body), extra);
    process.stdout.write(`created ${created}\nNext: okr kpi add ${id} <value>\n`);
    return 0;
  });
}

async function newSimple(collection: 'teams' | 'people', options: NewOptions, fields: Record<string, unknown>): Promise<number> {
  const [asked] = await ask(str(options.name) ? [] : [{ flag: '--name', prompt: collection === 'teams' ? 'Team name' : 'Full name' }]);
  const name = str(options.name) ?? asked!;
  return editContent(options, (ctx) => {
    const visibility = visibilityOf(ctx, options);
    const id = idOption(options) ?? proposeId(ctx, slugify(name), visibility);
    const created = create(ctx, `${collection}/${id}.md`, entryText({ ...mapStrings(fields), name, visibility }, collection === 'teams' ? '<!-- What this team does. -->\n' : ''));
    process.stdout.write(`created ${created}\n`);
    return 0;
  });
}

async function newRetrospective(options: NewOptions): Promise<number> {
  const [asked] = await ask(str(options.period) ? [] : [{ flag: '--period', prompt: 'Period (YYYY-Qn)', defaultValue: periodOf(resolveContentOptions(options).asOf) }]);
  const period = parsePeriodArgument(str(options.period) ?? asked!, '--period');
  const team = str(options.team);
  return editContent(options, (ctx) => {
    const visibility = visibilityOf(ctx, options);
    const id = idOption(options) ?? proposeId(ctx, `${period.toLowerCase()}/${team ?? 'company'}`, visibility);
    const results = retrospectiveResults(ctx.loaded.all, planPeriodClose(ctx.loaded.all, period, ctx.asOf), { visibility, team });
    // The title names the team only when the retrospective's readers may see it.
    const teamEntry = team === undefined ? undefined : ctx.loaded.all.teams.find((entry) => entry.id === team);
    const teamName = teamEntry && canSee(visibility, teamEntry.visibility) ? teamEntry.data.name : undefined;
    const title = str(options.title) ?? (teamName ? `${periodLabel(period)} retrospective: ${teamName}` : undefined);
    const text = retrospectiveText({ period, date: parseDateOption(str(options.date), ctx.asOf), results, title, team, visibility, draft: options.draft === true });
    process.stdout.write(`created ${create(ctx, `retrospectives/${id}.md`, text)}\n`);
    return 0;
  });
}

/** Validates and writes a new file (and its companions); refuses to overwrite. */
function create(ctx: CommandContext, path: string, text: string, extra?: Map<string, string>): string {
  const changes = new Map([[path, text], ...(extra ?? [])]);
  for (const target of changes.keys()) {
    if (existsSync(ctx.absolute(target)) || ctx.loaded.files.some((file) => file.path.toLowerCase() === target.toLowerCase())) {
      throw new UsageError(`${displayPathOf(ctx.loaded, target)} already exists; choose another --id`);
    }
  }
  validateChanges(ctx.loaded, changes);
  writeChanges(ctx.loaded, changes);
  return [...changes.keys()].map((target) => displayPathOf(ctx.loaded, target)).join(', ');
}

/**
 * The visibility a new file states: --visibility, else the folder's default, written out so
 * that the file says who reads it and the scaffold can leave out what they may not see.
 */
function visibilityOf(ctx: CommandContext, options: NewOptions): Visibility {
  const given = str(options.visibility);
  if (given === undefined) return ctx.loaded.all.settings.default_visibility;
  if (!(AUDIENCES as readonly string[]).includes(given)) throw new UsageError(`--visibility must be public, internal or private, got "${given}"`);
  return given as Visibility;
}

/**
 * A default id without the names of teams and people that the new file's readers may not see
 * (hidden-names.ts); an id that would be left empty stays, and validation then explains it.
 */
function proposeId(ctx: CommandContext, id: string, visibility: Visibility): string {
  return withoutHiddenNames(id, ctx.loaded.all, visibility) ?? id;
}

function idOption(options: NewOptions): string | undefined {
  const id = str(options.id)?.toLowerCase().replace(/\.mdx?$/, '');
  if (id !== undefined && !ID_RE.test(id)) throw new UsageError(`--id must be a lower-case path such as "support" or "2026-q3/support/efficiency", got "${options.id}"`);
  return id;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function mapStrings(fields: Record<string, unknown>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, str(value)]));
}
