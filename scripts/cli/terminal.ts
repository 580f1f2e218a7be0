/**
 * Terminal output: colour only when stdout is a terminal and NO_COLOR is unset (FORCE_COLOR
 * forces it), and prompts only when stdin is a terminal.
 */
import { createInterface } from 'node:readline/promises';
import { styleText } from 'node:util';
import { UsageError } from './errors.ts';

export type Style = Parameters<typeof styleText>[0];
/** Styles a text, or returns it unchanged when colour is off. */
export type Paint = (style: Style, text: string) => string;

/**
 * Whether to colour output written to a stream.
 * @example wantsColour(process.stdout, process.env)
 */
export function wantsColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

/**
 * A painter for stdout.
 * @example const paint = painter(); paint('green', 'on-track')
 */
export function painter(stream: { isTTY?: boolean } = process.stdout, env: NodeJS.ProcessEnv = process.env): Paint {
  if (!wantsColour(stream, env)) return (_style, text) => text;
  return (style, text) => styleText(style, text, { validateStream: false });
}

export interface Question {
  /** The flag that answers it, named in the usage error when there is no terminal. */
  flag: string;
  prompt: string;
  /** Shown in brackets and used for an empty answer. */
  defaultValue?: string | undefined;
}

/**
 * Asks for missing values in a terminal; without one (CI, pipes) a missing value is a usage
 * error that names every missing flag.
 * @example const [title] = await ask([{ flag: '--title', prompt: 'Title' }])
 */
export async function ask(questions: readonly Question[]): Promise<string[]> {
  if (questions.length === 0) return [];
  if (!process.stdin.isTTY) {
    throw new UsageError(`missing ${questions.map((question) => question.flag).join(', ')} (okr asks for them only in a terminal)`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answers: string[] = [];
    for (const question of questions) {
      const suffix = question.defaultValue ? ` [${question.defaultValue}]` : '';
      const answer = (await rl.question(`${question.prompt}${suffix}: `)).trim();
      answers.push(answer || question.defaultValue || '');
    }
    return answers;
  } finally {
    rl.close();
  }
}

/**
 * Asks for a list, one answer per line, until an empty line (terminal only).
 * @example await askList('Key result ("... from X to Y")')
 */
export async function askList(prompt: string): Promise<string[]> {
  if (!process.stdin.isTTY) return [];
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answers: string[] = [];
    for (;;) {
      const answer = (await rl.question(`${prompt} ${answers.length + 1} (empty line to finish): `)).trim();
      if (!answer) return answers;
      answers.push(answer);
    }
  } finally {
    rl.close();
  }
}
