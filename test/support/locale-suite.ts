/**
 * The locale builds (portal.yaml `locale`): the basic fixture built in each language, with
 * `<html lang>`, translated chrome, numbers and dates in the locale, Pagefind's language and
 * the feeds' language checked.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildSite, PROJECT_ROOT, type BuiltSite } from './build-site.ts';
import { readDist } from './dist-scan.ts';

/** The basic fixture with `locale` set in its portal.yaml. */
export function contentIn(locale: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'okr-portal-locale-')), 'content');
  cpSync(join(PROJECT_ROOT, 'test/fixtures/basic'), dir, { recursive: true });
  const settings = readFileSync(join(dir, 'portal.yaml'), 'utf8');
  writeFileSync(join(dir, 'portal.yaml'), `${settings}locale: ${locale}\n`);
  return dir;
}

export const ENV = { PORTAL_AS_OF: '2026-08-16', PORTAL_SITE: 'https://example.org' };
const OBJECTIVE = 'objectives/2026-q3/support-efficiency/index.html';

export const CASES = [
  {
    locale: 'de',
    labels: ['Zum Inhalt springen', '>Überblick<', 'Worauf es in Q3 2026 ankommt', 'Unternehmensziele', 'Zahlen mit Stand vom 16. Aug. 2026'],
    objectiveLabels: ['>Key Results</h2>', '<dt>Zahlt ein auf</dt>', '<span class="visually-hidden">Fortschritt: </span>'],
    // German decimals take a comma, percentages a no-break space.
    score: /class="score score-\w+"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?\d,\d\d</,
    percent: /\d+\u00a0%<\/span><\/div>/,
    retroLabels: ['>Retrospektive · Q3 2026</p>', '>Unternehmensweit</li>'],
    kpiTeamLabels: ['<h1>KPIs von Support</h1>', 'Im Blick von <a', 'aria-label="KPIs filtern"'],
    feedSummary: 'Unternehmensweite Retrospektive, Q3 2026.',
    tvLabels: ['>Zurück zum Portal</a>', 'data-title="Unternehmen"', '>Weiter</button>', 'data-position="{position} von {count}: {title}"'],
    chartLabels: ['role="img" aria-label="Liniendiagramm von Customer satisfaction: von 8,7 pts am 1. Juni 2026 auf 9,3 pts am 1. Aug. 2026. Ziel ≥ 9 pts; Kritisch &lt; 8 pts."', '<ul class="legend" aria-label="Legende">', '</svg>Istwert</li>', '</svg>Ziel ≥ 9 pts (gesunder Bereich)</li>', 'text-anchor="middle">Juni 2026</text>', 'text-anchor="end">8,5</text>', '"tones":{"healthy":"Gesund","warning":"Warnung","critical":"Kritisch"}'],
    search: {
      page: ['placeholder="Suchen…"', '>Bewertung, höchste zuerst</option>', '>Die Suche braucht JavaScript.</strong>'],
      messages: { 'search.summary.countFor': { one: '{count} Ergebnis für „{query}“', other: '{count} Ergebnisse für „{query}“' }, 'search.facet.type': 'Art', 'search.meta.progress': 'Fortschritt' },
      types: ['Ziel', 'KPI', 'Team', 'Person', 'Retrospektive'],
      indexed: ['Ziel', 'Im Plan'],
    },
    sparkline: /<svg class="sparkline" role="img" aria-label="[^"]+: von 8,7 pts am 1\. Juni 2026 auf 9,3 pts am 1\. Aug\. 2026"/,
  },
  {
    locale: 'nb',
    labels: ['Hopp til innholdet', '>Oversikt<', 'Det viktigste i Q3 2026', 'Virksomhetsmål', 'Tall per 16. aug. 2026'],
    objectiveLabels: ['>Nøkkelresultater</h2>', '<dt>Bidrar til</dt>', '<span class="visually-hidden">Framdrift: </span>'],
    score: /class="score score-\w+"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?\d,\d\d</,
    percent: /\d+\u00a0%<\/span><\/div>/,
    retroLabels: ['>Retrospektiv · Q3 2026</p>', '>Hele virksomheten</li>'],
    kpiTeamLabels: ['<h1>KPI-er for Support</h1>', 'Følges av <a', 'aria-label="Filtrer KPI-er"'],
    feedSummary: 'Retrospektiv for hele virksomheten, Q3 2026.',
    tvLabels: ['>Tilbake til portalen</a>', 'data-title="Virksomhet"', '>Neste</button>', 'data-position="{position} av {count}: {title}"'],
    chartLabels: ['role="img" aria-label="Linjediagram for Customer satisfaction: fra 8,7 pts den 1. juni 2026 til 9,3 pts den 1. aug. 2026. Mål ≥ 9 pts; Kritisk &lt; 8 pts."', '<ul class="legend" aria-label="Tegnforklaring">', '</svg>Faktisk</li>', '</svg>Mål ≥ 9 pts (god sone)</li>', 'text-anchor="middle">juni 2026</text>', 'text-anchor="end">8,5</text>', '"tones":{"healthy":"God","warning":"Advarsel","critical":"Kritisk"}'],
    search: {
      page: ['placeholder="Søk…"', '>Score, høyest først</option>', '>Søket trenger JavaScript.</strong>'],
      messages: { 'search.summary.countFor': { one: '{count} treff for «{query}»', other: '{count} treff for «{query}»' }, 'search.facet.type': 'Type', 'search.meta.progress': 'framdrift' },
      types: ['Mål', 'KPI', 'Team', 'Person', 'Retrospektiv'],
      indexed: ['Mål', 'I rute'],
    },
    sparkline: /<svg class="sparkline" role="img" aria-label="[^"]+: fra 8,7 pts den 1\. juni 2026 til 9,3 pts den 1\. aug\. 2026"/,
  },
  {
    locale: 'fr',
    labels: ['Aller au contenu', '>Vue d’ensemble<', 'L’essentiel pour Q3 2026', 'Objectifs de l’entreprise', 'Chiffres au 16 août 2026'],
    objectiveLabels: ['>Résultats clés</h2>', '<dt>Contribue à</dt>', '<span class="visually-hidden">Avancement: </span>'],
    score: /class="score score-\w+"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?\d,\d\d</,
    percent: /\d+\u00a0%<\/span><\/div>/,
    retroLabels: ['>Rétrospective · Q3 2026</p>', '>Toute l’entreprise</li>'],
    kpiTeamLabels: ['<h1>KPI de Support</h1>', 'Suivis par <a', 'aria-label="Filtrer les KPI"'],
    feedSummary: 'Rétrospective de toute l’entreprise, Q3 2026.',
    tvLabels: ['>Retour au portail</a>', 'data-title="Entreprise"', '>Suivant</button>', 'data-position="{position} sur {count}\u00a0: {title}"'],
    chartLabels: ['role="img" aria-label="Graphique linéaire de Customer satisfaction : ', '<ul class="legend" aria-label="Légende">', '</svg>Réel</li>', '(zone saine)</li>', 'text-anchor="middle">juin 2026</text>', 'text-anchor="end">8,5</text>', '"tones":{"healthy":"Sain","warning":"Alerte","critical":"Critique"}'],
    search: {
      page: ['placeholder="Rechercher…"', '>Score décroissant</option>', '>La recherche nécessite JavaScript.</strong>'],
      messages: { 'search.summary.countFor': { one: '{count} résultat pour « {query} »', many: '{count} de résultats pour « {query} »', other: '{count} résultats pour « {query} »' }, 'search.facet.type': 'Type', 'search.meta.progress': 'avancement' },
      types: ['Objectif', 'KPI', 'Équipe', 'Personne', 'Rétrospective'],
      indexed: ['Objectif', 'En bonne voie'],
    },
    sparkline: /<svg class="sparkline" role="img" aria-label="[^"]+8,7\spts[^"]+9,3\spts[^"]+"/,
  },
  {
    locale: 'es',
    labels: ['Saltar al contenido', '>Resumen<', 'Lo importante en Q3 2026', 'Objetivos de la empresa', 'Cifras a 16 ago 2026'],
    objectiveLabels: ['>Resultados clave</h2>', '<dt>Contribuye a</dt>', '<span class="visually-hidden">Avance: </span>'],
    score: /class="score score-\w+"[^>]*>(?:<span[^>]*>[^<]*<\/span>)?\d,\d\d</,
    percent: /\d+\u00a0%<\/span><\/div>/,
    retroLabels: ['>Retrospectiva · Q3 2026</p>', '>Toda la empresa</li>'],
    kpiTeamLabels: ['<h1>KPI de Support</h1>', 'Bajo seguimiento de <a', 'aria-label="Filtrar KPI"'],
    feedSummary: 'Retrospectiva de toda la empresa, Q3 2026.',
    tvLabels: ['>Volver al portal</a>', 'data-title="Empresa"', '>Siguiente</button>', 'data-position="{position} de {count}: {title}"'],
    chartLabels: ['role="img" aria-label="Gráfico de líneas de Customer satisfaction: ', '<ul class="legend" aria-label="Leyenda">', '</svg>Real</li>', '(zona saludable)</li>', 'text-anchor="middle">jun 2026</text>', 'text-anchor="end">8,5</text>', '"tones":{"healthy":"Saludable","warning":"Alerta","critical":"Crítico"}'],
    search: {
      page: ['placeholder="Buscar…"', '>Puntuación, de mayor a menor</option>', '>La búsqueda necesita JavaScript.</strong>'],
      messages: { 'search.summary.countFor': { one: '{count} resultado para «{query}»', many: '{count} de resultados para «{query}»', other: '{count} resultados para «{query}»' }, 'search.facet.type': 'Tipo', 'search.meta.progress': 'avance' },
      types: ['Objetivo', 'KPI', 'Equipo', 'Persona', 'Retrospectiva'],
      indexed: ['Objetivo', 'En camino'],
    },
    sparkline: /<svg class="sparkline" role="img" aria-label="[^"]+8,7\spts[^"]+9,3\spts[^"]+"/,
  },
] as const;

/** The search island's `data-i18n`: what its script shows, in the portal's language. */
function searchWords(html: string): { locale: string; messages: Record<string, unknown>; order: Record<string, string[]> } {
  const attribute = /<okr-search[^>]* data-i18n="([^"]*)"/.exec(html)?.[1];
  expect(attribute).toBeDefined();
  return JSON.parse(attribute!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/**
 * The suite for each of `locales`: a build of the basic fixture in that language, and what it
 * must show. German and Norwegian run in `npm test` (test/integration/locales.test.ts); French
 * and Spanish, the same code with other catalogs, in the long checks (test/long/locales.test.ts).
 */
export function describeLocales(locales: readonly (typeof CASES)[number]['locale'][]): void {
  describe.each(CASES.filter((c) => locales.includes(c.locale)))('a portal in $locale', ({ locale, labels, objectiveLabels, score, percent, retroLabels, kpiTeamLabels, feedSummary, tvLabels, chartLabels, sparkline, search }) => {
    let site: BuiltSite;
    beforeAll(() => {
      site = buildSite(contentIn(locale), ENV);
      expect(site.status, site.output).toBe(0);
    });

    test('declares its language', () => {
      expect(site.read('index.html')).toContain(`<html lang="${locale}">`);
      expect(site.read(OBJECTIVE)).toContain(`<html lang="${locale}">`);
      expect(site.read('tv/index.html')).toContain(`<html lang="${locale}">`);
    });

    test('shows the TV view and its controls in its language', () => {
      const tv = site.read('tv/index.html');
      for (const label of tvLabels) expect(tv).toContain(label);
      expect(tv).not.toContain('Back to the portal');
    });

    test('shows the chrome in its language', () => {
      const home = site.read('index.html');
      for (const label of labels) expect(home).toContain(label);
      const objective = site.read(OBJECTIVE);
      for (const label of objectiveLabels) expect(objective).toContain(label);
      expect(home).not.toContain('Skip to content');
      expect(objective).not.toContain('Key results</h2>');
    });

    test('shows retrospectives, KPI lists and feed entries in its language', () => {
      const retro = site.read('retrospectives/2026-q3/index.html');
      for (const label of retroLabels) expect(retro).toContain(label);
      expect(retro).not.toContain('>Retrospective · ');
      const kpiTeam = site.read('kpi-teams/support/index.html');
      for (const label of kpiTeamLabels) expect(kpiTeam).toContain(label);
      expect(site.json<{ items: { content_text: string }[] }>('feed.json').items.map((item) => item.content_text)).toContain(feedSummary);
    });

    test('draws charts in its language: name, legend, month and value ticks, tooltip words, sparklines', () => {
      const kpi = site.read('kpis/support/csat/index.html');
      for (const label of chartLabels) expect(kpi).toContain(label);
      expect(kpi).not.toContain('>Actual</li>');
      // The unit once, as the axis title, never on a tick.
      expect(kpi).toContain('<text class="unit" x="0" dx="-40" y="0" dy="-9">pts</text>');
      expect(kpi).not.toMatch(/<text class="tick[^"]*"[^>]*>[^<]*pts<\/text>/);
      expect(site.read('kpi-teams/support/index.html')).toMatch(sparkline);
    });

    test('writes numbers the way the language does', () => {
      const objective = site.read(OBJECTIVE);
      expect(objective).toMatch(score);
      expect(objective).toMatch(percent);
      // Badges are embedded elsewhere but speak the portal's language too: `67 %`.
      expect(site.read('badges/objectives/2026-q3/support-efficiency.svg')).toMatch(/>\d+\u00a0%<\/text>/);
    });

    test('gives the search island its texts, plural forms and facet order in its language', () => {
      const page = site.read('search/index.html');
      for (const label of search.page) expect(page).toContain(label);
      const words = searchWords(page);
      expect(words.locale).toBe(locale);
      expect(words.messages).toMatchObject(search.messages);
      expect(words.order['type']).toEqual(search.types);
      expect(JSON.stringify(words)).not.toMatch(/results for|Objective|Type a search/);
    });

    test('indexes facet values in its language', () => {
      const filters = readDist(site.outDir).filter((file) => file.path.startsWith('pagefind/filter/'));
      expect(filters.length).toBeGreaterThan(0);
      const text = Buffer.concat(filters.map((file) => file.bytes)).toString('utf8');
      for (const value of search.indexed) expect(text).toContain(value);
      expect(text).not.toContain('On track');
    });

    test('indexes the search in its language, and the feeds say so', () => {
      const entry = site.json<{ languages: Record<string, unknown> }>('pagefind/pagefind-entry.json');
      expect(Object.keys(entry.languages)).toEqual([locale]);
      expect(site.read('rss.xml')).toContain(`<language>${locale}</language>`);
      expect(site.json<{ language: string }>('feed.json').language).toBe(locale);
    });
  });
}
