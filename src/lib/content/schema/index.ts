/** The one place for content schemas: each collection's frontmatter, as in the content contract. */
export * from './common.ts';
export * from './portal-settings.ts';
export * from './branding.ts';
export * from './team.ts';
export * from './person.ts';
export * from './objective.ts';
export * from './kpi.ts';
export * from './retrospective.ts';
