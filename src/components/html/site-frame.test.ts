import { describe, expect, test } from 'vitest';
import { i18nFor } from '../../lib/i18n/index.ts';
import type { BuildInputs } from '../../lib/content/build-inputs.ts';
import { loadContentSet } from '../../lib/content/load-content.ts';
import { buildPortalModel } from '../../lib/model/portal-model.ts';
import type { Portal } from '../../portal.ts';
import { portalStub } from '../../../test/support/portal-stub.ts';
import { breadcrumbs, periodSection, siteFooter, siteHeader } from './site-frame.ts';

function portalOf(audience: BuildInputs['audience']): Portal {
  const { content } = loadContentSet([{ path: 'portal.yaml', displayPath: 'content/portal.yaml', text: 'name: Acme <OKRs>\norganization: Acme & Co\n' }]);
  return portalStub(buildPortalModel(content, '2026-08-16'), { audience });
}

describe('siteHeader', () => {
  const portal = portalOf('public');

  test('brand, search form and navigation under the base path, names escaped', () => {
    const header = siteHeader(portal, undefined).value;
    expect(header).toContain('<a class="brand" href="/okrs/">');
    expect(header).toContain('<span>Acme &lt;OKRs&gt;</span><span class="brand-org">Acme &amp; Co</span>');
    expect(header).toContain('<form class="header-search" action="/okrs/search/" method="get" role="search" aria-label="Site">');
    expect(header).toContain('<li><a href="/okrs/periods/2026-Q3/">Q3 2026</a></li>');
    expect(header).not.toContain('aria-current');
  });

  test('marks the current section, and builds each variant once per portal', () => {
    const kpis = siteHeader(portal, 'kpis');
    expect(kpis.value).toContain('<li><a href="/okrs/kpis/" aria-current="page">KPIs</a></li>');
    expect(kpis.value.match(/aria-current/g)).toHaveLength(1);
    expect(siteHeader(portal, 'kpis')).toBe(kpis);
    expect(siteHeader(portalOf('public'), 'kpis')).not.toBe(kpis);
  });

  test('has a Search tab, marked on the search page', () => {
    expect(siteHeader(portal, undefined).value).toContain('<li><a href="/okrs/search/">Search</a></li>');
    expect(siteHeader(portal, 'search').value).toContain('<li><a href="/okrs/search/" aria-current="page">Search</a></li>');
  });
});

describe('periodSection', () => {
  test.each([
    ['2026-Q3', 'periods'],
    ['2026-Q2', undefined],
    ['2026-Q4', undefined],
  ])('a page of %s marks %s (Q3 2026 is current)', (period, section) => {
    expect(periodSection({ currentPeriod: '2026-Q3' }, period)).toBe(section);
  });
});

describe('siteFooter', () => {
  test('says when a build is not public', () => {
    expect(siteFooter(portalOf('public')).value).toContain('<p>Figures as of 16 Aug 2026</p>');
    expect(siteFooter(portalOf('internal')).value).toContain('<p>Figures as of 16 Aug 2026 · <strong>internal build</strong></p>');
  });
});

describe('breadcrumbs', () => {
  test('links all but the last crumb, which is the current page', () => {
    expect(breadcrumbs([{ label: 'Teams', href: '/okrs/teams/' }, { label: 'R&D' }, { label: 'Support', href: '/okrs/teams/support/' }], i18nFor('en')).value).toBe(
      '<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/okrs/teams/">Teams</a></li><li><span>R&amp;D</span></li><li><span aria-current="page">Support</span></li></ol></nav>',
    );
  });
});
