/**
 * `okr`: the authoring CLI. Run with Node 24 (`node scripts/okr.ts`) or through the
 * `scripts/okr.mjs` shim (`npx okr`), which also works from an older system Node.
 */
import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv.slice(2));
