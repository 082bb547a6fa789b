import type { FastifyInstance } from 'fastify';
import { registerPartnershipFiles } from './files.ts';
import { registerPartnershipForms } from './forms.ts';
import { registerPartnershipPages } from './pages.ts';

/** Partnership teaching's pages (issue 12): deployments, work patterns, engagements, impact and the network. */
export const registerPartnershipTeachingPages = async (app: FastifyInstance) => {
  registerPartnershipPages(app);
  registerPartnershipForms(app);
  await registerPartnershipFiles(app);
};
