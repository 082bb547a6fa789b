import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../contracts/errors.ts';
import { fieldErrorsOfAppError, isFormRefusal } from './app-error-fields.ts';
import { dateInput } from './date-input.ts';
import { defineForm } from './form.ts';

describe('field errors from a use-case refusal', () => {
  const Invite = defineForm(z.object({ email: z.string(), role: z.string(), startsOn: dateInput() }));

  it('puts each detail beside the field its where names, with its reason', () => {
    const error = new AppError('validation', 'Check the invitation', [
      { where: '$.role', reason: 'Choose a role you may give' },
      { where: 'startsOn', reason: 'Enter a date in the future' },
    ]);
    expect(Invite.errorsOf(error).errorList).toEqual([
      { field: 'role', href: '#role', text: 'Choose a role you may give' },
      { field: 'startsOn', href: '#startsOn-day', text: 'Enter a date in the future' },
    ]);
  });

  it('shows a where the form does not have, or a refusal without details, on the first field', () => {
    expect(Invite.errorsOf(new AppError('conflict', 'Someone already has this email address')).fieldErrors).toEqual({
      email: 'Someone already has this email address',
    });
    expect(
      Invite.errorsOf(new AppError('validation', 'x', [{ where: 'roles[0].organisationId', reason: 'Not yours' }])).fieldErrors,
    ).toEqual({
      email: 'Not yours',
    });
  });

  it('reads nested and indexed wheres as their top field, and takes a custom reading', () => {
    const error = new AppError('validation', 'x', [{ where: '$.duties.TA1.2', reason: 'Choose how often' }]);
    const shown = fieldErrorsOfAppError(error, { fallback: 'currentRole', fieldOf: (w) => `duty-${w.split('.').slice(2).join('-')}` });
    expect(shown.errorList).toEqual([{ field: 'duty-TA1-2', href: '#duty-TA1-2', text: 'Choose how often' }]);
  });

  it('shows validation and conflict on the form, and nothing else', () => {
    expect(isFormRefusal(new AppError('validation', 'x'))).toBe(true);
    expect(isFormRefusal(new AppError('conflict', 'x'))).toBe(true);
    expect(isFormRefusal(new AppError('forbidden', 'x'))).toBe(false);
    expect(isFormRefusal(new Error('x'))).toBe(false);
  });
});

describe('field errors in the refusal’s own words', () => {
  it('shows the message rather than terse reasons when asked', () => {
    const error = new AppError('validation', 'A trust admin is assigned at the trust', [
      { where: 'organisationId', reason: 'not the trust' },
    ]);
    expect(fieldErrorsOfAppError(error, { fallback: 'role', withMessage: true }).errorList).toEqual([
      { field: 'organisationId', href: '#organisationId', text: 'A trust admin is assigned at the trust' },
    ]);
  });
});
