import { DomainError } from '@plaza/api/http';

export const DiscussionErrors = {
  targetNotFound: (type: string, id: string) =>
    new DomainError('DISCUSSION.TARGET_NOT_FOUND', 'not_found', `No public ${type} ${id.slice(0, 40)}.`),
  commentNotFound: () => new DomainError('COMMENT.NOT_FOUND', 'not_found', 'No such comment.'),
  parentNotFound: () =>
    DomainError.validation([{ field: 'parentId', code: 'unknown_parent', message: 'There is no such comment in this thread.' }]),
  replyDepth: () =>
    new DomainError('COMMENT.REPLY_DEPTH', 'validation', 'Replies have one level: answer the top-level comment instead.', [
      { field: 'parentId', code: 'reply_to_reply', message: 'You can only reply to a top-level comment.' },
    ]),
  parentGone: () =>
    new DomainError('COMMENT.PARENT_GONE', 'validation', 'That comment was deleted or hidden.', [
      { field: 'parentId', code: 'parent_gone', message: 'That comment was deleted or hidden.' },
    ]),
  notAuthor: () => new DomainError('COMMENT.NOT_AUTHOR', 'forbidden', 'Only the author can change this comment.'),
  editWindowClosed: (minutes: number) =>
    new DomainError('COMMENT.EDIT_WINDOW_CLOSED', 'forbidden', `Comments can be edited for ${minutes} minutes after posting.`),
  gone: () => new DomainError('COMMENT.GONE', 'conflict', 'This comment was deleted or hidden.'),
  blocked: () =>
    new DomainError('USER.BLOCKED', 'forbidden', 'Your account is blocked from posting. Contact the city if you think this is a mistake.'),
  alreadyFlagged: () => new DomainError('FLAG.ALREADY_FLAGGED', 'conflict', 'You already flagged this content.'),
  alreadyHidden: () => new DomainError('FLAG.ALREADY_HIDDEN', 'conflict', 'This content is already hidden.'),
  detailsRequired: () =>
    DomainError.validation([{ field: 'details', code: 'required', message: 'Tell us what is wrong when the reason is "other".' }]),
  noOpenFlags: () => new DomainError('FLAG.NONE_OPEN', 'not_found', 'This content has no open flags.'),
  decisionNotFound: () => new DomainError('MODERATION.NOT_FOUND', 'not_found', 'No such moderation decision.'),
  decisionLifted: () => new DomainError('MODERATION.LIFTED', 'conflict', 'This content is visible again.'),
  reviewAlreadyRequested: () =>
    new DomainError('MODERATION.REVIEW_ALREADY_REQUESTED', 'conflict', 'A review can be asked for once per decision.'),
  noPendingReview: () => new DomainError('MODERATION.NO_PENDING_REVIEW', 'conflict', 'Nobody asked for a review of this decision, or it was reviewed.'),
  notificationNotFound: () => new DomainError('NOTIFICATION.NOT_FOUND', 'not_found', 'No such notification.'),
  userNotFound: () => new DomainError('USER.NOT_FOUND', 'not_found', 'No such user.'),
  alreadyBlocked: () => new DomainError('USER.ALREADY_BLOCKED', 'conflict', 'This user is blocked already.'),
  notBlocked: () => new DomainError('USER.NOT_BLOCKED', 'not_found', 'This user is not blocked.'),
  staffNotBlockable: () =>
    new DomainError('USER.STAFF_NOT_BLOCKABLE', 'conflict', 'Staff accounts are deactivated by an administrator, not blocked.'),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isNumericId(value: string): boolean {
  return /^[1-9][0-9]{0,17}$/.test(value);
}
