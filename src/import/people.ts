import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { slugify } from '../authoring/new.ts';

interface Known {
  id: string;
  name?: string;
  team?: string;
  github?: string;
}

/** Someone a source names who is not in people.yaml yet; added for a person to review. */
export interface NewPerson {
  id: string;
  name: string;
  team: string;
  /** The source file that first named them. */
  source: string;
}

function readList(path: string): Known[] {
  if (!existsSync(path)) return [];
  try {
    const data: unknown = parse(readFileSync(path, 'utf8'), { version: '1.2' });
    return Array.isArray(data) ? data.filter((p): p is Known => typeof p === 'object' && p !== null && typeof (p as Known).id === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Matches the names ADRs and postmortems use ("Jane Doe", "jdoe", "@jdoe") to people.yaml
 * by id, name or GitHub login, and collects the ones it does not know as new people.
 */
export class PeopleResolver {
  readonly added: NewPerson[] = [];
  readonly #known: Known[];
  readonly #team: string | undefined;

  constructor(into: string, owner: string | undefined) {
    this.#known = readList(join(into, 'people.yaml'));
    const teams = readList(join(into, 'teams.yaml'));
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
