import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** NCSC guidance: length over complexity; no composition rules; refuse passwords an attacker would guess. */
export const passwordRules = { minLength: 12, maxLength: 256, minScore: 4 } as const;

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export type PasswordVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks a new password: at least 12 characters, and not weak or common — judged by the zxcvbn
 * estimator, which also penalises the person's own email and name.
 */
export const checkPassword = (password: string, personalWords: readonly string[] = []): PasswordVerdict => {
  if (password.length < passwordRules.minLength) return { ok: false, reason: `Use at least ${passwordRules.minLength} characters` };
  if (password.length > passwordRules.maxLength) return { ok: false, reason: `Use at most ${passwordRules.maxLength} characters` };
  const compact = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const mailboxes = personalWords.filter((w) => w.includes('@')).map((email) => compact(email.slice(0, email.indexOf('@'))));
  if (mailboxes.some((mailbox) => mailbox.length >= 4 && compact(password).includes(mailbox))) {
    return { ok: false, reason: 'Do not use your email address in your password' };
  }
  const words = personalWords.flatMap((w) => w.toLowerCase().split(/[^a-z0-9]+/)).filter((w) => w.length >= 3);
  const result = estimator.check(password, words);
  if (result.score >= passwordRules.minScore) return { ok: true };
  const hint = result.feedback.warning ?? result.feedback.suggestions[0] ?? 'it would be easy to guess';
  return {
    ok: false,
    reason: `Choose a less guessable password: ${hint.replace(/\.$/, '').toLowerCase()}. Three or more random words work well`,
  };
};
