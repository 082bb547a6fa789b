import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dateInput } from './date-input.ts';
import { defineForm, parseForm } from './form.ts';

const Activity = defineForm(
  z.object({
    title: z.string().trim().min(1, 'Enter a title'),
    occurredOn: dateInput(undefined, { name: 'The date of the activity' }),
    body: z.string().trim().min(1, 'Describe what you did'),
  }),
  { ids: { body: 'evidence-body' } },
);

describe('the form toolkit', () => {
  it('gives the parsed values, the date parts joined as an ISO date', () => {
    const result = Activity.parse({
      title: ' Phonics ',
      'occurredOn-day': '3',
      'occurredOn-month': '12',
      'occurredOn-year': '2025',
      body: 'x',
    });
    expect(result).toMatchObject({ ok: true, values: { title: 'Phonics', occurredOn: '2025-12-03', body: 'x' } });
  });

  it('lists errors in the order of the form, each linking to its field (a date to its day, an id other than the name to that id)', () => {
    const result = Activity.parse({ body: '', title: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.errorList.map((e) => [e.href, e.text])).toEqual([
      ['#title', 'Enter a title'],
      ['#occurredOn-day', expect.any(String)],
      ['#evidence-body', 'Describe what you did'],
    ]);
    expect(result.errors.fieldErrors.title).toBe('Enter a title');
    expect(result.posted).toEqual({ body: '', title: '' });
  });

  it('refuses a day that does not exist with the dates contract message', () => {
    const result = Activity.parse({ title: 't', body: 'b', 'occurredOn-day': '31', 'occurredOn-month': '2', 'occurredOn-year': '2026' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.fieldErrors.occurredOn).toBe('Enter a real date');
  });

  it('says which part of a date is missing, in GOV.UK words', () => {
    const result = Activity.parse({ title: 't', body: 'b', 'occurredOn-day': '3', 'occurredOn-year': '2026' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.errorList).toEqual([
        { field: 'occurredOn', href: '#occurredOn-day', text: 'The date of the activity must include a month' },
      ]);
  });

  it('refuses letters in a date and a year outside the contract', () => {
    const letters = Activity.parse({ title: 't', body: 'b', 'occurredOn-day': 'x', 'occurredOn-month': '2', 'occurredOn-year': '2026' });
    const early = Activity.parse({ title: 't', body: 'b', 'occurredOn-day': '1', 'occurredOn-month': '2', 'occurredOn-year': '1850' });
    expect(letters.ok || letters.errors.fieldErrors.occurredOn).toBe('Enter a real date');
    expect(early.ok || early.errors.fieldErrors.occurredOn).toBe('Enter a date after 1 January 1900');
  });

  it('keeps one message per field, the first', () => {
    const result = parseForm(z.object({ email: z.string().min(1, 'Enter an email address').email('Enter a real email address') }), {
      email: '',
    });
    expect(result.ok || result.errors.errorList.map((e) => e.text)).toEqual(['Enter an email address']);
  });

  it('reads a body that is not a form as no fields, never throwing', () => {
    const result = parseForm(z.object({ email: z.string({ error: 'Enter an email address' }) }), ['not', 'a', 'form']);
    expect(result.ok || result.errors.fieldErrors).toEqual({ email: 'Enter an email address' });
  });
});
