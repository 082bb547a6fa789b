/**
 * The progression pipeline of the workforce dashboard: how close each person is to their next level,
 * as the share of that level's needs (its competency items and requirements, as the training-needs
 * analysis lists them) they already meet, in bands. Pure: the counting is done by the store and the
 * requirement interpreter, per distinct fact profile.
 */

/** The bands, closest last; `not-measured` is for staff with no next level to measure against. */
export const pipelineBands = ['under-25', '25-to-49', '50-to-74', '75-to-99', 'ready', 'not-measured'] as const;
export type PipelineBand = (typeof pipelineBands)[number];

/** The bands' names, as the chart and the table show them. */
export const pipelineBandNames: Record<PipelineBand, string> = {
  'under-25': 'Under 25% met',
  '25-to-49': '25% to 49% met',
  '50-to-74': '50% to 74% met',
  '75-to-99': '75% to 99% met',
  ready: 'Every requirement met',
  'not-measured': 'No next level to measure',
};

/** The bands in words, for the heading of the list of their people. */
export const pipelineBandWords: Record<PipelineBand, string> = {
  'under-25': 'who meet under 25% of what their next level asks',
  '25-to-49': 'who meet 25% to 49% of what their next level asks',
  '50-to-74': 'who meet 50% to 74% of what their next level asks',
  '75-to-99': 'who meet 75% to 99% of what their next level asks',
  ready: 'who meet everything their next level asks',
  'not-measured': 'with no next level to measure against',
};

/**
 * The band of someone who meets `met` of the `total` needs of their next level: exact fractions
 * (a quarter is 25%, never rounded up into the next band), every need met is `ready`, and nothing
 * to measure (`total` 0) is `not-measured`.
 */
export const pipelineBandOf = (met: number, total: number): PipelineBand => {
  if (total <= 0) return 'not-measured';
  if (met >= total) return 'ready';
  if (met * 4 < total) return 'under-25';
  if (met * 2 < total) return '25-to-49';
  if (met * 4 < total * 3) return '50-to-74';
  return '75-to-99';
};
