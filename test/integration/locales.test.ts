/**
 * The basic fixture built in German and Norwegian (portal.yaml `locale`): `<html lang>`,
 * translated chrome, numbers and dates in the locale, Pagefind's language and the feeds'
 * language (test/support/locale-suite.ts; French and Spanish in test/long/locales.test.ts);
 * and an unknown locale stops the build at `portal.yaml: locale`.
 */
import { expect, test } from 'vitest';
import { buildSite } from '../support/build-site.ts';
import { contentIn, describeLocales, ENV } from '../support/locale-suite.ts';

describeLocales(['de', 'nb']);

test('an unknown locale stops the build at portal.yaml: locale', () => {
  const site = buildSite(contentIn('tlh'), ENV);
  expect(site.status).not.toBe(0);
  expect(site.output).toContain('portal.yaml:4:9: locale: unknown locale "tlh"');
});
