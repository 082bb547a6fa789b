import type { StandardSetProgress } from '../../../../domain/portfolio-progress.ts';

const RADIUS = 40;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;
const round = (n: number) => Math.round(n * 100) / 100;

/** The geometry of a server-drawn progress ring: the met arc, then the developing arc after it. */
export type ProgressRing = StandardSetProgress & {
  radius: number;
  met: number;
  metDash: string;
  developingDash: string;
  developingOffset: number;
  percentMet: number;
  label: string;
};

/** Ring arcs as stroke dash patterns (SVG attributes, so the strict CSP allows them). */
export const progressRing = (set: StandardSetProgress): ProgressRing => {
  const share = (n: number) => (set.total === 0 ? 0 : (n / set.total) * CIRCUMFERENCE);
  const met = share(set.met);
  const developing = share(set.developing);
  return {
    ...set,
    radius: RADIUS,
    metDash: `${round(met)} ${round(CIRCUMFERENCE - met)}`,
    developingDash: `${round(developing)} ${round(CIRCUMFERENCE - developing)}`,
    developingOffset: round(-met),
    percentMet: set.total === 0 ? 0 : Math.round((set.met / set.total) * 100),
    label: `${set.title}: ${set.met} of ${set.total} met, ${set.developing} developing, ${set.notStarted} not started`,
  };
};
