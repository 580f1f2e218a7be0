/**
 * Content collections. Every collection is loaded by the portal's own pipeline
 * (src/loader), which validates all files in one pass and filters them by audience.
 */
import { defineCollection } from 'astro:content';
import { portalLoader, settingsLoader } from './loader/collection-loader.ts';

export const collections = {
  portal: defineCollection({ loader: settingsLoader() }),
  teams: defineCollection({ loader: portalLoader('teams') }),
  people: defineCollection({ loader: portalLoader('people') }),
  objectives: defineCollection({ loader: portalLoader('objectives') }),
  kpis: defineCollection({ loader: portalLoader('kpis') }),
  retrospectives: defineCollection({ loader: portalLoader('retrospectives') }),
};
