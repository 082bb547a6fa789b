import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultTrainingKinds } from './default-training-kinds.ts';
import { addDays, daysBetween, expiryOf, expiryWindows, trainingStatusOn } from './expiry.ts';

const isoDay = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const months = fc.integer({ min: 1, max: 120 });
const everyone = (validityMonths: number | null) => ({ validityMonths, appliesTo: 'everyone' as const });

describe('expiryOf', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-11-15', 12, '2027-11-15'],
    ['2026-12-01', 1, '2027-01-01'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2023-09-01', 36, '2026-09-01'],
  ])('%s + %i months → %s', (completed, validity, expected) => {
    expect(expiryOf(completed, validity)).toBe(expected);
  });

  it('never expires without a validity period', () => {
    expect(expiryOf('2026-01-01', null)).toBeNull();
  });

  it('is never before the completion and lands in the right month', () => {
    fc.assert(
      fc.property(isoDay, months, (completed, validity) => {
        const expiry = expiryOf(completed, validity) ?? '';
        expect(daysBetween(completed, expiry)).toBeGreaterThan(0);
        const [y, m] = completed.split('-').map(Number);
        const total = (y ?? 0) * 12 + (m ?? 0) - 1 + validity;
        expect(expiry.slice(0, 7)).toBe(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
        expect(Number(expiry.slice(8))).toBeLessThanOrEqual(Number(completed.slice(8)));
      }),
    );
  });
});

describe('trainingStatusOn', () => {
  it('says missing or not required when there is no record', () => {
    expect(trainingStatusOn('2026-11-22', undefined, everyone(12))).toEqual({ status: 'missing' });
    expect(trainingStatusOn('2026-11-22', undefined, { validityMonths: 12, appliesTo: 'as-needed' })).toEqual({ status: 'not-required' });
  });

  it('is valid for ever without an expiry', () => {
    expect(trainingStatusOn('2099-01-01', { completedOn: '2001-01-01', expiresOn: null }, everyone(null))).toEqual({
      status: 'valid',
      expiresOn: null,
    });
  });

  it('puts each day before expiry in the smallest window that holds it, and expires the day after', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: -400, max: 400 }), (expiresOn, offset) => {
        const today = addDays(expiresOn, -offset);
        const status = trainingStatusOn(today, { completedOn: addDays(expiresOn, -365), expiresOn }, everyone(12));
        if (offset < 0) expect(status).toEqual({ status: 'expired', expiresOn, daysOverdue: -offset });
        else if (offset > 90) expect(status).toEqual({ status: 'valid', expiresOn });
        else {
          const window = expiryWindows.find((w) => offset <= w);
          expect(status).toEqual({ status: 'expiring', expiresOn, daysLeft: offset, window });
        }
      }),
    );
  });

  it.each([
    [0, 'expiring', 30],
    [30, 'expiring', 30],
    [31, 'expiring', 60],
    [60, 'expiring', 60],
    [61, 'expiring', 90],
    [90, 'expiring', 90],
    [91, 'valid', undefined],
    [-1, 'expired', undefined],
  ])('%i days before expiry: %s (window %s)', (daysLeft, status, window) => {
    const result = trainingStatusOn(addDays('2027-03-01', -daysLeft), { completedOn: '2026-03-01', expiresOn: '2027-03-01' }, everyone(12));
    expect(result.status).toBe(status);
    if (window !== undefined) expect(result).toMatchObject({ window });
  });
});

describe('default training kinds', () => {
  it('have unique codes, a source and a note that the trust can change the period', () => {
    const codes = defaultTrainingKinds.map((k) => k.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const kind of defaultTrainingKinds) {
      expect(kind.source.length).toBeGreaterThan(10);
      expect(kind.note).toMatch(/trust can change/);
    }
    expect(codes).toEqual(expect.arrayContaining(['safeguarding', 'first-aid', 'asthma', 'epilepsy', 'diabetes', 'anaphylaxis']));
  });
});
