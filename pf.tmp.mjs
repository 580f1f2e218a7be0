import * as pagefind from 'pagefind';
const dist = '/work/main/node_modules/.cache/okr-portal-builds/bench-5000-MqOYSg/dist';
let t = performance.now();
const lap = (l) => { const n = performance.now(); console.log(l, ((n - t) / 1000).toFixed(2)); t = n; };
const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
lap('create');
const r = await index.addDirectory({ path: dist, glob: '{objectives,kpis,teams,people,retrospectives}/**/*.html' });
lap('addDirectory ' + r.page_count);
await index.writeFiles({ outputPath: '/tmp/pf-out' });
lap('writeFiles');
await pagefind.close();
// synthetic
const { index: i2 } = await pagefind.createIndex({ forceLanguage: 'en' });
t = performance.now();
for (let k = 0; k < 5500; k++) {
  const html = `<html lang="en"><body><main data-pagefind-body><div hidden><span data-pagefind-filter="type[data-value]" data-value="Objective"></span><span data-pagefind-filter="period[data-value]" data-value="Q4 2026"></span><span data-pagefind-meta="team[data-value]" data-value="Team ${k % 50}"></span></div><h1 data-pagefind-meta="title">Objective ${k} for 2026-Q4, make the product better for customers</h1><p>Committed objective · Q4 2026. Team ${k%50}. Owner Person ${k%210}.</p><p>Objective ${k} exists so that customers get value sooner. It is measured weekly and reviewed at the end of 2026-Q4.</p><h3>Raise weekly active users from 100 to 500</h3><p>Update ${k}: on plan</p><h3>Cut response time from 8 to 4 min</h3><p>Update ${k}: on plan</p><h3>Ship 3 onboarding improvements</h3></main></body></html>`;
  await i2.addHTMLFile({ url: `/objectives/o${k}/`, content: html });
}
lap('addHTMLFile x5500 sequential');
await i2.writeFiles({ outputPath: '/tmp/pf-out2' });
lap('writeFiles');
await pagefind.close();
