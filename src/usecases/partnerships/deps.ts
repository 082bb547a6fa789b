import type { PartnershipKind } from '../../domain/partnerships/kinds.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { PartnershipTeachingRules } from '../../framework/partnership-teaching-rules.ts';
import type { AuthorizeDeps } from '../authorize.ts';

/** What partnership-teaching use-cases need: the database and audit key, the clock, the 11 kinds and the rules. */
export type PartnershipDeps = AuthorizeDeps & {
  clock: () => Date;
  kinds: readonly PartnershipKind[];
  rules: PartnershipTeachingRules;
  newId?: () => string;
};

/** The 11 kinds of partnership teacher from the framework catalogue. */
export const kindsOf = (catalogue: Catalogue): PartnershipKind[] =>
  catalogue.items({ kind: 'partnership-teacher-kind' }).map((i) => ({ code: i.code, title: i.title ?? i.code }));

export const newIdOf = (deps: PartnershipDeps) => deps.newId?.() ?? crypto.randomUUID();

export const todayOf = (deps: PartnershipDeps) => deps.clock().toISOString().slice(0, 10);
