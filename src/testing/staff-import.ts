import type { Catalogue } from '../framework/catalogue.ts';
import type { Organisations } from '../store/organisations.ts';
import { createCatalogueSource } from '../usecases/catalogue-source.ts';

/** A trust with two schools, for staff-import tests. */
export const staffImportFixture = async (orgs: Organisations) => {
  const trust = crypto.randomUUID();
  const school = crypto.randomUUID();
  const other = crypto.randomUUID();
  const base = { trust_id: trust, phase: 'primary', nation: 'England', urn: null } as const;
  await orgs.insert({ ...base, id: trust, kind: 'trust', name: 'Test Trust', phase: null, parent_id: null });
  await orgs.insert({ ...base, id: school, kind: 'school', name: 'Oak Primary', urn: '100001', parent_id: trust });
  await orgs.insert({ ...base, id: other, kind: 'school', name: 'Elm Primary', urn: '100002', parent_id: trust });
  return { trust, school, other };
};

let catalogue: Promise<Catalogue> | undefined;

/** The real framework catalogue from the built-in data files (built once per test file). */
export const staffImportTestCatalogue = (): Promise<Catalogue> => {
  catalogue ??= createCatalogueSource().then((source) => source.current());
  return catalogue;
};
