import { z } from 'zod';
import { PersonnummerSchema } from './personnummer';

export const AddressSchema = z.object({
  street: z.string(),
  postalCode: z.string().regex(/^\d{3} ?\d{2}$/),
  city: z.string(),
});
export type Address = z.infer<typeof AddressSchema>;

/**
 * A person as the population register gives them (modelled on SPAR's person answer).
 * `protectedIdentity` persons have `address: null`: the service never shows, logs or sends their address.
 */
export const PersonSchema = z.object({
  personnummer: PersonnummerSchema,
  givenName: z.string(),
  surname: z.string(),
  address: AddressSchema.nullable(),
  protectedIdentity: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

export function fullName(person: Pick<Person, 'givenName' | 'surname'>): string {
  return `${person.givenName} ${person.surname}`;
}

/** What the signed-in person sees of themself: never the personnummer in full beyond their own view. */
export const MeSchema = z.object({
  name: z.string(),
  givenName: z.string(),
  surname: z.string(),
  personnummer: z.string(),
  address: AddressSchema.nullable(),
  protectedIdentity: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;
