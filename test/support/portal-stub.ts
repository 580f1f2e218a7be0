/**
 * A Portal for unit tests of page parts: a scored model under the base path /okrs/, without
 * Astro's collections.
 */
import type { BuildInputs } from '../../src/lib/content/build-inputs.ts';
import type { PortalModel } from '../../src/lib/model/portal-model.ts';
import { routeUrl } from '../../src/lib/render/urls.ts';
import type { Portal } from '../../src/portal.ts';
import { i18nFor } from '../../src/lib/i18n/index.ts';

/**
 * The portal of a model, with commit links to git.example.org.
 * @example portalStub(buildPortalModel(content, '2026-08-16'), { history })
 */
export function portalStub(model: PortalModel, options: { history?: Portal['history']; audience?: BuildInputs['audience']; timelines?: Map<string, ReturnType<Portal['timelineOf']>> } = {}): Portal {
  return {
    ...model,
    i18n: i18nFor(model.settings.locale),
    history: options.history ?? new Map(),
    inputs: { base: '/okrs/', audience: options.audience ?? 'public' } as BuildInputs,
    url: (route) => routeUrl('/okrs/', route),
    asset: (path) => `/okrs/${path}`,
    absolute: (path) => `https://example.org${path}`,
    editUrl: () => undefined,
    commitUrl: (commit) => `https://git.example.org/commit/${commit}`,
    objectivesOf: (period) => model.objectives.filter((objective) => objective.period === period),
    brandingFiles: () => [],
    brandingPaths: {},
    timelineOf: (period) => options.timelines?.get(period) ?? { period, dates: [], weeks: [], standings: new Map() },
    standingsOf: ({ id, period }) => options.timelines?.get(period)?.standings.get(id) ?? [],
    snapshotOf: () => {
      throw new Error('portalStub: no snapshots');
    },
  };
}
