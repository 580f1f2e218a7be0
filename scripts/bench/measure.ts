/**
 * Runs a build command and measures it: wall time, peak memory of the whole process tree
 * (sampled from /proc every 200 ms: the largest sum of VmRSS over all descendants, and the
 * largest VmHWM of any single process), and what it printed. Linux only (reads /proc).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface MeasuredRun {
  status: number;
  seconds: number;
  /** Largest sampled sum of resident memory over the process tree, in bytes. */
  peakTreeRss: number;
  /** Largest high-water mark (VmHWM) of one process of the tree, in bytes. */
  peakProcessHwm: number;
  output: string;
}

const SAMPLE_MS = 200;

/**
 * Spawns `command args` and resolves when it exits.
 * @example const run = await runMeasured('node', ['astro.js', 'build'], { cwd, env });
 */
export function runMeasured(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    let peakTreeRss = 0;
    let peakProcessHwm = 0;
    const sample = (): void => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        const memory = readMemory(pid);
        sum += memory.rss;
        peakProcessHwm = Math.max(peakProcessHwm, memory.hwm);
      }
      peakTreeRss = Math.max(peakTreeRss, sum);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        status: code ?? 1,
        seconds: (performance.now() - started) / 1000,
        peakTreeRss,
        peakProcessHwm,
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}

/** `root` and all its descendants, from the parent pids in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: fields start after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // exited meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

function readMemory(pid: number): { rss: number; hwm: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * Total size in bytes and number of HTML pages of a folder.
 * @example folderStats('/tmp/dist') // { bytes: 12345678, files: 3012, pages: 3001 }
 */
export function folderStats(root: string): { bytes: number; files: number; pages: number } {
  let bytes = 0;
  let files = 0;
  let pages = 0;
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = statSync(path);
      if (stats.isDirectory()) visit(path);
      else {
        bytes += stats.size;
        files += 1;
        if (name.endsWith('.html')) pages += 1;
      }
    }
  };
  visit(root);
  return { bytes, files, pages };
}
