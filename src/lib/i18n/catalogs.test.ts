import { describe, expect, test } from 'vitest';
import { en } from './catalogs/en.ts';
import { CATALOGS, i18nFor, resolveLocale, type Catalog, type Message } from './index.ts';
import { placeholdersOf } from './messages.ts';

/** What is wrong with a catalog against the English one, as lines; empty when nothing is. */
function catalogProblems(language: string, catalog: Readonly<Record<string, Message>>): string[] {
  const problems: string[] = [];
  const source: Readonly<Record<string, Message>> = en;
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(catalog, key)) {
      problems.push(`${language}: ${key}: missing`);
      continue;
    }
    const message = catalog[key]!;
    const expected = placeholdersOf(source[key]!).join(', ');
    const actual = placeholdersOf(message).join(', ');
    if (actual !== expected) problems.push(`${language}: ${key}: placeholders {${actual}}, English has {${expected}}`);
    if (typeof source[key] !== typeof message) problems.push(`${language}: ${key}: ${typeof message === 'string' ? 'no plural forms' : 'plural forms'}, unlike English`);
    if (typeof message !== 'string') {
      const forms = Object.keys(message).sort();
      const needed = [...categories].sort();
      if (forms.join() !== needed.join()) problems.push(`${language}: ${key}: plural forms ${forms.join('/')}, the language has ${needed.join('/')}`);
    }
  }
  for (const key of Object.keys(catalog)) if (!Object.hasOwn(source, key)) problems.push(`${language}: ${key}: not in English`);
  return problems;
}

describe('catalogs', () => {
  test.each(Object.entries(CATALOGS))('%s has the keys, placeholders and plural forms of English', (language, catalog) => {
    expect(catalogProblems(language, catalog)).toEqual([]);
  });

  test('the check finds a missing key, an extra key, a changed placeholder and missing plural forms', () => {
    const { 'nav.teams': _, ...rest } = CATALOGS['de']!;
    const broken = { ...rest, 'nav.team': 'Team', 'footer.asOf': 'Stand: {datum}', 'home.daysLeft': { other: 'noch {count} Tage' } } as unknown as Catalog;
    expect(catalogProblems('de', broken)).toEqual([
      'de: nav.teams: missing',
      'de: footer.asOf: placeholders {datum}, English has {date}',
      'de: home.daysLeft: plural forms other, the language has one/other',
      'de: nav.team: not in English',
    ]);
  });
});

describe('t', () => {
  test('fills placeholders and picks plural forms by Intl.PluralRules', () => {
    expect(i18nFor('en').t('home.daysLeft', { count: 1 })).toBe('1 day left');
    expect(i18nFor('en').t('home.daysLeft', { count: 12 })).toBe('12 days left');
    expect(i18nFor('de').t('kpi.noUpdate', { count: 12 })).toBe('seit 12 Tagen nicht aktualisiert');
    expect(i18nFor('nb').t('home.daysLeft', { count: 1 })).toBe('1 dag igjen');
    expect(i18nFor('fr').t('home.daysLeft', { count: 0 })).toBe('encore 0 jour');
    expect(i18nFor('de').t('home.allObjectives', { count: 1250 })).toBe('Alle 1.250 Ziele →');
    expect(i18nFor('en').t('footer.asOf', { date: '16 Aug 2026' })).toBe('Figures as of 16 Aug 2026');
  });

  test('labels of content values, spelled out when the catalog has none', () => {
    expect(i18nFor('de').label('status', 'at-risk')).toBe('Gefährdet');
    expect(i18nFor('en').label('status', 'off-track')).toBe('Off track');
    expect(i18nFor('de').label('status', 'some-new-status')).toBe('Some new status');
  });
});

describe('resolveLocale', () => {
  test.each([
    ['en', 'en', 'en'],
    ['de', 'de', 'de'],
    ['de-ch', 'de-CH', 'de'],
    ['nb-NO', 'nb-NO', 'nb'],
    ['no', 'no', 'nb'],
    ['fr-CA', 'fr-CA', 'fr'],
    ['es-419', 'es-419', 'es'],
  ])('%s is served by its language', (tag, lang, language) => {
    expect(resolveLocale(tag)).toMatchObject({ lang, language });
  });

  test.each(['xx', 'klingon', 'de_DE', '', 'ar'])('%s is not a shipped locale', (tag) => {
    expect(resolveLocale(tag)).toBeUndefined();
  });

  test('direction and Intl locale', () => {
    expect(i18nFor('en')).toMatchObject({ lang: 'en', dir: 'ltr', intlLocale: 'en-GB' });
    expect(i18nFor('en-US')).toMatchObject({ lang: 'en-US', intlLocale: 'en-US' });
    expect(i18nFor('de')).toMatchObject({ lang: 'de', dir: 'ltr', intlLocale: 'de' });
  });
});

describe('formats', () => {
  test('numbers, percentages, scores and dates in the locale', () => {
    const de = i18nFor('de').format;
    const nb = i18nFor('nb').format;
    expect(de.value(24000, 'EUR')).toBe('24.000\u00a0€');
    expect(de.value(8.45, '%')).toBe('8,45\u00a0%');
    expect(de.percent(0.666)).toBe('67\u00a0%');
    expect(de.score(0.7)).toBe('0,70');
    expect(de.date('2026-08-16')).toBe('16. Aug. 2026');
    expect(nb.date('2026-08-16')).toBe('16. aug. 2026');
    expect(de.dateRange('2026-10-01', '2026-12-31')).toBe('1. Okt.\u2009–\u200931. Dez. 2026');
    expect(de.relativeDays(-12)).toBe('vor 12 Tagen');
    expect(de.list(['A', 'B', 'C'])).toBe('A, B und C');
    expect(de.value(1, 'Tickets'), 'units in other languages stay as written').toBe('1 Tickets');
  });

  test('English keeps the formats of before', () => {
    const en = i18nFor('en').format;
    expect(en.value(24000, 'EUR')).toBe('€24,000');
    expect(en.percent(0.666)).toBe('67%');
    expect(en.percent(-0.001)).toBe('0%');
    expect(en.score(0.7)).toBe('0.70');
    expect(en.date('2026-08-16')).toBe('16 Aug 2026');
    expect(en.shortDate('2026-08-16')).toBe('16 Aug');
    expect(en.delta(-0.4, '%')).toBe('−0.4%');
  });
});
