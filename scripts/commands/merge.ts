/**
 * `okr merge <dir>... --out <dir>`: joins the output folders of a sharded build
 * (PORTAL_SHARD=k/n) into one site and builds its search index (scripts/cli/shard-merge.ts).
 */
import type { Command } from 'commander';
import type { RunAction } from '../cli/context.ts';
import { mergeShards } from '../cli/shard-merge.ts';
import { formatIndexSummary } from '../../src/loader/search-index.ts';

/**
 * Registers `okr merge`.
 * @example registerMerge(program, run)
 */
export function registerMerge(program: Command, run: RunAction): void {
  program
    .command('merge')
    .description('join the output folders of a sharded build (PORTAL_SHARD=k/n) into one site, with its sitemap and search index')
    .argument('<dir...>', 'the output folder of each shard')
    .requiredOption('--out <dir>', 'the folder to write the site into (emptied first)')
    .action((folders: string[], options: { out: string }) =>
      run(async () => {
        const summary = await mergeShards(folders, options.out, (line) => process.stdout.write(`${line}\n`));
        process.stdout.write(`${formatIndexSummary(summary.index)}\n`);
        process.stdout.write(`merged ${summary.shards} shards into ${options.out}: ${summary.files} files${summary.sitemap ? ', sitemap' : ''}, search index of ${summary.index.pages} pages\n`);
        return 0;
      }),
    );
}
