/**
 * Checks the components that MDX retrospectives use, before anything is rendered: every
 * `<Scorecard>`, `<KpiChange>`, `<Objective>` and `<GradeDistribution>` must name ids that
 * exist and periods that parse, with plain string attributes, so that a typo fails the build
 * with the file, line and id instead of an empty card.
 *
 * The scanner parses the body as MDX (body-tree.ts, the parse the search text uses too) and
 * visits its JSX elements whose name starts with a capital letter, in the Markdown and inside
 * JavaScript expressions (`{shown && <Objective id="…" />}`), so tags in code or in comments
 * never count and every component that can render is checked.
 */
import type { Node as EstreeNode, JSXAttribute, JSXElement, JSXMemberExpression, JSXNamespacedName, JSXIdentifier, JSXSpreadAttribute } from 'estree-jsx';
import { visit as visitEstree } from 'estree-util-visit';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { parseMdx, type BodyParseError } from './body-tree.ts';
import { mdxAttributeString, stringLiteralOf } from './mdx-strings.ts';
import type { ContentFile, ContentSet } from './content-set.ts';
import { isDraft } from './content-set.ts';
import { PERIOD_RE } from '../calendar/period.ts';
import { boundMessage, quoteValue, type ContentProblem } from './problems.ts';
import type { Visibility } from './schema/common.ts';
import { didYouMean } from './suggest.ts';

type IdKind = 'objective' | 'KPI' | 'team' | 'period';

type AttributeSpecs = Record<string, { kind: IdKind; required: boolean }>;

const COMPONENT_SPECS = {
  Scorecard: { period: { kind: 'period', required: true }, team: { kind: 'team', required: false } },
  KpiChange: { kpi: { kind: 'KPI', required: true }, period: { kind: 'period', required: true } },
  Objective: { id: { kind: 'objective', required: true } },
  GradeDistribution: { period: { kind: 'period', required: true }, team: { kind: 'team', required: false } },
} satisfies Record<string, AttributeSpecs>;

/**
 * The names of the retrospective components: the one list. components/retro/index.ts maps
 * each to its Astro component and the type checker holds it to exactly these names.
 */
export type RetroComponentName = keyof typeof COMPONENT_SPECS;

/** The components authors may use in retrospectives, and their attributes. */
export const RETRO_COMPONENTS: Readonly<Record<string, AttributeSpecs>> = COMPONENT_SPECS;

export interface ComponentUsage {
  name: string;
  /** Attribute values; `undefined` for an attribute without a plain string value. */
  attributes: Map<string, string | undefined>;
  /** 1-based position in the file. */
  line: number;
  column: number;
  /** The tag could not be read (e.g. a spread: `{...props}`). */
  malformed: boolean;
}

/**
 * Every capitalised JSX element of an MDX file (frontmatter and body), with its position in
 * the file; or, when the file is not valid MDX, where it stops (the MDX compiler would stop
 * there too).
 * @example scanComponentUsages('---\ntitle: Q3\n---\n<Objective id="2026-q3/x" />').usages[0] // { name: 'Objective', line: 4, column: 1, ... }
 */
export function scanComponentUsages(source: string): { usages: ComponentUsage[]; error?: BodyParseError } {
  const parsed = parseMdx(source);
  if (!parsed.tree) return { usages: [], error: parsed.error };
  const usages: ComponentUsage[] = [];
  const add = (usage: ComponentUsage): void => {
    if (/^[A-Z]/.test(usage.name)) usages.push(usage);
  };
  const scanExpression = (node: { data?: { estree?: unknown } | undefined }): void => {
    if (node.data?.estree) for (const usage of jsxInExpression(node.data.estree as EstreeNode)) add(usage);
  };
  visit(parsed.tree, (node) => {
    if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return scanExpression(node);
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const element = node as MdxJsxFlowElement | MdxJsxTextElement;
    const start = element.position?.start ?? { line: 1, column: 1 };
    if (element.name) add({ name: element.name, ...readAttributes(element.attributes.map(mdastAttribute)), line: start.line, column: start.column });
    for (const attribute of element.attributes) if (typeof attribute.value === 'object' && attribute.value) scanExpression(attribute.value);
  });
  return { usages };
}

/** An attribute as its name and plain string value: `null` for a spread, `undefined` for anything but a string. */
type PlainAttribute = { name: string; value: string | undefined } | null;

function readAttributes(attributes: readonly PlainAttribute[]): Pick<ComponentUsage, 'attributes' | 'malformed'> {
  const read = new Map<string, string | undefined>();
  for (const attribute of attributes) if (attribute) read.set(attribute.name, attribute.value);
  return { attributes: read, malformed: attributes.includes(null) };
}

function mdastAttribute(attribute: MdxJsxAttribute | MdxJsxExpressionAttribute): PlainAttribute {
  if (attribute.type === 'mdxJsxExpressionAttribute') return null;
  return { name: attribute.name, value: mdxAttributeString(attribute.value) };
}

/** JSX elements inside a JavaScript expression (columns are 0-based in estree). */
function jsxInExpression(program: EstreeNode): ComponentUsage[] {
  const found: ComponentUsage[] = [];
  visitEstree(program, (node) => {
    if (node.type !== 'JSXElement') return;
    const opening = (node as JSXElement).openingElement;
    const start = opening.loc?.start ?? { line: 1, column: 0 };
    found.push({ name: jsxName(opening.name), ...readAttributes(opening.attributes.map(estreeAttribute)), line: start.line, column: start.column + 1 });
  });
  return found;
}

function jsxName(name: JSXIdentifier | JSXMemberExpression | JSXNamespacedName): string {
  if (name.type === 'JSXIdentifier') return name.name;
  if (name.type === 'JSXNamespacedName') return `${name.namespace.name}:${name.name.name}`;
  return `${jsxName(name.object)}.${name.property.name}`;
}

function estreeAttribute(attribute: JSXAttribute | JSXSpreadAttribute): PlainAttribute {
  if (attribute.type === 'JSXSpreadAttribute') return null;
  const name = jsxName(attribute.name);
  const value = attribute.value?.type === 'JSXExpressionContainer' ? attribute.value.expression : attribute.value;
  return { name, value: value?.type === 'JSXEmptyExpression' ? undefined : stringLiteralOf(value) };
}

/** Ids that components may name, with their visibility (drafts as `draft`). */
export interface ComponentTargets {
  objective: Map<string, Visibility | 'draft'>;
  KPI: Map<string, Visibility | 'draft'>;
  team: Map<string, Visibility | 'draft'>;
}

const FOLDERS = { objective: 'objectives', KPI: 'kpis', team: 'teams' } as const;
const VISIBILITY_RANK: Record<Visibility | 'draft', number> = { public: 0, internal: 1, private: 2, draft: 3 };

/**
 * Problems of one usage: unknown component, malformed tag, missing, unknown or non-string
 * attributes, unknown ids and bad periods (errors); ids the retrospective's audience cannot
 * see (warnings: the component renders nothing for them).
 * @example checkComponentUsage(usage, targets, { file: 'content/retrospectives/q3.mdx', visibility: 'public' })
 */
export function checkComponentUsage(
  usage: ComponentUsage,
  targets: ComponentTargets,
  retro: { file: string; visibility: Visibility },
): ContentProblem[] {
  const at = { file: retro.file, line: usage.line, column: usage.column };
  const error = (field: string, code: string, message: string, hint?: string): ContentProblem => ({ ...at, field, severity: 'error', code, message, hint });
  const spec = RETRO_COMPONENTS[usage.name];
  const names = Object.keys(RETRO_COMPONENTS);
  if (!spec) {
    return [error('', 'unknown-component', `<${usage.name}> is not a retrospective component (expected ${names.join(', ')})`, didYouMean(usage.name, names))];
  }
  if (usage.malformed) {
    return [error(usage.name, 'malformed-component', `could not be read (write plain attributes like ${exampleOf(usage.name)})`)];
  }
  const problems: ContentProblem[] = [];
  for (const name of usage.attributes.keys()) {
    if (!(name in spec)) problems.push(error(`${usage.name}.${name}`, 'unknown-attribute', `is not an attribute of ${usage.name} (expected ${Object.keys(spec).join(', ')})`, didYouMean(name, Object.keys(spec))));
  }
  for (const [name, { kind, required }] of Object.entries(spec)) {
    const field = `${usage.name}.${name}`;
    if (!usage.attributes.has(name)) {
      if (required) problems.push(error(field, 'missing-attribute', `is required (e.g. ${exampleOf(usage.name)})`));
      continue;
    }
    const value = usage.attributes.get(name);
    if (value === undefined) {
      problems.push(error(field, 'not-a-string', `must be a plain string, e.g. ${exampleOf(usage.name)} (ids are checked before the build)`));
    } else if (kind === 'period') {
      if (!PERIOD_RE.test(value)) problems.push(error(field, 'invalid-period', `${quoteValue(value)} is not a period (expected YYYY-Qn, e.g. 2026-Q3)`));
    } else {
      const visibility = targets[kind].get(value);
      if (visibility === undefined) {
        problems.push(error(field, 'unknown-id', `${quoteValue(value)} is not ${kind === 'objective' ? 'an' : 'a'} ${kind} (expected the id of a file in ${FOLDERS[kind]}/)`, didYouMean(value, targets[kind].keys())));
      } else if (VISIBILITY_RANK[visibility] > VISIBILITY_RANK[retro.visibility]) {
        const why = visibility === 'draft' ? 'is a draft' : `is ${visibility}`;
        problems.push({ ...at, field, severity: 'warning', code: 'hidden-component-target', message: `${quoteValue(value)} ${why}, so builds that show this ${retro.visibility} retrospective leave the ${usage.name} out` });
      }
    }
  }
  return problems;
}

/**
 * Checks the components of every retrospective. Components only work in `.mdx` files, so a
 * known component in a `.md` retrospective is a warning.
 * @example checkRetroComponents(content, files) // [{ file: 'content/retrospectives/2026-q3/company.mdx', line: 12, field: 'Objective.id', ... }]
 */
export function checkRetroComponents(content: ContentSet, files: readonly ContentFile[]): ContentProblem[] {
  const textByPath = new Map(files.map((file) => [file.path, file.text]));
  const targetsOf = (entries: readonly { id: string; visibility: Visibility; data: object }[]): Map<string, Visibility | 'draft'> =>
    new Map(entries.map((entry) => [entry.id, isDraft(entry) ? 'draft' : entry.visibility]));
  const targets: ComponentTargets = { objective: targetsOf(content.objectives), KPI: targetsOf(content.kpis), team: targetsOf(content.teams) };
  const problems: ContentProblem[] = [];
  for (const retro of content.retrospectives) {
    const { usages, error } = scanComponentUsages(textByPath.get(retro.path) ?? retro.body);
    // A .md retrospective need not be valid MDX: it is only scanned for components by mistake.
    if (error && retro.format === 'mdx') {
      problems.push({ file: retro.file, line: error.line, column: error.column, field: 'body', severity: 'error', code: 'invalid-mdx', message: `is not valid MDX: ${boundMessage(error.message)}` });
    }
    for (const usage of usages) {
      if (retro.format === 'mdx') problems.push(...checkComponentUsage(usage, targets, retro));
      else if (usage.name in RETRO_COMPONENTS) {
        problems.push({ file: retro.file, line: usage.line, column: usage.column, field: usage.name, severity: 'warning', code: 'component-in-markdown', message: 'only works in .mdx retrospectives; rename the file to .mdx' });
      }
    }
  }
  return problems;
}

function exampleOf(name: string): string {
  const attributes = Object.keys(RETRO_COMPONENTS[name] ?? {}).map((attribute) => `${attribute}="…"`);
  return `<${name} ${attributes.join(' ')} />`;
}
