/**
 * The frame of every page: site header with search and main navigation, footer, and
 * breadcrumbs. Header and footer are the same on every page but for the current section,
 * so they are built once per build and section (BaseLayout renders thousands of pages).
 * Styles of header and footer stay in BaseLayout.astro (global, by root class), those of
 * the breadcrumbs in styles/parts.css.
 */
import { html, type Html } from '../../lib/render/html.ts';
import { periodLabel } from '../../lib/calendar/period.ts';
import type { Portal } from '../../portal.ts';
import type { I18n } from '../../lib/i18n/index.ts';

/** The portal's own mark, shown when portal.yaml names no logo. */
const BRAND_MARK = html`<svg aria-hidden="true" width="26" height="26" viewBox="0 0 32 32"><circle cx="16" cy="16" r="14" fill="none" stroke="currentColor" stroke-width="3"></circle><circle cx="16" cy="16" r="8" fill="none" stroke="currentColor" stroke-width="3"></circle><circle cx="16" cy="16" r="2.5" fill="currentColor"></circle></svg>`;

/**
 * Which main navigation item is current. `periods` is the tab of the current period (it is
 * labelled and linked as that period), so only that period's pages mark it (`periodSection`).
 */
export type Section = 'home' | 'periods' | 'alignment' | 'teams' | 'kpis' | 'retrospectives' | 'search';

const frames = new WeakMap<Portal, Map<string, Html>>();

/** A part of the frame, built once per portal and key. */
function once(portal: Portal, key: string, build: () => Html): Html {
  let built = frames.get(portal);
  if (!built) frames.set(portal, (built = new Map()));
  let part = built.get(key);
  if (!part) built.set(key, (part = build()));
  return part;
}

/**
 * The site header: brand, search box and main navigation with the current section marked.
 * @example siteHeader(portal, 'kpis')
 */
export function siteHeader(portal: Portal, section: Section | undefined): Html {
  return once(portal, `header:${section ?? ''}`, () => {
    const { t } = portal.i18n;
    const nav = [
      { key: 'home', label: t('nav.overview'), href: portal.url({ kind: 'home' }) },
      { key: 'periods', label: periodLabel(portal.currentPeriod), href: portal.url({ kind: 'period', period: portal.currentPeriod }) },
      { key: 'alignment', label: t('nav.alignment'), href: portal.url({ kind: 'alignment', period: portal.currentPeriod }) },
      { key: 'teams', label: t('nav.teams'), href: portal.url({ kind: 'teams' }) },
      { key: 'kpis', label: t('nav.kpis'), href: portal.url({ kind: 'kpis' }) },
      { key: 'retrospectives', label: t('nav.retros'), href: portal.url({ kind: 'retrospectives' }) },
      { key: 'search', label: t('search.title'), href: portal.url({ kind: 'search' }) },
    ];
    const organization = portal.settings.organization;
    const logo = portal.brandingPaths.logo;
    return html`<header class="site-header"><div class="container header-inner"><a class="brand" href="${portal.url({ kind: 'home' })}">${logo ? html`<img src="${portal.asset(logo)}" alt="" height="26">` : BRAND_MARK}<span>${portal.settings.name}</span>${
      organization && html`<span class="brand-org">${organization}</span>`
    }</a><form class="header-search" action="${portal.url({ kind: 'search' })}" method="get" role="search" aria-label="${t('search.site')}"><label class="visually-hidden" for="site-search">${t('search.label')}</label><input id="site-search" type="search" name="q" placeholder="${t('search.placeholder')}" autocomplete="off"><button type="submit">${t('search.submit')}</button></form><nav class="main-nav" aria-label="${t('nav.main')}"><ul>${nav.map(
      (item) => html`<li><a href="${item.href}"${section === item.key ? html` aria-current="page"` : ''}>${item.label}</a></li>`,
    )}</ul></nav></div></header>`;
  });
}

/**
 * The navigation section of a period's pages: the current period's tab on the pages of the
 * current period, none on past or upcoming periods (the tab is labelled with the current one,
 * so marking it on Q2's report would say the reader is in Q4).
 * @example periodSection(portal, '2026-Q2') // undefined when Q4 2026 is current
 */
export function periodSection(portal: Pick<Portal, 'currentPeriod'>, period: string): Section | undefined {
  return period === portal.currentPeriod ? 'periods' : undefined;
}

/**
 * The site footer: as-of date, audience of non-public builds, and links to people, periods,
 * the TV view, exports and the feed.
 * @example siteFooter(portal)
 */
export function siteFooter(portal: Portal): Html {
  return once(portal, 'footer', () => {
    const { t, format } = portal.i18n;
    const audience = portal.inputs.audience !== 'public' && html` · <strong>${t('footer.audienceBuild', { audience: portal.inputs.audience })}</strong>`;
    return html`<footer class="site-footer"><div class="container footer-inner"><p>${t('footer.asOf', { date: format.date(portal.asOf) })}${audience}</p><ul class="footer-links"><li><a href="${portal.url({ kind: 'people' })}">${t('footer.people')}</a></li><li><a href="${portal.url({ kind: 'periods' })}">${t('footer.allPeriods')}</a></li><li><a href="${portal.asset('tv/')}">${t('footer.tv')}</a></li><li><a href="${portal.url({ kind: 'api', file: 'objectives.json' })}">JSON</a> · <a href="${portal.url({ kind: 'api', file: 'objectives.csv' })}">CSV</a> ${t('footer.export')}</li>${portal.inputs.site && html`<li><a href="${portal.url({ kind: 'rss' })}">RSS</a></li>`}${(portal.settings.branding?.footer_links ?? []).map((link) => html`<li><a href="${link.url}" rel="noopener noreferrer">${link.label}</a></li>`)}</ul><p class="muted">${t('footer.builtWith')}</p></div></footer>`;
  });
}

/**
 * Breadcrumbs: links, then the current page (aria-current).
 * @example breadcrumbs([{ label: 'Teams', href: '/teams/' }, { label: 'Support' }], portal.i18n)
 */
export function breadcrumbs(crumbs: readonly { label: string; href?: string | undefined }[], { t }: Pick<I18n, 't'>): Html {
  const items = crumbs.map((crumb, index) => {
    const last = index === crumbs.length - 1;
    return html`<li>${crumb.href && !last ? html`<a href="${crumb.href}">${crumb.label}</a>` : html`<span${last ? html` aria-current="page"` : ''}>${crumb.label}</span>`}</li>`;
  });
  return html`<nav class="crumbs" aria-label="${t('nav.breadcrumb')}"><ol>${items}</ol></nav>`;
}
