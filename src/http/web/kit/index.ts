import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../usecases/context.ts';
import { setUpPageDeps } from './deps.ts';
import { setUpFlash } from './flash.ts';
import { setUpFormBody } from './form-body.ts';
import { setUpSignedInHeader } from './signed-in-header.ts';

export { renderNotFound } from '../errors.ts';
export { renderPage } from '../views.ts';
/** The web kit: how a page is written (see README.md beside this file). */
export { fieldErrorsOfAppError, fieldOfWhere, isFormRefusal } from './app-error-fields.ts';
export { dateFieldsOf, dateInput } from './date-input.ts';
export type { PageDeps } from './deps.ts';
export {
  defineForm,
  type Form,
  type FormOptions,
  type FormResult,
  type Posted,
  parseForm,
  postedOf,
  postedText,
  submitForm,
} from './form.ts';
export { type FieldError, type FormErrors, formErrorsOf, hasErrors, noErrors } from './form-errors.ts';
export { paramsOf, queryOf, type SignedIn, signedInPage } from './page.ts';
export { renderForm } from './render.ts';

/** Once, at the web scope: form posts parsed, `request.deps`, the signed-in header and the success banner. */
export const setUpWebKit = async (app: FastifyInstance, context: AppContext) => {
  await setUpFormBody(app);
  setUpPageDeps(app, context);
  setUpFlash(app, context);
  setUpSignedInHeader(app);
};
