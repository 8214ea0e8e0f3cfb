import { isActionOpen } from '../model/concepts.ts';
import { KIND_LABELS, personRef, plural, teamRef, type Directory, type Named } from './labels.ts';

interface Member {
  id: string;
  team: string;
}

interface Owned {
  collection: string;
  team: string | undefined;
  data: { owner: string };
}

interface Held {
  owner: string;
  status: string;
  overdue: boolean;
}

export interface PersonSummary {
  person: Named;
  lead: boolean;
  /** "owns 3 records, 1 open action". */
  holds: string;
}

export interface TeamSummary {
  team: Named;
  lead: Named | undefined;
  members: PersonSummary[];
  /** "4 outcomes, 2 decisions": what the team's records are. */
  owns: string;
  openActions: number;
  overdueActions: number;
}

/**
 * Every team with its lead, its people and what it holds: records filed under the team
 * (its own or its owners'), and the follow-up actions its people hold.
 */
export function teamSummaries(
  teams: readonly { id: string; lead?: string | undefined }[],
  people: readonly Member[],
  records: readonly Owned[],
  actions: readonly Held[],
  directory: Directory,
): TeamSummary[] {
  return teams.map((team) => {
    const members = people.filter((p) => p.team === team.id);
    const ids = new Set(members.map((p) => p.id));
    const mine = records.filter((r) => r.team === team.id);
    const held = actions.filter((a) => ids.has(a.owner));
    const kinds = Object.keys(KIND_LABELS)
      .map((collection) => [collection, mine.filter((r) => r.collection === collection).length] as const)
      .filter(([, n]) => n > 0)
      .map(([collection, n]) => plural(n, KIND_LABELS[collection]!.one.toLowerCase(), KIND_LABELS[collection]!.many.toLowerCase()));
    return {
      team: teamRef(directory, team.id),
      lead: team.lead === undefined ? undefined : personRef(directory, team.lead),
      members: members.map((p) => {
        const owns = records.filter((r) => r.data.owner === p.id).length;
        const open = actions.filter((a) => a.owner === p.id && isActionOpen(a)).length;
        return { person: personRef(directory, p.id), lead: team.lead === p.id, holds: `owns ${plural(owns, 'record')}, ${plural(open, 'open action')}` };
      }),
      owns: kinds.length === 0 ? 'No published records.' : `${kinds.join(', ')}.`,
      openActions: held.filter(isActionOpen).length,
      overdueActions: held.filter((a) => a.overdue).length,
    };
  });
}
