import { describe, expect, it } from 'vitest';
import { actionName, actionWords } from '../domain/audit/action-words.ts';
import { AuditAction, auditActions, isAuditAction } from './audit-actions.ts';
import { NotificationKind, notificationKinds } from './notification-kinds.ts';

describe('the typed audit actions', () => {
  it('has words for exactly the actions recorded, so the log never shows an id for one of ours', () => {
    expect(Object.keys(actionWords).sort()).toEqual([...auditActions].sort());
    for (const action of auditActions) expect(actionName(action)).toBe(actionWords[action].name);
  });

  it('refuses an action that is not in the list, and still reads one an older version stored', () => {
    expect(AuditAction.safeParse('widget.wasPolished').success).toBe(false);
    expect(isAuditAction('evidence.decided')).toBe(true);
    expect(isAuditAction('widget.wasPolished')).toBe(false);
    expect(actionName('widget.wasPolished')).toBe('Widget was polished');
  });

  it('makes every notification kind an audit action with words', () => {
    for (const kind of notificationKinds) expect(isAuditAction(kind)).toBe(true);
    expect(NotificationKind.safeParse('evidence.deleted').success).toBe(false);
    expect(new Set(notificationKinds).size).toBe(notificationKinds.length);
    expect(new Set(auditActions).size).toBe(auditActions.length);
  });
});
