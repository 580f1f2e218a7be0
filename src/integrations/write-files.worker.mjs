// The worker of writeDerivedFiles (static-files.ts): creates the folders, then writes the
// files, with synchronous calls, off the main thread. Plain JavaScript so that Node runs it
// as it is, wherever Astro loaded static-files.ts from. A failure names the file.
//
// With a record (`workerData.record`, a file in the cache folder): Astro empties the output
// folder before each build, so every file is created again, but one whose bytes equal the
// last build's gets that build's modification time back, and only a changed or new file gets
// this build's. Deploys that compare times and sizes (rsync, object-store syncs) then upload
// only what changed, and a file's time says when its content last changed. The record holds,
// per path, the sha256 of the bytes and the time given; it is compared by content only, so a
// record of another code version or content is never wrong, just less useful.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

const RECORD_VERSION = 1;

/** The last build's record, by path: [digest, seconds]; none when missing or unreadable. */
function readRecord(path) {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8'));
    return record.version === RECORD_VERSION && record.files && typeof record.files === 'object' ? record.files : {};
  } catch {
    return {};
  }
}

let current = '';
try {
  const { folders, files, record: recordFile } = workerData;
  const previous = recordFile ? readRecord(recordFile) : {};
  const next = {};
  // Whole milliseconds, given with utimes to new files too: a kept time is then set from the
  // same number it was first set from, and reads back the same.
  const now = Math.floor(Date.now()) / 1000;
  let kept = 0;
  for (const folder of folders) {
    current = folder;
    mkdirSync(folder, { recursive: true });
  }
  for (const [path, relative, contents] of files) {
    current = path;
    writeFileSync(path, contents);
    if (!recordFile) continue;
    const digest = createHash('sha256').update(contents).digest('base64url');
    const before = previous[relative];
    const time = before && before[0] === digest && typeof before[1] === 'number' ? before[1] : now;
    if (time !== now) kept += 1;
    utimesSync(path, time, time);
    next[relative] = [digest, time];
  }
  if (recordFile) {
    current = recordFile;
    // Written whole then renamed, so that a build stopped halfway leaves the old record or the new one.
    writeFileSync(`${recordFile}.tmp`, JSON.stringify({ version: RECORD_VERSION, files: next }));
    renameSync(`${recordFile}.tmp`, recordFile);
  }
  parentPort?.postMessage({ ok: true, kept });
} catch (error) {
  parentPort?.postMessage({ ok: false, file: current, message: error instanceof Error ? error.message : String(error) });
}
