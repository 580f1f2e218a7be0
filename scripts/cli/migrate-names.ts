/**
 * Team and person ids for the names of an export (`okr migrate`): the map file's, else an entry
 * of the content folder with that id or name, else a new file, with a warning. One place for
 * every format, so a name resolves the same from a spreadsheet, Tability, Asana or okr2go.
 */
import type { ContentSet } from '../../src/lib/content/content-set.ts';
import { entryText, slugify } from './entry-templates.ts';
import type { NameMapping } from './migrate-plan.ts';

/**
 * Team and person ids for the export's names: the map file's, else an entry of the content
 * folder with that id or name, else a new file (with a warning) in `changes`.
 * @example const { teamOf } = nameResolver(loaded.all, map, changes, warnings); teamOf('Customer Success') // 'customer-success'
 */
export function nameResolver(existing: ContentSet, mapping: NameMapping | undefined, changes: Map<string, string>, warnings: string[]): { teamOf(name: string): string; personOf(owner: string, team: string): string } {
  const teamIds = resolveNames(existing.teams.map((team) => ({ id: team.id, name: team.data.name })));
  const personIds = resolveNames(existing.people.map((person) => ({ id: person.id, name: person.data.name })));
  // Every file a migration writes states its audience (issue 18, class 11), as okr new does:
  // the folder's default, written out, so that changing portal.yaml later changes nothing here.
  const visibility = existing.settings.default_visibility;
  const teamOf = (name: string): string => {
    const known = mapping?.teams.get(name.toLowerCase()) ?? teamIds.get(name.toLowerCase()) ?? teamIds.get(slugify(name));
    if (known) return known;
    const id = slugify(name) || 'team';
    teamIds.set(name.toLowerCase(), id);
    changes.set(`teams/${id}.md`, entryText({ name, visibility }, ''));
    warnings.push(`new team ${id} ("${name}"): teams/${id}.md; add parent: to place it in the org chart, or map "${name}" to a team in the map file`);
    return id;
  };
  const personOf = (owner: string, team: string): string => {
    const name = owner.includes('@') ? nameFromEmail(owner) : owner;
    const known = mapping?.people.get(owner.toLowerCase()) ?? personIds.get(owner.toLowerCase()) ?? personIds.get(name.toLowerCase()) ?? personIds.get(slugify(name));
    if (known) return known;
    const id = slugify(name) || 'person';
    personIds.set(owner.toLowerCase(), id);
    changes.set(`people/${id}.md`, entryText({ name, team, visibility }, ''));
    warnings.push(`new person ${id} ("${name}"): people/${id}.md`);
    return id;
  };
  return { teamOf, personOf };
}

/** Ids by lower-case id and lower-case name. */
function resolveNames(entries: readonly { id: string; name: string }[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const { id, name } of entries) {
    ids.set(id, id);
    ids.set(name.toLowerCase(), id);
  }
  return ids;
}

/** "maria.lopez@acme.example" gives "Maria Lopez". */
function nameFromEmail(email: string): string {
  return email
    .slice(0, email.indexOf('@'))
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}
