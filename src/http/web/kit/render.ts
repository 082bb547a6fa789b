import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '../views.ts';
import { type FormErrors, hasErrors, noErrors } from './form-errors.ts';

/**
 * Renders a page that holds a form: its data with the form's errors (`errorList`, `fieldErrors`), and
 * 400 when there are any (a refused post shown again), 200 when there are none.
 */
export const renderForm = (
  page: { request: FastifyRequest; reply: FastifyReply },
  view: string,
  data: Record<string, unknown>,
  errors: FormErrors = noErrors(),
) => renderPage(page.request, page.reply, view, { ...data, ...errors }, hasErrors(errors) ? 400 : 200);
