/**
 * The basic fixture built in French and Spanish: the suite of test/support/locale-suite.ts,
 * which runs for German and Norwegian in `npm test` (test/integration/locales.test.ts). The
 * same code with other catalogs, so these two builds are among the long checks.
 */
import { describeLocales } from '../support/locale-suite.ts';

describeLocales(['fr', 'es']);
