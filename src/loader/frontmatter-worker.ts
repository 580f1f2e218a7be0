/**
 * Worker thread of the content check: parses the frontmatter of a share of the content
 * files while the main thread parses the rest. YAML parsing is most of the content check's
 * time on big portals (about a millisecond per objective file).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFrontmatter, type PlainFrontmatter } from '../lib/frontmatter.ts';

const texts = workerData as readonly string[];
const parsed = texts.map((text): PlainFrontmatter => {
  const { data, body, bodyLine, issues } = parseFrontmatter(text);
  return { data, body, bodyLine, issues };
});
parentPort?.postMessage(parsed);
