import { z } from 'zod';
import { paramsOf, renderPage, type SignedIn, signedInPage } from '../kit/index.ts';

/** Whose progression a page shows: the signed-in person (`/me/...`) or one of their reports (`/people/:id/...`). */
export type Subject = { personId: string; self: boolean; base: string };

export type ProgressionPage = SignedIn & { subject: Subject };

const Params = z.object({ id: z.string().min(1).max(100) });

/**
 * A signed-in progression page (the kit's page wrapper, with this area's "you cannot see this page"):
 * `me` is the signed-in person, `param` the person in the path; a user with no staff record is told
 * so. The use-case decides who may see whom.
 */
export const progressionPage = (whose: 'me' | 'param', handler: (page: ProgressionPage) => Promise<unknown>) =>
  signedInPage(
    async (page) => {
      const { actor, request, reply } = page;
      const asked = whose === 'me' ? undefined : paramsOf(Params, request).id;
      const personId = asked ?? actor.personId;
      if (!personId) return renderPage(request, reply, '../progression/no-person', {}, 404);
      const base = asked === undefined ? '/me' : `/people/${encodeURIComponent(personId)}`;
      return handler({ ...page, subject: { personId, self: personId === actor.personId, base } });
    },
    { forbiddenView: '../progression/forbidden' },
  );
