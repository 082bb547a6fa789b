import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCode } from '../contracts/errors.ts';
import { httpStatusOf, problemOf } from './errors.ts';

describe('problemOf', () => {
  it('gives every error code its one status, with its message and details', () => {
    for (const code of Object.keys(httpStatusOf).filter((c): c is ErrorCode => c in httpStatusOf)) {
      const problem = problemOf(new AppError(code, `about ${code}`, [{ where: 'x', reason: 'y' }]));
      expect(problem).toEqual({ status: httpStatusOf[code], code, message: `about ${code}`, details: [{ where: 'x', reason: 'y' }] });
    }
    expect(httpStatusOf.conflict).toBe(409);
    expect(httpStatusOf.invalid_text).toBe(400);
  });

  it('tells nothing of an unexpected error', () => {
    expect(problemOf(new Error('password=hunter2 at db.ts:12'))).toEqual({
      status: 500,
      code: 'internal',
      message: 'Something went wrong. It has been logged.',
      details: [],
    });
  });
});
