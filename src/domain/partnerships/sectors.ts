/** The sectors a partner organisation belongs to. */
export const sectors = ['state', 'independent', 'further_education'] as const;
export type Sector = (typeof sectors)[number];

export const sectorNames: Record<Sector, string> = {
  state: 'State',
  independent: 'Independent',
  further_education: 'Further education',
};
