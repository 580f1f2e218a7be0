/**
 * The starter `okr init` writes into an organisation's own repository: settings, a company
 * team, one example objective and KPI in the content folder, the two GitHub workflows, a
 * .gitignore and a README. Plain data: the command decides where and whether to write.
 */
import { Document } from 'yaml';
import { periodBounds } from '../../src/lib/calendar/period.ts';

export interface StarterOptions {
  /** The organisation's name, shown in the header. */
  organization: string;
  /** The quarter of the example objective, `YYYY-Qn`. */
  period: string;
  /** The content folder, relative to the repository root, `/`-separated. */
  contentDir: string;
}

/** One file of the starter: its path relative to the repository root, and its text. */
export interface StarterFile {
  path: string;
  text: string;
}

/**
 * The starter's files, in the order they are written.
 * @example starterFiles({ organization: 'Acme', period: '2026-Q4', contentDir: 'content' })[0].path // 'content/portal.yaml'
 */
export function starterFiles(options: StarterOptions): StarterFile[] {
  const content = options.contentDir.replace(/\/+$/, '') || '.';
  const inContent = (path: string): string => (content === '.' ? path : `${content}/${path}`);
  const { first } = periodBounds(options.period);
  return [
    { path: inContent('portal.yaml'), text: settings(options.organization) },
    { path: inContent('teams/company.md'), text: markdown({ name: options.organization, visibility: 'public' }, `Company-wide objectives live here; department teams name \`parent: company\`.`) },
    {
      path: inContent(`objectives/${options.period.toLowerCase()}/company/example.md`),
      text: markdown(
        {
          title: 'Show every team what matters this quarter',
          period: options.period,
          team: 'company',
          visibility: 'public',
          key_results: [
            { id: 'teams-with-okrs', title: 'Teams with published OKRs from 0 to 5', start: 0, target: 5, unit: 'teams', checkins: [{ date: first, value: 1 }] },
            { id: 'first-review', title: 'Hold the first quarterly review in the portal', type: 'milestone' },
          ],
        },
        'An example objective: replace it with your own, or delete it. Check-ins go into each key result (`okr checkin`). The examples are `visibility: public`, so that the first build shows them; anything else is internal (portal.yaml).',
      ),
    },
    {
      path: inContent('kpis/customer-satisfaction.md'),
      text: markdown(
        { title: 'Customer satisfaction', team: 'company', category: 'customer', visibility: 'public', unit: '%', target: 90, threshold: 80, data: [{ date: first, value: 85 }] },
        'An example KPI: a number watched month by month (`okr kpi add customer-satisfaction 87`).',
      ),
    },
    { path: '.github/workflows/okr-check.yml', text: checkWorkflow(content) },
    { path: '.github/workflows/deploy-pages.yml', text: deployWorkflow() },
    { path: '.gitignore', text: GITIGNORE },
    { path: 'README.md', text: readme(options.organization, content) },
  ];
}

function yamlOf(value: unknown): string {
  return new Document(value, { flow: false }).toString({ lineWidth: 0 });
}

function markdown(frontmatter: Record<string, unknown>, body: string): string {
  return `---\n${yamlOf(frontmatter)}---\n\n${body}\n`;
}

function settings(organization: string): string {
  const names = yamlOf({ name: `${organization} OKRs`, organization });
  return `${names}# Who may see an entry that sets no visibility: public, internal or private. A build
# shows what its audience (PORTAL_AUDIENCE) may see; the GitHub Pages workflow builds for
# public, so set visibility: public on what the world may read.
default_visibility: internal
`;
}

const GITIGNORE = `node_modules/
dist/
.astro/
# the build cache (PORTAL_CACHE_DIR): pages whose inputs did not change are copied from it
.okr-cache/
# okr write lock (a command killed while writing may leave it)
.okr-write.lock*
`;

/** The steps both workflows start with after the checkout: Node 24 and the locked packages. */
const SETUP_STEPS = `      - uses: actions/setup-node@v4
        with:
          node-version: 24
          cache: npm
      - run: npm ci`;

function checkWorkflow(content: string): string {
  const paths = content === '.' ? '"**"' : `"${content}/**"`;
  return `# Checks the OKRs on every pull request that touches them, with annotations on the changed
# files. Errors fail the job; add --strict to fail on warnings too.
name: okr check

on:
  pull_request:
    paths:
      - ${paths}
      - "package.json"
      - "package-lock.json"
      - ".github/workflows/okr-check.yml"

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - uses: actions/checkout@v4
${SETUP_STEPS}
      - name: Check OKRs
        run: npx okr check --format github
`;
}

function deployWorkflow(): string {
  return `# Builds the portal and publishes it to GitHub Pages (https://<owner>.github.io/<repo>/) on
# every push to main, and every weekday morning: statuses depend on the date. Enable it in
# Settings > Pages > Source: GitHub Actions.
name: Deploy to GitHub Pages

on:
  push:
    branches: [main]
  schedule:
    - cron: "0 5 * * 1-5"
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - uses: actions/checkout@v4
        with:
          # The portal shows each objective's history from git.
          fetch-depth: 0
${SETUP_STEPS}
      - name: Check OKRs
        run: npx okr check --format github
      # Pages whose inputs did not change since the last build are copied from the cache, not
      # rendered. A new key each run (the commit) saves the cache; the newest one of the same
      # lockfile is restored. Another portal version (the lockfile) starts cold.
      - uses: actions/cache@v4
        with:
          path: .okr-cache
          key: okr-portal-\${{ hashFiles('package-lock.json') }}-\${{ github.sha }}
          restore-keys: okr-portal-\${{ hashFiles('package-lock.json') }}-
      - name: Build
        run: npx okr build
        env:
          PORTAL_SITE: https://\${{ github.repository_owner }}.github.io
          PORTAL_BASE: /\${{ github.event.repository.name }}
          PORTAL_AUDIENCE: public
          PORTAL_CACHE_DIR: .okr-cache
      - uses: actions/upload-pages-artifact@v3
        with:
          path: dist

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deployment.outputs.page_url }}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
`;
}

function readme(organization: string, content: string): string {
  return `# ${organization} OKRs

Our objectives, key results and KPIs, one Markdown file each in \`${content}/\`, published as a
read-only portal by [okr-portal](https://www.npmjs.com/package/okr-portal).

## Writing

- \`${content}/teams/\`: one file per team; \`company.md\` is the top of the tree.
- \`${content}/objectives/<period>/<team>/\`: one file per objective with its key results.
- \`${content}/kpis/\`: one file per KPI with its data points.
- \`${content}/portal.yaml\`: the portal's name and settings.

\`\`\`sh
npx okr new objective --period 2026-Q4 --team company --title "…" --kr "Revenue from 1 to 2 M€"
npx okr checkin <objective-id> <key-result-id> <value>
npx okr check      # what CI checks on every pull request
npx okr dev        # the portal at http://localhost:4321 while you write
npx okr build      # the site in dist/
\`\`\`

A pull request is a check-in: \`.github/workflows/okr-check.yml\` checks it, and
\`.github/workflows/deploy-pages.yml\` publishes main to GitHub Pages.

## Upgrading the portal

\`npm install okr-portal@latest\`, then \`npx okr check\`: the content format is the contract,
so your files keep working across upgrades.
`;
}
