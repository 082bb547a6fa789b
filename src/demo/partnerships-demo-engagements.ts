import type { Engagement } from '../domain/partnerships/records.ts';

type Seed = Omit<
  Engagement,
  'id' | 'partnershipId' | 'deploymentId' | 'audience' | 'hostPartnerId' | 'reusedBy' | 'outcomeNotes' | 'followUps'
> & {
  host: string;
  pupils?: number;
  yearGroups?: string[];
  teachers?: number;
  trainees?: number;
  governors?: number;
  parents?: number;
  reusedBy?: string[];
  outcome?: string;
  followUp?: string;
};

/** The demo partnership's two terms of engagements, dated relative to the clock. */
export const demoEngagements = (input: {
  partnershipId: string;
  newId: () => string;
  daysAgo: (n: number) => string;
  deployments: { priya: string; mark: string; laura: string };
  hosts: { prep: string; meadow: string; college: string };
}): Engagement[] => {
  const { partnershipId, newId, daysAgo, deployments, hosts } = input;
  const seeds: (Seed & { deployment: string })[] = [
    // About two terms ago
    {
      deployment: deployments.priya,
      occurredOn: daysAgo(205),
      host: hosts.prep,
      kind: 'PT.animateur',
      activity: 'workshop',
      pupils: 26,
      yearGroups: ['Year 4'],
      minutes: 90,
      outcome: 'Pupils designed and tested paper bridges.',
    },
    {
      deployment: deployments.priya,
      occurredOn: daysAgo(177),
      host: hosts.meadow,
      kind: 'PT.animateur',
      activity: 'workshop',
      pupils: 30,
      yearGroups: ['Year 5'],
      teachers: 1,
      minutes: 90,
    },
    {
      deployment: deployments.mark,
      occurredOn: daysAgo(169),
      host: hosts.prep,
      kind: 'PT.governor',
      activity: 'governors-meeting',
      governors: 9,
      minutes: 120,
    },
    {
      deployment: deployments.laura,
      occurredOn: daysAgo(155),
      host: hosts.college,
      kind: 'PT.enricher',
      activity: 'lesson',
      pupils: 18,
      yearGroups: ['Year 10'],
      minutes: 120,
    },
    // This term or the last
    {
      deployment: deployments.priya,
      occurredOn: daysAgo(73),
      host: hosts.prep,
      kind: 'PT.animateur',
      activity: 'workshop',
      pupils: 24,
      yearGroups: ['Year 3'],
      minutes: 90,
      followUp: 'Send the investigation sheets to the Year 3 teachers.',
    },
    {
      deployment: deployments.priya,
      occurredOn: daysAgo(59),
      host: hosts.meadow,
      kind: 'PT.pedagogue',
      activity: 'coaching-session',
      teachers: 2,
      trainees: 3,
      minutes: 60,
    },
    {
      deployment: deployments.priya,
      occurredOn: daysAgo(24),
      host: hosts.meadow,
      kind: 'PT.animateur',
      activity: 'workshop',
      pupils: 29,
      yearGroups: ['Year 6'],
      minutes: 90,
    },
    {
      deployment: deployments.mark,
      occurredOn: daysAgo(51),
      host: hosts.meadow,
      kind: 'PT.subject-specialist',
      activity: 'training-session',
      teachers: 8,
      minutes: 75,
      outcome: 'Staff agreed a shared approach to reading support plans.',
    },
    {
      deployment: deployments.mark,
      occurredOn: daysAgo(16),
      host: hosts.prep,
      kind: 'PT.governor',
      activity: 'governors-meeting',
      governors: 10,
      minutes: 120,
    },
    {
      deployment: deployments.laura,
      occurredOn: daysAgo(45),
      host: hosts.college,
      kind: 'PT.digitiser',
      activity: 'digital-resource',
      teachers: 4,
      minutes: 180,
      reusedBy: [hosts.prep, hosts.meadow],
      outcome: 'Video guides to six required practicals.',
    },
    {
      deployment: deployments.laura,
      occurredOn: daysAgo(30),
      host: hosts.prep,
      kind: 'PT.enricher',
      activity: 'lesson',
      pupils: 22,
      yearGroups: ['Year 6'],
      minutes: 60,
    },
  ];
  return seeds.map((s) => ({
    id: newId(),
    partnershipId,
    deploymentId: s.deployment,
    occurredOn: s.occurredOn,
    hostPartnerId: s.host,
    kind: s.kind,
    activity: s.activity,
    audience: {
      pupils: s.pupils ?? 0,
      yearGroups: s.yearGroups ?? [],
      pupilPhase: null,
      teachers: s.teachers ?? 0,
      traineeTeachers: s.trainees ?? 0,
      governors: s.governors ?? 0,
      parents: s.parents ?? 0,
    },
    minutes: s.minutes,
    outcomeNotes: s.outcome ?? '',
    followUps: s.followUp ?? '',
    reusedBy: s.reusedBy ?? [],
  }));
};
