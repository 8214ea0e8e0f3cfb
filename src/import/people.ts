import { directoryEntries, slugify, type DirectoryEntry } from '../authoring/new.ts';

/** Someone a source names who is not in people.yaml yet; added for a person to review. */
export interface NewPerson {
  id: string;
  name: string;
  team: string;
  /** The source file that first named them. */
  source: string;
}

/**
 * Matches the names ADRs and postmortems use ("Jane Doe", "jdoe", "@jdoe") to people.yaml
 * by id, name or GitHub login, and collects the ones it does not know as new people.
 */
export class PeopleResolver {
  readonly added: NewPerson[] = [];
  readonly #known: DirectoryEntry[];
  readonly #team: string | undefined;

  constructor(into: string, owner: string | undefined) {
    this.#known = directoryEntries(into, 'people.yaml');
    const teams = directoryEntries(into, 'teams.yaml');
    this.#team = this.#known.find((p) => p.id === owner)?.team ?? teams[0]?.id;
  }

  /** The team new people are put in until someone reviews them: the owner's, else the first team. */
  get team(): string | undefined {
    return this.#team;
  }

  has(id: string): boolean {
    return this.#known.some((p) => p.id === id) || this.added.some((p) => p.id === id);
  }

  /** The person id for a name, adding a new person when nobody matches. */
  resolve(name: string, source: string): string | undefined {
    const wanted = name.trim().replace(/^@/, '');
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
