/**
 * Issue 18, classes 1, 2, 12 and 13: the content root is a boundary (symlinks, loops, FIFOs,
 * devices, unreadable files), messages never echo what is not content (bounded, escaped
 * excerpts; GitHub annotations escaped), encodings (invalid UTF-8 with its offset, UTF-16,
 * BOM) and one meaning per YAML value. Each case builds a small content folder in a temp
 * directory beside a file outside it that holds a secret marker, loads it with the build's own
 * loader, and asserts the exact problem line; leak cases also run `okr check --format github`
 * (and one real `astro build`) and assert that the marker appears nowhere.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem, sortProblems } from '../../src/lib/content/problems.ts';
import { loadContent, readContentBytes } from '../../src/loader/read-content.ts';
import { okr, okrProcess } from '../cli/run-okr.ts';
import { buildSite, PROJECT_ROOT } from '../support/build-site.ts';

const SECRET = 'SECRET_MARKER_xyz';
const KPI = 'content/kpis/support/csat';

/** A fresh copy of the basic fixture as `<work>/content`, and a secret file in `<work>/outside`. */
function workspace(): { work: string; content: string; secret: string } {
  const work = mkdtempSync(join(tmpdir(), 'okr-boundary-'));
  const content = join(work, 'content');
  cpSync(join(PROJECT_ROOT, 'test/fixtures/basic'), content, { recursive: true });
  mkdirSync(join(work, 'outside'));
  const secret = join(work, 'outside', 'secret.csv');
  writeFileSync(secret, `date,value\n2026-08-01,${SECRET}\nTOKEN=${SECRET}\n`);
  return { work, content, secret };
}

/** The KPI of the fixture without inline data, so that a sidecar CSV beside it is read. */
function useSidecar(content: string): void {
  const path = join(content, 'kpis/support/csat.md');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/data:\n(?: {2}- .*\n)+/, ''));
}

/** Every problem of a folder as report lines (errors only, unless asked). */
function problemLines(work: string, options: { warnings?: boolean } = {}): string[] {
  const { problems } = loadContent({ contentDir: 'content', audience: 'public', cwd: work });
  const { errors, warnings } = sortProblems(problems);
  return [...errors, ...(options.warnings ? warnings : [])].map(formatProblem);
}

/** `okr check --format github` in the workspace, in this process (the same code as the binary): its whole output. */
async function githubCheck(work: string): Promise<{ status: number | null; output: string }> {
  const result = await okr(['check', '--format', 'github', '--no-methodology'], { cwd: work });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const NO_STACK = /\n\s+at |Error: /;

describe('the content root is a boundary', () => {
  test('a KPI sidecar that links to a file outside the root is an error naming the link, and the secret is never printed', async () => {
    const { work, content, secret } = workspace();
    useSidecar(content);
    symlinkSync(secret, join(content, 'kpis/support/csat.csv'));
    expect(problemLines(work)).toEqual([
      `${KPI}.csv: is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead`,
    ]);
    const check = await githubCheck(work);
    expect(check.status).toBe(1);
    expect(check.output).toContain(`::error file=${KPI}.csv,title=okr check (symlink-outside-content)::is a symbolic link to a path outside the content folder`);
    expect(check.output).not.toContain(SECRET);
    expect(check.output).not.toMatch(NO_STACK);
  });

  test('a link to /proc/self/environ is outside the root: the environment is never read', () => {
    const { work, content } = workspace();
    useSidecar(content);
    symlinkSync('/proc/self/environ', join(content, 'kpis/support/csat.csv'));
    expect(problemLines(work)).toEqual([
      `${KPI}.csv: is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead`,
    ]);
    const result = okrProcess(['check', '--format', 'github'], { cwd: work, env: { OKR_BOUNDARY_TOKEN: SECRET } });
    expect(`${result.stdout}${result.stderr}`).not.toContain(SECRET);
  });

  test('a folder that links outside the root is an error naming the link; nothing below it is read', async () => {
    const { work, content } = workspace();
    mkdirSync(join(work, 'outside/objectives'));
    writeFileSync(join(work, 'outside/objectives/leak.md'), `---\ntitle: ${SECRET}\n---\n`);
    symlinkSync(join(work, 'outside/objectives'), join(content, 'objectives/2026-q4'));
    expect(problemLines(work)).toEqual([
      'content/objectives/2026-q4: is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead',
    ]);
    expect((await githubCheck(work)).output).not.toContain(SECRET);
  });

  test('a symlink loop is an error naming the link', () => {
    const { work, content } = workspace();
    symlinkSync('b.md', join(content, 'people/a.md'));
    symlinkSync('a.md', join(content, 'people/b.md'));
    expect(problemLines(work)).toEqual([
      'content/people/a.md: is a symbolic link that loops back to itself; replace it with the file',
      'content/people/b.md: is a symbolic link that loops back to itself; replace it with the file',
    ]);
  });

  test('a folder link to a folder that contains it is a loop, not an endless walk', () => {
    const { work, content } = workspace();
    symlinkSync('..', join(content, 'objectives/2026-q3/again'));
    expect(problemLines(work)).toEqual(['content/objectives/2026-q3/again: is a symbolic link to a folder that contains it (a loop); remove it']);
  });

  test('a dangling symlink is an error naming the link', () => {
    const { work, content } = workspace();
    symlinkSync('gone.md', join(content, 'people/ghost.md'));
    expect(problemLines(work)).toEqual(['content/people/ghost.md: is a symbolic link to a file that does not exist; remove it or replace it with the file']);
  });

  test('a FIFO is an error and is never opened (opening one would block)', async () => {
    const { work, content } = workspace();
    execFileSync('mkfifo', [join(content, 'kpis/support/csat.csv')]);
    useSidecar(content);
    expect(problemLines(work)).toEqual([`${KPI}.csv: is a named pipe (FIFO), not a regular file, and is never opened; remove it`]);
    const check = await githubCheck(work);
    expect(check.output).toContain(`::error file=${KPI}.csv,title=okr check (not-a-file)::is a named pipe (FIFO)`);
  });

  test('a link to a device (/dev/zero) is outside the root and never opened', () => {
    const { work, content } = workspace();
    symlinkSync('/dev/zero', join(content, 'people/zero.md'));
    expect(problemLines(work)).toEqual([
      'content/people/zero.md: is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead',
    ]);
  });

  // As root (CI and this machine) chmod 000 does not stop reading, so the case cannot fail there.
  test.skipIf(process.getuid?.() === 0)('an unreadable file is an error naming it', () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), '---\nname: Zed\n---\n');
    chmodSync(join(content, 'people/zed.md'), 0o000);
    expect(problemLines(work)).toEqual(['content/people/zed.md: cannot be read (permission denied)']);
  });

  test('a link inside the root to a hidden file or into node_modules (which the walk never reads) is an error, and no line of it is quoted', async () => {
    const { work, content } = workspace();
    useSidecar(content);
    mkdirSync(join(content, '.git'));
    writeFileSync(join(content, '.git/config'), `[http]\n\textraheader = AUTHORIZATION: basic ${SECRET}\n`);
    writeFileSync(join(content, '.env'), `TOKEN=${SECRET}\n`);
    mkdirSync(join(content, 'node_modules/pkg'), { recursive: true });
    writeFileSync(join(content, 'node_modules/pkg/readme.md'), `---\nname: ${SECRET}\nvisibility: everyone\n---\n`);
    symlinkSync('../../.env', join(content, 'kpis/support/csat.csv'));
    symlinkSync('../.git/config', join(content, 'people/config.md'));
    symlinkSync('../node_modules/pkg/readme.md', join(content, 'people/readme.md'));
    const skipped = 'is a symbolic link to a hidden file or folder or into node_modules, which the portal never reads; copy the file here instead';
    expect(problemLines(work)).toEqual([`${KPI}.csv: ${skipped}`, `content/people/config.md: ${skipped}`, `content/people/readme.md: ${skipped}`]);
    const check = await githubCheck(work);
    expect(check.output).toContain(`::error file=${KPI}.csv,title=okr check (symlink-to-skipped)::${skipped}`);
    expect(check.output).not.toContain(SECRET);
    expect(check.output).not.toMatch(NO_STACK);
  });

  test('a socket is an error naming it, and is never opened', async () => {
    const { work, content } = workspace();
    const server = createServer();
    await new Promise<void>((done) => server.listen(join(content, 'people/talk.md'), done));
    try {
      expect(problemLines(work)).toEqual(['content/people/talk.md: is a socket, not a regular file, and is never opened; remove it']);
    } finally {
      server.close();
    }
  });

  test.each([
    ['portal.yaml', 'portal.yaml', `name: ${SECRET}\n`],
    ['a retrospective', 'retrospectives/2026-q4.md', `---\ntitle: ${SECRET}\nperiod: 2026-Q4\n---\n`],
    ['a person', 'people/zed.md', `---\nname: ${SECRET}\n---\n`],
  ])('%s that links to a file outside the root is an error naming the link; the file is never read', async (_, path, text) => {
    const { work, content } = workspace();
    writeFileSync(join(work, 'outside/linked'), text);
    rmSync(join(content, path), { force: true });
    symlinkSync(join(work, 'outside/linked'), join(content, path));
    expect(problemLines(work)).toEqual([
      `content/${path}: is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead`,
    ]);
    expect((await githubCheck(work)).output).not.toContain(SECRET);
  });

  test('a branding logo that links outside the root, or is a FIFO, is an error naming it (the logo is never opened by the check)', () => {
    const { work, content } = workspace();
    writeFileSync(join(work, 'outside/logo.svg'), `<svg>${SECRET}</svg>`);
    mkdirSync(join(content, 'branding'));
    symlinkSync(join(work, 'outside/logo.svg'), join(content, 'branding/logo.svg'));
    execFileSync('mkfifo', [join(content, 'branding/mark.svg')]);
    writeFileSync(join(content, 'portal.yaml'), `${readFileSync(join(content, 'portal.yaml'), 'utf8')}branding:\n  logo: branding/logo.svg\n`);
    expect(problemLines(work)).toEqual([
      'content/branding/logo.svg: is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead',
      'content/branding/mark.svg: is a named pipe (FIFO), not a regular file, and is never opened; remove it',
      'content/portal.yaml: branding.logo: "branding/logo.svg" is not a file in the content folder; put the logo there or correct the path',
    ]);
  });

  test('a branding logo above 1 MB is an error before the build copies it', () => {
    const { work, content } = workspace();
    mkdirSync(join(content, 'branding'));
    writeFileSync(join(content, 'branding/logo.png'), Buffer.alloc(1_500_000));
    writeFileSync(join(content, 'portal.yaml'), `${readFileSync(join(content, 'portal.yaml'), 'utf8')}branding:\n  logo: branding/logo.png\n`);
    expect(problemLines(work)).toEqual(['content/branding/logo.png: branding.logo: is 1500000 bytes, more than the limit of 1000000 bytes (1 MB) for a logo; use a smaller image']);
  });

  test('the build reads the logo under the same rules: a logo swapped after the check for a link outside, a FIFO, a bigger file or a link to a hidden file is refused in one line', () => {
    const { work, content } = workspace();
    mkdirSync(join(content, 'branding'));
    const logo = join(content, 'branding/logo.svg');
    writeFileSync(logo, '<svg/>');
    expect(Buffer.from(readContentBytes(content, 'branding/logo.svg', 100)).toString()).toBe('<svg/>');
    const refusal = (): string => {
      try {
        readContentBytes(content, 'branding/logo.svg', 100);
        return 'read';
      } catch (error) {
        expect((error as Error).stack).toBe(`ContentReadError: ${(error as Error).message}`);
        return (error as Error).message;
      }
    };
    writeFileSync(logo, 'x'.repeat(101));
    expect(refusal()).toBe(`${logo}: is more than 100 bytes`);
    rmSync(logo);
    symlinkSync(join(work, 'outside/secret.csv'), logo);
    expect(refusal()).toBe(`${logo}: is a symbolic link to a path outside the content folder, which is never read`);
    rmSync(logo);
    execFileSync('mkfifo', [logo]);
    expect(refusal()).toBe(`${logo}: is a named pipe (FIFO), not a regular file, and is never read`);
    rmSync(logo);
    writeFileSync(join(content, '.env'), `TOKEN=${SECRET}`);
    symlinkSync('../.env', logo);
    expect(refusal()).toBe(`${logo}: is a symbolic link to a hidden file or folder or into node_modules, which the portal never reads`);
  });

  test('a content root that is a dangling link, or a file, is one error naming it', () => {
    const { work } = workspace();
    symlinkSync(join(work, 'gone'), join(work, 'dangling'));
    expect(loadContent({ contentDir: 'dangling', audience: 'public', cwd: work }).problems.map(formatProblem)).toEqual([
      'dangling: content folder does not exist (set PORTAL_CONTENT_DIR or create content/)',
    ]);
    expect(loadContent({ contentDir: 'content/portal.yaml', audience: 'public', cwd: work }).problems.map(formatProblem)).toEqual([
      'content/portal.yaml: content folder does not exist (set PORTAL_CONTENT_DIR or create content/)',
    ]);
  });

  test('a link to a file inside the root is read, and the content root itself may be a link', () => {
    const { work, content } = workspace();
    useSidecar(content);
    writeFileSync(join(content, 'kpis/support/csat-data.txt'), 'date,value\n2026-08-01,9.3\n');
    symlinkSync('csat-data.txt', join(content, 'kpis/support/csat.csv'));
    symlinkSync(content, join(work, 'linked'));
    const loaded = loadContent({ contentDir: 'linked', audience: 'public', cwd: work });
    expect(sortProblems(loaded.problems).errors.map(formatProblem)).toEqual([]);
    expect(loaded.all.kpis.find((kpi) => kpi.id === 'support/csat')?.data.data).toEqual([{ date: '2026-08-01', value: 9.3 }]);
  });
});

describe('encodings', () => {
  test('invalid UTF-8 is an error naming the file, the byte and its offset', () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), Buffer.concat([Buffer.from('---\nname: Ada\nrole: caf'), Buffer.from([0xe9, 0x0a]), Buffer.from('---\n')]));
    expect(problemLines(work)).toEqual(['content/people/zed.md: is not valid UTF-8 (byte 0xe9 at byte offset 23, line 3); save it as UTF-8']);
  });

  test('UTF-16 little-endian with a byte-order mark is named as such', () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\nname: Ada\n---\n', 'utf16le')]));
    expect(problemLines(work)).toEqual(['content/people/zed.md: is UTF-16 (little-endian, with a byte-order mark); save it as UTF-8']);
  });

  test('UTF-16 big-endian with a byte-order mark is named as such', () => {
    const { work, content } = workspace();
    const bigEndian = Buffer.from('---\nname: Ada\n---\n', 'utf16le').swap16();
    writeFileSync(join(content, 'portal.yaml'), Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndian]));
    expect(problemLines(work)).toEqual(['content/portal.yaml: is UTF-16 (big-endian, with a byte-order mark); save it as UTF-8']);
  });

  test('UTF-16 without a byte-order mark is recognised by its NUL bytes', () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), Buffer.from('---\nname: Ada\n---\n', 'utf16le'));
    expect(problemLines(work)).toEqual(['content/people/zed.md: is UTF-16 (little-endian, without a byte-order mark); save it as UTF-8']);
  });

  test('a UTF-8 byte-order mark is accepted (a .md file and a CSV sidecar)', () => {
    const { work, content } = workspace();
    useSidecar(content);
    writeFileSync(join(content, 'people/ada.md'), '\uFEFF---\nname: Ada Lovelace\nteam: support\n---\n');
    writeFileSync(join(content, 'kpis/support/csat.csv'), '\uFEFFdate,value\n2026-08-01,9.3\n');
    const loaded = loadContent({ contentDir: 'content', audience: 'public', cwd: work });
    expect(sortProblems(loaded.problems).errors).toEqual([]);
    expect(loaded.all.people.find((person) => person.id === 'ada')?.data.name).toBe('Ada Lovelace');
  });

  test('a binary CSV sidecar is an error with its offset, and none of its bytes are echoed', async () => {
    const { work, content } = workspace();
    useSidecar(content);
    writeFileSync(join(content, 'kpis/support/csat.csv'), Buffer.concat([Buffer.from(`date,value\n2026-08-01,${SECRET}\n`), Buffer.from([0x00, 0xff, 0xfe, 0x1b]), Buffer.from(SECRET)]));
    expect(problemLines(work)).toEqual([`${KPI}.csv: is not valid UTF-8 (byte 0xff at byte offset 41, line 3); save it as UTF-8`]);
    expect((await githubCheck(work)).output).not.toContain(SECRET);
  });

  test('NUL bytes in otherwise valid UTF-8 make a file binary, not text', () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), `---\nname: Ada\n---\n${'x'.repeat(600)}\0${SECRET}`);
    expect(problemLines(work)).toEqual(['content/people/zed.md: contains a NUL byte at byte offset 618, so it is not a text file']);
  });
});

describe('messages never echo what is not content', () => {
  test('a quoted CSV value is cut to 60 characters with its control characters escaped', async () => {
    const { work, content } = workspace();
    useSidecar(content);
    writeFileSync(join(content, 'kpis/support/csat.csv'), `date,value\n2026-08-01,"\u001b[31m${'A'.repeat(200)}${SECRET}"\n`);
    expect(problemLines(work)).toEqual([`${KPI}.csv:2:1: value: must be a number, got "\\u{1b}[31m${'A'.repeat(52)}..."`]);
    expect((await githubCheck(work)).output).not.toContain(SECRET);
  });

  test('a quoted frontmatter value is bounded and escaped, in the text report and in annotations', async () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), `---\nname: Ada\nvisibility: "\\e]8;;x\\u0007\\r::error::${'B'.repeat(80)}${SECRET}"\n---\n`);
    expect(problemLines(work)).toEqual([
      `content/people/zed.md:3:13: visibility: must be one of public, internal, private, got "\\u{1b}]8;;x\\u{7}\\r::error::${'B'.repeat(40)}..."`,
    ]);
    const check = await githubCheck(work);
    expect(check.output).not.toContain(SECRET);
    expect(check.output.split('\n').filter((line) => line.startsWith('::'))).toEqual([
      `::error file=content/people/zed.md,line=3,col=13,title=okr check (invalid-value)::visibility: must be one of public, internal, private, got "\\u{1b}]8;;x\\u{7}\\r::error::${'B'.repeat(40)}..."`,
    ]);
  });

  test('annotations escape %, CR, LF and, in properties, : and , (file names are attacker-chosen too)', async () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'a,b:c%25\n::error::x.txt'), 'notes');
    const check = await githubCheck(work);
    expect(check.output).toContain('::warning file=content/a%2Cb%3Ac%2525%0A%3A%3Aerror%3A%3Ax.txt,title=okr check (ignored-file)::is not part of the portal and is ignored');
    expect(check.output.split('\n').filter((line) => line.startsWith('::error'))).toEqual([]);
  });

  test('a value holding %0A, a newline and a workflow command stays inside its one annotation', async () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), `---\nname: Ada\nvisibility: "x%0A::error file=a.md::forged\\n::warning::again"\n---\n`);
    const annotations = (await githubCheck(work)).output.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([
      '::error file=content/people/zed.md,line=3,col=13,title=okr check (invalid-value)::visibility: must be one of public, internal, private, got "x%250A::error file=a.md::forged\\n::warning::again"',
    ]);
  });

  test('a CSV sidecar whose first line is not the header quotes at most 60 characters of it', () => {
    const { work, content } = workspace();
    useSidecar(content);
    writeFileSync(join(content, 'kpis/support/csat.csv'), `${'h'.repeat(70)}${SECRET}\n2026-08-01,9\n`);
    expect(problemLines(work)).toEqual([`${KPI}.csv:1:1: header: must be "date,value" or "date,value,note", got "${'h'.repeat(57)}..."`]);
  });

  test('a YAML syntax error quotes no line of the file', () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'people/zed.md'), `---\nname: Ada\nrole: "${SECRET} unclosed\n---\n`);
    const lines = problemLines(work);
    expect(lines).toEqual(['content/people/zed.md:3:34: YAML syntax: Missing closing "quote']);
  });
});

describe('one meaning per YAML value', () => {
  test.each([
    ['-.5', -0.5],
    ['+.5', 0.5],
    ['-0', -0],
    ['0x1F', 31],
  ])('target: %s means %s whether or not a comment elsewhere sends the file to the reference parser', (written, expected) => {
    const targets = ['', '# R&D: the & sends this file to the reference parser\n'].map((comment) => {
      const { work, content } = workspace();
      const path = join(content, 'kpis/support/csat.md');
      writeFileSync(path, readFileSync(path, 'utf8').replace('target: 9\n', `${comment}target: ${written}\n`));
      const loaded = loadContent({ contentDir: 'content', audience: 'public', cwd: work });
      return loaded.all.kpis.find((kpi) => kpi.id === 'support/csat')?.data.target;
    });
    expect(targets).toEqual([expected, expected]);
  });
});

describe('a real build', () => {
  test('fails on a sidecar linked outside the root with the same line, no stack trace and no secret', () => {
    const { content, secret } = workspace();
    useSidecar(content);
    symlinkSync(secret, join(content, 'kpis/support/csat.csv'));
    const site = buildSite(content, { PORTAL_AS_OF: '2026-08-16' });
    expect(site.status).toBe(1);
    expect(site.output).toContain('kpis/support/csat.csv: is a symbolic link to a path outside the content folder, which is never read; copy the file into the content folder instead');
    expect(site.output).not.toContain(SECRET);
    expect(site.output).not.toMatch(/\n\s+at /);
  });
});

describe('CLI writes', () => {
  test('an unexpected failure (a file where okr needs a folder) is one line naming the command and the file; the stack only with PORTAL_DEBUG=1', async () => {
    const { work, content } = workspace();
    writeFileSync(join(content, 'teams/platform'), 'not a folder');
    const args = ['new', 'team', '--id', 'platform/infra', '--name', 'Infra'];
    const plain = await okr(args, { cwd: work });
    expect(plain.status).toBe(1);
    expect(plain.stderr).toBe(`okr: new failed: EEXIST: file already exists, mkdir '${join(content, 'teams/platform')}' (set PORTAL_DEBUG=1 to see the stack trace)\n`);
    const debug = await okr(args, { cwd: work, env: { PORTAL_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/^okr: new failed: EEXIST[^\n]*\nError: EEXIST[^\n]*\n\s+at /);
  });

  test('okr new never writes through a folder that links outside the root', () => {
    const { work, content } = workspace();
    mkdirSync(join(work, 'outside/teams'));
    symlinkSync(join(work, 'outside/teams'), join(content, 'teams/linked'));
    const result = okrProcess(['new', 'team', '--id', 'linked/evil', '--name', 'Evil'], { cwd: work });
    expect(`${result.stdout}${result.stderr}`).toContain('content/teams/linked/evil.md is in a folder that links outside the content folder');
    expect(result.status).not.toBe(0);
    expect(readdirSync(join(work, 'outside/teams'))).toEqual([]);
  });
});
