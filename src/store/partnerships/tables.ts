import type { ColumnType } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateColumn = ColumnType<Date, string, string>;
type NullableDate = ColumnType<Date | null, string | null, string | null>;
/** numeric comes back from pg as text (exact); written as a number. */
type Numeric = ColumnType<string, number, number>;

export type PartnerOrganisationsTable = {
  id: string;
  partnership_id: string;
  organisation_id: string | null;
  name: string;
  phase: string;
  sector: 'state' | 'independent' | 'further_education';
  postcode_area: string | null;
  created_at: CreatedAt;
};

export type DeploymentsTable = {
  id: string;
  partnership_id: string;
  person_id: string;
  home_partner_id: string;
  kinds: string[];
  share_unit: 'fte' | 'hours_per_week';
  share_value: Numeric;
  starts_on: DateColumn;
  ends_on: NullableDate;
  objectives: string;
  created_at: CreatedAt;
};

export type DeploymentHostsTable = { deployment_id: string; partner_id: string };

export type WorkPatternSlotsTable = { deployment_id: string; weekday: number; session: 'morning' | 'afternoon'; partner_id: string };

export type EngagementsTable = {
  id: string;
  partnership_id: string;
  deployment_id: string;
  occurred_on: DateColumn;
  host_partner_id: string;
  kind: string;
  activity: string;
  pupils: number;
  year_groups: string[];
  pupil_phase: string | null;
  teachers: number;
  trainee_teachers: number;
  governors: number;
  parents: number;
  minutes: number;
  outcome_notes: string;
  follow_ups: string;
  recorded_by: string;
  created_at: CreatedAt;
};

export type ResourceReusesTable = { engagement_id: string; partner_id: string };

/** The partnership-teaching tables, spread into `Tables` (store/tables.ts). */
export type PartnershipTeachingTables = {
  partner_organisations: PartnerOrganisationsTable;
  deployments: DeploymentsTable;
  deployment_hosts: DeploymentHostsTable;
  work_pattern_slots: WorkPatternSlotsTable;
  engagements: EngagementsTable;
  resource_reuses: ResourceReusesTable;
};
