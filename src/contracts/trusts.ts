import { z } from 'zod';
import { nations, organisationLimits } from './organisations.ts';

/** What an operator gives to create a trust (`pathways trust create`): its name, nation, and optionally its first admin. */
export const TrustInput = z
  .object({
    name: z.string().trim().min(1, 'Enter the trust’s name').max(organisationLimits.nameLength, 'The name must be 200 characters or fewer'),
    nation: z
      .enum(nations, { message: 'Choose the nation the trust is in: England, Wales, Scotland or Northern Ireland' })
      .default('England'),
    adminEmail: z
      .string()
      .trim()
      .toLowerCase()
      .email('Enter the admin’s email address like name@trust.org.uk')
      .max(320, 'An email address is 320 characters or fewer')
      .optional(),
  })
  .strict();
export type TrustInput = z.infer<typeof TrustInput>;
