import { z } from 'zod';

/** Request and response contracts of the session API (sign in, who is signed in, sign out). */

export const SignInBody = z.strictObject({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

export const SessionState = z.object({
  signedIn: z.boolean(),
  /** What the sign-in still needs: nothing, or a second factor set up / entered on the MFA pages. */
  secondFactor: z.enum(['none', 'enrol', 'challenge']),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), roles: z.array(z.string()) }).nullable(),
});
export type SessionState = z.infer<typeof SessionState>;
