/**
 * `okr migrate --from okr2go`: the Markdown file of okr2go (github.com/oxisto/okr2go), read
 * with micromark and mdast (GFM tables), never by patterns over the text. As okr2go's own
 * parser reads it: every level-1 heading is an objective, the paragraphs under it its
 * description, and the table under it its key results, one row each, with the columns
 * `Key result`, `current`, `target`, `contributors` and `comments` (the first, the KR-1 ids,
 * is left out). okr2go counts from 0 to the target; it has no teams and no periods, so those
 * come from `--team` and `--period`.
 */
import type { Root, RootContent, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { visit } from 'unist-util-visit';
import { quoteValue, type ContentProblem } from '../../src/lib/content/problems.ts';
import { parseNumberText } from './import-csv.ts';
import type { MigrationRow } from './migrate-plan.ts';

/** The columns of okr2go's key result table that are read, by lower-case header. */
export const OKR2GO_COLUMNS = { keyResult: 'key result', current: 'current', target: 'target', contributors: 'contributors', comments: 'comments' } as const;

/**
 * The rows of an okr2go file, and a problem (file:line:column) for each bad table or cell.
 * @example parseOkr2go('# Grow\n\n| | Key result | current | target |\n|-|-|-|-|\n| KR-1 | Users | 3 | 10 |\n', 'okrs.md', { team: 'Web', period: '2026-Q4' }).rows[0]?.target // 10
 */
export function parseOkr2go(text: string, file: string, options: { team: string; period: string }): { rows: MigrationRow[]; problems: ContentProblem[] } {
  const tree: Root = fromMarkdown(text.replace(/^\uFEFF/, ''), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const problems: ContentProblem[] = [];
  const problem: Problem = (node, field, message) => {
    problems.push({ file, line: node?.position?.start.line, column: node?.position?.start.column, field, message, severity: 'error', code: 'migrate' });
  };
  const rows: MigrationRow[] = [];
  const sections = objectiveSections(tree.children);
  if (sections.length === 0) problem(undefined, '', 'has no objective (okr2go writes each as a level-1 heading, "# Objective", with a table of key results under it)');
  for (const { heading, blocks } of sections) {
    const objective = plainText(heading);
    const body = blocks.filter((block) => block.type === 'paragraph').map((block) => text.slice(block.position!.start.offset, block.position!.end.offset)).join('\n\n');
    const tables = blocks.filter((block): block is Table => block.type === 'table');
    if (tables.length === 0) problem(heading, objective, 'has no key result table under it (columns Key result, current, target)');
    for (const table of tables) rows.push(...tableRows(table, { objective, body, file, problem, ...options }));
  }
  return { rows: problems.length > 0 ? [] : rows, problems };
}

/** Each level-1 heading with the blocks up to the next one; blocks before the first are not okr2go's. */
function objectiveSections(children: readonly RootContent[]): { heading: RootContent; blocks: RootContent[] }[] {
  const sections: { heading: RootContent; blocks: RootContent[] }[] = [];
  for (const child of children) {
    if (child.type === 'heading' && child.depth === 1) sections.push({ heading: child, blocks: [] });
    else sections.at(-1)?.blocks.push(child);
  }
  return sections;
}

/** Anything of the tree with a place in the file. */
type Placed = { position?: { start: { line: number; column: number } } | undefined } | undefined;
type Problem = (node: Placed, field: string, message: string) => void;

function tableRows(table: Table, context: { objective: string; body: string; file: string; problem: Problem; team: string; period: string }): MigrationRow[] {
  const { problem } = context;
  const [header, ...body] = table.children;
  const headers = (header?.children ?? []).map((cell) => plainText(cell).toLowerCase().trim());
  const index = (column: keyof typeof OKR2GO_COLUMNS): number => headers.indexOf(OKR2GO_COLUMNS[column]);
  const missing = (['keyResult', 'target'] as const).filter((column) => index(column) === -1);
  if (missing.length > 0) {
    problem(table, 'table', `has no ${missing.map((column) => OKR2GO_COLUMNS[column]).join(' or ')} column (okr2go's columns: ID, Key result, current, target, contributors, comments)`);
    return [];
  }
  const rows: MigrationRow[] = [];
  for (const row of body) {
    const cell = (column: keyof typeof OKR2GO_COLUMNS) => row.children[index(column)];
    const textOf = (column: keyof typeof OKR2GO_COLUMNS): string => {
      const found = cell(column);
      return found ? plainText(found).trim() : '';
    };
    const number = (column: 'current' | 'target'): number | undefined => {
      if (textOf(column) === '') return undefined;
      const value = parseNumberText(textOf(column));
      if (value === undefined) problem(cell(column), column, `must be a number such as 4.2, got ${quoteValue(textOf(column))}`);
      return value;
    };
    const keyResult = textOf('keyResult');
    if (keyResult === '') problem(row.children[0] ?? row, 'Key result', 'is empty');
    const target = number('target');
    if (target === undefined && textOf('target') === '') problem(row.children[0] ?? row, 'target', `is empty for key result ${quoteValue(keyResult)}; okr2go key results count from 0 to a target`);
    const current = number('current');
    if (keyResult === '' || target === undefined) continue;
    rows.push({
      origin: `line ${row.position?.start.line ?? '?'}`,
      team: context.team,
      period: context.period,
      objective: context.objective,
      objectiveBody: context.body || undefined,
      keyResult,
      start: 0,
      target,
      current,
      owner: textOf('contributors').split(',')[0]?.trim() || undefined,
      note: textOf('comments') || undefined,
    });
  }
  return rows;
}

/** The text of a node without its Markdown: text, inline code and the alt of images. */
function plainText(node: RootContent | Table['children'][number]['children'][number]): string {
  let text = '';
  visit(node, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += child.value;
  });
  return text;
}
