// The worker of writeDerivedFiles (static-files.ts): creates the folders, then writes the
// files, with synchronous calls, off the main thread. Plain JavaScript so that Node runs it
// as it is, wherever Astro loaded static-files.ts from. A failure names the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

let current = '';
try {
  for (const folder of workerData.folders) {
    current = folder;
    mkdirSync(folder, { recursive: true });
  }
  for (const [path, contents] of workerData.files) {
    current = path;
    writeFileSync(path, contents);
  }
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, file: current, message: error instanceof Error ? error.message : String(error) });
}
