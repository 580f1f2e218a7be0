import { describe, expect, test } from 'vitest';
import { loadContentSet } from '../../src/lib/content/load-content.ts';
import { checkReferences } from '../../src/lib/content/references.ts';
import { starterFiles } from './starter.ts';

const OPTIONS = { organization: 'Acme Corp', period: '2026-Q4', contentDir: 'content' };

/** The starter's content files, validated by the build's own pipeline. */
function starterContent(): ReturnType<typeof loadContentSet> {
  const files = starterFiles(OPTIONS)
    .filter((file) => file.path.startsWith('content/'))
    .map((file) => ({ path: file.path.slice('content/'.length), displayPath: file.path, text: file.text }));
  return loadContentSet(files);
}

describe('starterFiles', () => {
  test('writes settings, a company team, one objective and one KPI, the workflows, .gitignore and a README', () => {
    expect(starterFiles(OPTIONS).map((file) => file.path)).toEqual([
      'content/portal.yaml',
      'content/teams/company.md',
      'content/objectives/2026-q4/company/example.md',
      'content/kpis/customer-satisfaction.md',
      '.github/workflows/okr-check.yml',
      '.github/workflows/deploy-pages.yml',
      '.gitignore',
      'README.md',
    ]);
  });

  test('is valid content with no dangling reference', () => {
    const { content, problems } = starterContent();
    expect(problems).toEqual([]);
    expect(checkReferences(content)).toEqual([]);
    expect(content.settings.organization).toBe('Acme Corp');
    expect(content.objectives.map((entry) => entry.id)).toEqual(['2026-q4/company/example']);
    expect(content.kpis.map((entry) => entry.id)).toEqual(['customer-satisfaction']);
  });

  test('puts the content where --content says, and the workflow watches that folder', () => {
    const files = starterFiles({ ...OPTIONS, contentDir: 'okrs/' });
    expect(files[0]!.path).toBe('okrs/portal.yaml');
    expect(files.find((file) => file.path === '.github/workflows/okr-check.yml')!.text).toContain('- "okrs/**"');
  });

  test('builds the Pages site with the okr bin, for the public audience', () => {
    const deploy = starterFiles(OPTIONS).find((file) => file.path === '.github/workflows/deploy-pages.yml')!.text;
    expect(deploy).toContain('run: npx okr build');
    expect(deploy).toContain('PORTAL_AUDIENCE: public');
    expect(deploy).toContain('PORTAL_BASE: /${{ github.event.repository.name }}');
  });

  test('keeps the build cache between runs, keyed by the lockfile, and out of git', () => {
    const files = starterFiles(OPTIONS);
    const deploy = files.find((file) => file.path === '.github/workflows/deploy-pages.yml')!.text;
    expect(deploy).toContain('uses: actions/cache@v4');
    expect(deploy).toContain("restore-keys: okr-portal-${{ hashFiles('package-lock.json') }}-");
    expect(deploy).toContain('PORTAL_CACHE_DIR: .okr-cache');
    expect(files.find((file) => file.path === '.gitignore')!.text).toContain('.okr-cache/');
  });

  test('quotes an organisation name that YAML would misread', () => {
    const { content, problems } = loadContentSet(
      starterFiles({ ...OPTIONS, organization: 'Yes: #1' }).slice(0, 1).map((file) => ({ path: 'portal.yaml', displayPath: file.path, text: file.text })),
    );
    expect(problems).toEqual([]);
    expect(content.settings.organization).toBe('Yes: #1');
  });
});
