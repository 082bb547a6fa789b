import type { ModuleResult } from '../../domain/apprenticeships/associate-teacher-credits.ts';
import type { DateColumn, Timestamp } from '../tables.ts';

/** The Associate Teacher programme's tables (migration 20261205_0300_associate_teacher_programme.sql). */
export type AssociateTeacherTables = {
  foundation_degree_modules: {
    id: string;
    trust_id: string;
    enrolment_id: string;
    code: string;
    title: string;
    level: number;
    credits: number;
    result: ModuleResult;
    mark: number | null;
    recorded_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  supervision_links: {
    id: string;
    trust_id: string;
    organisation_id: string;
    supervisor_id: string;
    supervisee_id: string;
    started_on: DateColumn;
    ended_on: DateColumn | null;
    created_by: string | null;
    created_at: Timestamp;
    ended_by: string | null;
  };
  school_supervision_settings: {
    organisation_id: string;
    trust_id: string;
    supervisors_decide_evidence: boolean;
    updated_by: string | null;
    updated_at: Timestamp;
  };
};
