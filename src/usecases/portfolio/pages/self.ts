import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';

/** Whether the signed-in person is the one whose records the page shows ("your evidence" rather than their name). */
export const isSelf = (actor: Actor | Anonymous, personId: string): boolean => actor.kind === 'user' && actor.personId === personId;
