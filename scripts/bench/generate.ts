/**
 * A synthetic organisation in the content format, for the benchmark: one company, 7
 * departments and 42 teams (50 units with parent links), 5 people per team, N objectives
 * spread over the four quarters of 2026 (company -> department -> team -> individual
 * alignment), each with 3 key results and 6 check-ins, and KPIs with two years of weekly
 * values in CSV sidecars. Deterministic: the same options write the same files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OrganisationOptions {
  objectives: number;
  kpis: number;
}

export interface OrganisationSummary {
  objectives: number;
  keyResults: number;
  checkins: number;
  kpis: number;
  kpiValues: number;
  teams: number;
  people: number;
  /**
   * Content-relative path of one team-level objective of the last period (the current one at
   * the bench's as-of date, where check-ins happen), for the rebuild-after-edit check.
   */
  sampleObjective: string;
  /** Content-relative path of one KPI's CSV series, for the rebuild-after-a-KPI-value check. */
  sampleKpiSeries: string;
}

const DEPARTMENTS = 7;
const TEAMS_PER_DEPARTMENT = 6;
const PEOPLE_PER_TEAM = 5;
const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] as const;
const PERIOD_START: Record<string, string> = { '2026-Q1': '2026-01-05', '2026-Q2': '2026-04-06', '2026-Q3': '2026-07-06', '2026-Q4': '2026-10-05' };
const TEAM_OBJECTIVES_PER_PERIOD = 5;
const CATEGORIES = ['financial', 'customer', 'operational', 'people', 'marketing', 'product'] as const;
const WEEKS_OF_KPI_DATA = 104;
const KPI_DATA_START = '2024-11-25';

/**
 * Writes the organisation below `root` and returns what it wrote.
 * @example generateOrganisation('/tmp/bench/content', { objectives: 1000, kpis: 50 }).keyResults // 3000
 */
export function generateOrganisation(root: string, options: OrganisationOptions): OrganisationSummary {
  const random = seededRandom(options.objectives * 31 + options.kpis);
  const write = (path: string, text: string): void => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('portal.yaml', 'name: Benchmark OKRs\norganization: Benchmark Corp\ndefault_visibility: public\n');

  const departments = range(DEPARTMENTS).map((d) => `dept-${d + 1}`);
  const teams = departments.flatMap((dept, d) => range(TEAMS_PER_DEPARTMENT).map((t) => ({ id: `team-${d + 1}-${t + 1}`, dept })));
  const people = teams.flatMap((team) => range(PEOPLE_PER_TEAM).map((p) => ({ id: `${team.id}-person-${p + 1}`, team: team.id })));
  write('teams/acme.md', '---\nname: Benchmark Corp\nlead: team-1-1-person-1\n---\nThe company.\n');
  for (const [d, dept] of departments.entries()) write(`teams/${dept}.md`, `---\nname: Department ${d + 1}\nparent: acme\n---\n`);
  for (const team of teams) write(`teams/${team.id}.md`, `---\nname: Team ${team.id.slice(5)}\nparent: ${team.dept}\nlead: ${team.id}-person-1\n---\nBuilds things.\n`);
  for (const person of people) write(`people/${person.id}.md`, `---\nname: Person ${person.id}\nteam: ${person.team}\nrole: Engineer\n---\n`);

  const kpiIds = range(options.kpis).map((k) => `${CATEGORIES[k % CATEGORIES.length]}/kpi-${k + 1}`);
  let kpiValues = 0;
  for (const [k, id] of kpiIds.entries()) {
    const team = teams[k % teams.length]!;
    const higher = k % 3 !== 0;
    write(`kpis/${id}.md`, [
      '---', `title: KPI ${k + 1}`, `team: ${team.id}`, `owner: ${team.id}-person-2`, `category: ${CATEGORIES[k % CATEGORIES.length]}`,
      'unit: "%"', `direction: ${higher ? 'higher-is-better' : 'lower-is-better'}`, `target: ${higher ? 80 : 20}`, `threshold: ${higher ? 60 : 40}`,
      'cadence: weekly', '---', `How KPI ${k + 1} is measured.`, '',
    ].join('\n'));
    const rows = range(WEEKS_OF_KPI_DATA).map((w) => `${addDays(KPI_DATA_START, w * 7)},${(50 + 30 * Math.sin(w / 9 + k) + random() * 10).toFixed(1)}`);
    kpiValues += rows.length;
    write(`kpis/${id}.csv`, `date,value\n${rows.join('\n')}\n`);
  }

  // Objectives per period: 3 company, 3 per department, up to 5 per team, the rest individual.
  const perPeriod = distribute(options.objectives, PERIODS.length);
  let written = 0;
  let sampleObjective = '';
  for (const [p, period] of PERIODS.entries()) {
    const slug = period.toLowerCase();
    const budget = perPeriod[p]!;
    const ids: string[] = [];
    const objective = (file: string, owner: { team?: string; owner?: string }, parent: string | undefined): boolean => {
      if (ids.length >= budget) return false;
      const n = written + 1;
      ids.push(file);
      write(`objectives/${file}.md`, objectiveFile({ n, period, owner, parent, random, kpi: n % 10 === 0 ? kpiIds[n % Math.max(1, kpiIds.length)] : undefined }));
      written += 1;
      return true;
    };
    const company = range(3).map((i) => `${slug}/acme/objective-${i + 1}`);
    for (const id of company) objective(id, { team: 'acme' }, undefined);
    const departmentObjectives = new Map<string, string[]>();
    for (const dept of departments) {
      const own = range(3).map((i) => `${slug}/${dept}/objective-${i + 1}`);
      departmentObjectives.set(dept, own);
      own.forEach((id, i) => objective(id, { team: dept }, company[i % company.length]));
    }
    const teamObjectives: string[] = [];
    for (let i = 0; i < TEAM_OBJECTIVES_PER_PERIOD; i += 1) {
      for (const team of teams) {
        const id = `${slug}/${team.id}/objective-${i + 1}`;
        const parents = departmentObjectives.get(team.dept)!;
        if (objective(id, { team: team.id }, parents[i % parents.length])) teamObjectives.push(id);
      }
    }
    // A team-level objective if there is one (small N may stop at department level).
    sampleObjective = `objectives/${teamObjectives[0] ?? ids[0]}.md`;
    for (let i = 0; ids.length < budget; i += 1) {
      const person = people[i % people.length]!;
      const parent = teamObjectives.find((id) => id.includes(`/${person.team}/`)) ?? teamObjectives[0];
      objective(`${slug}/${person.id}/objective-${Math.floor(i / people.length) + 1}`, { owner: person.id }, parent);
    }
  }
  return {
    objectives: written,
    keyResults: written * 3,
    checkins: written * 18,
    kpis: kpiIds.length,
    kpiValues,
    teams: 1 + departments.length + teams.length,
    people: people.length,
    sampleObjective,
    sampleKpiSeries: `kpis/${kpiIds[0]}.csv`,
  };
}

function objectiveFile(input: {
  n: number;
  period: string;
  owner: { team?: string; owner?: string };
  parent: string | undefined;
  random: () => number;
  kpi: string | undefined;
}): string {
  const { n, period, owner, parent, random, kpi } = input;
  const start = PERIOD_START[period]!;
  const checkins = (from: number, to: number): string[] =>
    range(6).map((i) => {
      const value = (from + ((to - from) * (i + 1) * (0.5 + random() * 0.6)) / 6).toFixed(1);
      const note = i === 5 ? `, note: "Update ${n}: on plan"` : '';
      return `      - {date: ${addDays(start, i * 9)}, value: ${value}, confidence: ${(0.5 + random() * 0.4).toFixed(2)}${note}}`;
    });
  const keyResult = (id: string, lines: string[], checkinLines: string[]): string[] => [`  - id: ${id}`, ...lines.map((l) => `    ${l}`), '    checkins:', ...checkinLines];
  const maintain = n % 2 === 0;
  return [
    '---',
    `title: Objective ${n} for ${period}, make the product ${n % 7 === 0 ? 'faster' : 'better'} for customers`,
    `period: ${period}`,
    ...(owner.team ? [`team: ${owner.team}`] : []),
    ...(owner.owner ? [`owner: ${owner.owner}`] : []),
    ...(parent ? [`parent: ${parent}`] : []),
    `kind: ${n % 4 === 0 ? 'aspirational' : 'committed'}`,
    'key_results:',
    ...keyResult('grow', ['title: Raise weekly active users from 100 to 500', 'start: 100', 'target: 500', 'unit: users', ...(kpi ? [`kpi: ${kpi}`] : [])], checkins(100, 500)),
    ...keyResult('cut', ['title: Cut response time from 8 to 4 min', 'start: 8', 'target: 4', 'unit: min', 'weight: 2'], checkins(8, 4)),
    ...keyResult(maintain ? 'hold' : 'ship',
      maintain ? ['title: Keep uptime at or above 99.5%', 'type: maintain', 'target: 99.5', 'unit: "%"'] : ['title: Ship 3 onboarding improvements', 'start: 0', 'target: 3', 'unit: releases'],
      maintain ? checkins(99.6, 99.7) : checkins(0, 3)),
    '---',
    `Objective ${n} exists so that customers get value sooner. It is measured weekly and reviewed at the end of ${period}.`,
    '',
  ].join('\n');
}

function distribute(total: number, parts: number): number[] {
  return range(parts).map((i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A small deterministic generator (mulberry32), so runs are comparable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
