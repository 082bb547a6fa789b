import { describe, expect, it } from 'vitest';
import { type ChainedEvent, canonicalJson, sealEvent, verifyChain } from './chain.ts';

const key = new TextEncoder().encode('a secret held outside the database');

const buildChain = (count: number): ChainedEvent[] => {
  const events: ChainedEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    const fields = {
      trustId: 't1',
      occurredAt: `2026-11-22T10:0${i}:00.000Z`,
      actor: 'user-1',
      action: 'person.update',
      entity: 'person',
      entityId: `p${i}`,
      requestId: `r${i}`,
    };
    const data = { before: { jobTitle: 'TA' }, after: { jobTitle: `TA ${i}` }, name: 'Siân Jones' };
    events.push({ id: String(i + 1), ...fields, data, ...sealEvent(key, events.at(-1)?.link ?? null, fields, data) });
  }
  return events;
};

describe('the audit chain', () => {
  it('verifies an untouched chain', () => {
    expect(verifyChain(key, buildChain(5))).toEqual({ ok: true, checked: 5 });
  });

  it('reports the first event whose data was altered', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2]!, data: { before: {}, after: { jobTitle: 'HLTA' } } };
    expect(verifyChain(key, chain)).toMatchObject({ ok: false, brokenAt: '3', reason: 'its data was changed' });
  });

  it('reports an altered field', () => {
    const chain = buildChain(4);
    chain[1] = { ...chain[1]!, actor: 'someone-else' };
    expect(verifyChain(key, chain)).toMatchObject({ ok: false, brokenAt: '2', reason: 'its fields were changed' });
  });

  it('reports a deleted event at the event after the gap', () => {
    const chain = buildChain(4);
    chain.splice(1, 1);
    expect(verifyChain(key, chain)).toMatchObject({ ok: false, brokenAt: '3' });
  });

  it('cannot be re-sealed without the key', () => {
    const chain = buildChain(3);
    const forged = { ...chain[1]!, actor: 'intruder' };
    const wrongKey = new TextEncoder().encode('guessed');
    chain[1] = { ...forged, ...sealEvent(wrongKey, chain[0]!.link, forged, forged.data) };
    expect(verifyChain(key, chain)).toMatchObject({ ok: false, brokenAt: '2' });
  });

  it('still verifies after an event’s personal data is redacted', () => {
    const chain = buildChain(3);
    chain[1] = { ...chain[1]!, data: null };
    expect(verifyChain(key, chain)).toEqual({ ok: true, checked: 3 });
  });

  it('checks the walk ends at the event, link and count its head records', () => {
    const chain = buildChain(5);
    const last = chain.at(-1)!;
    const head = { lastEventId: last.id, lastLink: last.link, eventCount: 5 };
    expect(verifyChain(key, chain, head)).toEqual({ ok: true, checked: 5 });
    expect(verifyChain(key, chain.slice(0, 3), head)).toEqual({
      ok: false,
      checked: 3,
      brokenAt: '3',
      missing: 2,
      headEventId: '5',
      reason: '2 events missing after event 3 (the head records event 5)',
    });
    expect(verifyChain(key, [], head)).toMatchObject({
      ok: false,
      reason: '5 events missing after the start of the chain (the head records event 5)',
    });
    expect(verifyChain(key, chain, { ...head, eventCount: 4 })).toMatchObject({ ok: false, missing: 0 });
    expect(verifyChain(key, [], { lastEventId: '0', lastLink: '', eventCount: 0 })).toEqual({ ok: true, checked: 0 });
  });

  it('hashes objects independently of key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
