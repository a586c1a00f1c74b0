import { z } from 'zod';
import { PersonnummerSchema } from './personnummer';

export const TeamSchema = z.object({ id: z.string(), name: z.string() });
export type Team = z.infer<typeof TeamSchema>;

export const OfficerRoleSchema = z.enum(['officer', 'teamLead']);

export const OfficerSchema = z.object({
  personnummer: PersonnummerSchema,
  givenName: z.string(),
  surname: z.string(),
  teamId: z.string(),
  role: OfficerRoleSchema,
  /** Work e-mail, where the staff list gives one (an imported staff.csv must). */
  email: z.email().optional(),
});
export type Officer = z.infer<typeof OfficerSchema>;
