import { z } from 'astro/zod';
import { kebabId } from './common.ts';

export const personSchema = z.strictObject({
  id: kebabId.describe('Kebab-case id used by owner, deciders, actions and the other person fields.'),
  name: z.string().min(1).describe('Full name as shown on the site.'),
  team: kebabId.describe('The id of the team in teams.yaml this person belongs to.'),
  github: z.string().regex(/^[A-Za-z0-9-]+$/).optional().describe('GitHub user name, used for edit links and CODEOWNERS.'),
});

export const teamSchema = z.strictObject({
  id: kebabId.describe('Kebab-case id used by `team` fields and people.yaml.'),
  name: z.string().min(1).describe('Team name as shown on the site.'),
  lead: kebabId.optional().describe('The person id of the team lead.'),
});

export const peopleSchema = z.array(personSchema);
export const teamsSchema = z.array(teamSchema);

export type Person = z.infer<typeof personSchema>;
export type Team = z.infer<typeof teamSchema>;
