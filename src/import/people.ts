import { slugify, type DirectoryEntry } from '../authoring/new.ts';
import { isObject } from '../rules/context.ts';

/** Someone a source names who is not in people.yaml yet; added for a person to review. */
export interface NewPerson {
  id: string;
  name: string;
  team: string;
  /** The source file that first named them. */
  source: string;
}

/**
 * Names that stand for a group, not a person: "all", "everyone in platform", "the payments
 * team", and any team teams.yaml knows by id or name. A group is never made a person.
 */
const GROUP =
  /^(?:all|everyone|everybody|nobody|none|n\/?a|tbd|the team|whole team)$|^(?:all|everyone|everybody)\b|\b(?:team|teams|squad|guild|chapter|tribe|department|organi[sz]ation|group|committee)$/i;

const entries = (items: readonly unknown[]): DirectoryEntry[] => items.filter((item): item is DirectoryEntry => isObject(item) && typeof item['id'] === 'string');

/**
 * Matches the names ADRs and postmortems use ("Jane Doe", "jdoe", "@jdoe") to people.yaml
 * by id, name or GitHub login, and collects the ones it does not know as new people.
 */
export class PeopleResolver {
  readonly added: NewPerson[] = [];
  readonly #known: DirectoryEntry[];
  readonly #teams: DirectoryEntry[];
  readonly #team: string | undefined;

  constructor(people: readonly unknown[], teams: readonly unknown[], owner: string | undefined) {
    this.#known = entries(people);
    this.#teams = entries(teams);
    this.#team = this.#known.find((p) => p.id === owner)?.team ?? this.#teams[0]?.id;
  }

  has(id: string): boolean {
    return this.#known.some((p) => p.id === id) || this.added.some((p) => p.id === id);
  }

  /** True when a name stands for a group of people rather than one person. */
  isGroup(name: string): boolean {
    const lower = name.trim().toLowerCase();
    return GROUP.test(lower) || this.#teams.some((t) => t.id === lower || t.name?.toLowerCase() === lower || slugify(name) === t.id);
  }

  /** The person id for a name, adding a new person when nobody matches; undefined for a group. */
  resolve(name: string, source: string): string | undefined {
    const wanted = name.trim().replace(/^@/, '');
    if (this.isGroup(wanted)) return undefined;
    const lower = wanted.toLowerCase();
    const match = this.#known.find((p) => p.id === lower || p.name?.toLowerCase() === lower || p.github?.toLowerCase() === lower);
    if (match !== undefined) return match.id;
    const id = slugify(wanted);
    if (id === '') return undefined;
    const added = this.added.find((p) => p.id === id);
    if (added !== undefined) return added.id;
    this.added.push({ id, name: wanted, team: this.#team ?? 'imported', source });
    return id;
  }
}
