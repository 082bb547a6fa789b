import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { countedSpecialisms, specialismChanges, specialismChoices } from './specialisms.ts';

describe('specialisms', () => {
  let catalogue: Catalogue;
  beforeAll(async () => {
    catalogue = buildCatalogue(await readFrameworkFiles());
  });

  it('takes the choices a–d from the NJC lead-ins, in the wording of the person’s own profile', () => {
    expect(specialismChoices(catalogue).map((c) => c.letter)).toEqual(['a', 'b', 'c', 'd']);
    expect(specialismChoices(catalogue, 'TA4').map((c) => c.code)).toEqual(['TA4.D7a', 'TA4.D7b', 'TA4.D7c', 'TA4.D7d']);
    expect(specialismChoices(catalogue, 'TA5').map((c) => c.code)).toEqual(['TA5.D10a', 'TA5.D10b', 'TA5.D10c', 'TA5.D10d']);
  });

  it('counts the staff record and confirmed specialisms only', () => {
    expect(countedSpecialisms(['a'], ['b', 'a'])).toEqual(['a', 'b']);
    expect(countedSpecialisms([], [])).toEqual([]);
  });

  it('records newly ticked letters and withdraws unticked live records', () => {
    const live = [
      { id: 'r1', letter: 'a' },
      { id: 'r2', letter: 'b' },
    ];
    expect(specialismChanges(live, ['b', 'd', 'c'])).toEqual({ record: ['c', 'd'], withdraw: ['r1'] });
    expect(specialismChanges(live, ['a', 'b'])).toEqual({ record: [], withdraw: [] });
  });
});
