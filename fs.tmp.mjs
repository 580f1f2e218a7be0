import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
const root = '/tmp/fstest-' + process.argv[2];
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let i = 0; i < 20000; i++) { const d = `${root}/badges/objectives/2026-q${i % 4}/team-${i % 50}/o${i}`; mkdirSync(d, { recursive: true }); writeFileSync(`${d}/kr.svg`, 'x'.repeat(900)); }
const c1 = process.cpuUsage(c0);
console.log('20000 files in dirs:', ((performance.now() - t0) / 1000).toFixed(2), 's wall; user', (c1.user / 1e6).toFixed(2), 'sys', (c1.system / 1e6).toFixed(2));
const t1 = performance.now(); const c2 = process.cpuUsage();
for (let i = 0; i < 20000; i++) writeFileSync(`${root}/flat-${i}.svg`, 'x'.repeat(900));
const c3 = process.cpuUsage(c2);
console.log('20000 files flat:', ((performance.now() - t1) / 1000).toFixed(2), 's wall; user', (c3.user / 1e6).toFixed(2), 'sys', (c3.system / 1e6).toFixed(2));
