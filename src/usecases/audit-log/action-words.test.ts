import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { actionName, actionWords } from '../../domain/audit/action-words.ts';

const usecases = fileURLToPath(new URL('../', import.meta.url));

/** The ways use-cases name the action of an event they record. */
const patterns = [
  /action: '([\w-]+\.[\w-]+)'(?! \|)/g,
  /action: [^,\n]*\? '([\w-]+\.[\w-]+)' : '([\w-]+\.[\w-]+)'/g,
  /record\(deps, trx, session, (?:[^,]*\? '([\w-]+\.[\w-]+)' : )?'([\w-]+\.[\w-]+)'/g,
  /event\('([\w-]+\.[\w-]+)'/g,
  /(?:insertAudited|removeAudited)\([^)]*'([\w-]+\.[\w-]+)'/g,
];

const recordedActions = async () => {
  const files = (await readdir(usecases, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const found = new Set<string>();
  for (const file of files) {
    const source = await readFile(join(usecases, file), 'utf8');
    for (const pattern of patterns) for (const match of source.matchAll(pattern)) for (const a of match.slice(1)) if (a) found.add(a);
  }
  return found;
};

describe('the words for audit actions', () => {
  it('has words for every action a use-case records, the newest included', async () => {
    const actions = await recordedActions();
    for (const newer of [
      'hltaStatus.externalRecorded',
      'auth.mfa-throttled',
      'organisation.created',
      'framework.imported',
      'account.disabled',
    ])
      expect(actions).toContain(newer);
    // Authorization actions (person.readPortfolio as a permission) are not events unless recorded; test events are not words.
    const missing = [...actions].filter((a) => !(a in actionWords) && !a.startsWith('test.'));
    expect(missing).toEqual([]);
  });

  it('names each action in words, and an unknown one by a readable form of its id', () => {
    expect(actionName('hltaStatus.externalRecorded')).toBe('HLTA status recorded from an assessment');
    expect(actionName('auth.mfa-throttled')).toBe('Security codes paused');
    expect(actionName('gadget.fellOver')).toBe('Gadget fell over');
    expect(actionName('sign_in.sso_refused')).toBe('Single sign-on refused');
  });
});
