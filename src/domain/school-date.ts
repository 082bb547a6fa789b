const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar date (ISO `YYYY-MM-DD`) an instant falls on in UK schools. Dates a person types
 * (evidence, CPD, training, awards) are UK calendar dates, so "not in the future" and "expires
 * today" compare against this, not the UTC date, which lags by a day for an hour after midnight in summer.
 */
export const schoolDateOf = (instant: Date): string => londonDate.format(instant);
