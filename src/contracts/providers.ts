import { z } from 'zod';
import { organisationLimits } from './organisations.ts';

/**
 * What an operator gives to set up a training provider (`pathways provider create`): its name, its
 * UK Provider Reference Number where known, and optionally its first assessor.
 */
export const ProviderInput = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Enter the training provider’s name')
      .max(organisationLimits.nameLength, 'The name must be 200 characters or fewer'),
    ukprn: z
      .string()
      .trim()
      .regex(/^\d{8}$/, 'A UKPRN is 8 digits, as on the UK Register of Learning Providers')
      .optional(),
    assessorEmail: z
      .string()
      .trim()
      .toLowerCase()
      .email('Enter the assessor’s email address like name@provider.ac.uk')
      .max(320, 'An email address is 320 characters or fewer')
      .optional(),
  })
  .strict();
export type ProviderInput = z.infer<typeof ProviderInput>;
