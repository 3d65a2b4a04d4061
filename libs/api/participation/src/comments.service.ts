import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '@plaza/api/auth';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import { fieldsOf, kindsOf, screenFields } from '@plaza/shared/moderation';
import { isLocale, type CommentAuthor, type CommentThread, type CommentView, type HiddenReason } from '@plaza/shared/contracts';
import { ConsentService } from '@plaza/api/consent';
import type { EntityManager } from 'typeorm';
import {
  BlocksRepository,
  CommentsRepository,
  DiscussionErrors,
  isNumericId,
  TargetsRepository,
  type CommentRow,
  type Thread,
  type ThreadType,
} from '@plaza/api/participation-data';

const STAFF_ROLES = ['admin', 'community_manager', 'department_staff'] as const;

@Injectable()
export class CommentsService {
  constructor(
    private readonly comments: CommentsRepository,
    private readonly targets: TargetsRepository,
    private readonly blocks: BlocksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consent: ConsentService,
  ) {}

  private get editMs(): number {
    return this.config.participation.commentEditMinutes * 60_000;
  }

  thread(type: ThreadType, publicId: string, locale: string, viewer: AuthUser | null): Promise<CommentThread> {
    return this.comments.transaction(async (manager) => {
      const thread = await this.visibleThread(manager, type, publicId);
      const rows = await this.comments.thread(manager, type, thread.id, locale);
      return { target: { type, id: publicId }, comments: this.shape(rows, thread, viewer), total: rows.length };
    });
  }

  post(user: AuthUser, type: ThreadType, publicId: string, body: string, parentId: number | undefined, locale: string): Promise<CommentView> {
    return this.comments.transaction(async (manager) => {
      if (await this.blocks.isBlocked(user.id, manager)) throw DiscussionErrors.blocked();
      const thread = await this.visibleThread(manager, type, publicId);
      let parent: CommentRow | null = null;
      if (parentId !== undefined) {
        parent = await this.comments.find(manager, String(parentId), locale);
        if (!parent || parent.targetType !== type || parent.targetId !== thread.id) throw DiscussionErrors.parentNotFound();
        if (parent.parentId !== null) throw DiscussionErrors.replyDepth();
        if (parent.deletedAt || parent.hiddenAt) throw DiscussionErrors.parentGone();
      }
      const staffRole = STAFF_ROLES.find((role) => user.roles.includes(role)) ?? null;
      // A staff member speaks for the department that handles the thread when they belong to it.
      const department = user.departments.find((d) => d.id === thread.departmentId) ?? user.departments[0] ?? null;
      const id = await this.comments.insert(manager, {
        type,
        targetId: thread.id,
        parentId: parent?.id ?? null,
        authorId: user.id,
        body: body.trim(),
        staffRole,
        staffDepartmentId: staffRole ? (department?.id ?? null) : null,
      });
      await this.screen(manager, id, user.id, body);
      // Staff comment for the city; a citizen's comment publishes their name under the notice.
      if (!staffRole) await this.consent.record(manager, { form: 'comment', channel: 'web', locale: isLocale(locale) ? locale : 'es', userId: user.id });
      return this.one(manager, thread, id, locale, user);
    });
  }

  edit(user: AuthUser, id: string, body: string, locale: string): Promise<CommentView> {
    return this.comments.transaction(async (manager) => {
      const row = await this.ownComment(manager, user, id, locale);
      if (Date.now() - new Date(row.createdAt).getTime() > this.editMs) {
        throw DiscussionErrors.editWindowClosed(this.config.participation.commentEditMinutes);
      }
      await this.comments.edit(manager, id, body.trim());
      await this.screen(manager, id, user.id, body);
      return this.one(manager, await this.threadOf(manager, row), id, locale, user);
    });
  }

  remove(user: AuthUser, id: string, locale: string): Promise<CommentView> {
    return this.comments.transaction(async (manager) => {
      const row = await this.ownComment(manager, user, id, locale);
      await this.comments.markDeleted(manager, row);
      return this.one(manager, await this.threadOf(manager, row), id, locale, user);
    });
  }

  /**
   * Personal data in a comment holds it for a moderator (docs/moderation.md#screening); the author
   * sees it hidden, reason `personal_data`, until a moderator restores or confirms it.
   */
  private async screen(manager: EntityManager, id: string, authorId: string, body: string): Promise<void> {
    const findings = screenFields({ body });
    if (findings.length === 0) return;
    await this.comments.holdForScreening(manager, id, authorId, { kinds: kindsOf(findings), fields: fieldsOf(findings), heldAt: new Date().toISOString() });
  }

  private async ownComment(manager: EntityManager, user: AuthUser, id: string, locale: string): Promise<CommentRow> {
    if (!isNumericId(id)) throw DiscussionErrors.commentNotFound();
    const row = await this.comments.find(manager, id, locale, true);
    if (!row) throw DiscussionErrors.commentNotFound();
    if (row.authorId !== user.id) throw DiscussionErrors.notAuthor();
    if (row.deletedAt || row.hiddenAt) throw DiscussionErrors.gone();
    return row;
  }

  private async visibleThread(manager: EntityManager, type: ThreadType, publicId: string): Promise<Thread> {
    const thread = await this.targets.thread(manager, type, publicId);
    if (!thread || !thread.visible) throw DiscussionErrors.targetNotFound(type, publicId);
    return thread;
  }

  private threadOf(manager: EntityManager, row: CommentRow): Promise<Thread> {
    return this.targets.threadOf(manager, row.targetType, row.targetId);
  }

  private async one(manager: EntityManager, thread: Thread, id: string, locale: string, viewer: AuthUser): Promise<CommentView> {
    const rows = await this.comments.thread(manager, thread.type, thread.id, locale);
    const flat = this.flatten(rows, thread, viewer);
    const view = flat.get(id);
    if (!view) throw DiscussionErrors.commentNotFound();
    return view;
  }

  /** Top-level comments with their replies nested, in posting order. */
  private shape(rows: CommentRow[], thread: Thread, viewer: AuthUser | null): CommentView[] {
    const views = this.flatten(rows, thread, viewer);
    const top: CommentView[] = [];
    for (const row of rows) {
      const view = views.get(row.id) as CommentView;
      if (row.parentId === null) top.push(view);
      else views.get(row.parentId)?.replies.push(view);
    }
    return top;
  }

  private flatten(rows: CommentRow[], thread: Thread, viewer: AuthUser | null): Map<string, CommentView> {
    // Citizens are "participant N", numbered by their first comment in this thread: readable, never a name.
    const participants = new Map<string, number>();
    for (const row of rows) {
      if (!row.staffRole && !participants.has(row.authorId)) participants.set(row.authorId, participants.size + 1);
    }
    const views = new Map<string, CommentView>();
    for (const row of rows) {
      const state = row.deletedAt ? 'deleted' : row.hiddenAt ? 'hidden' : 'visible';
      const author: CommentAuthor | null =
        state !== 'visible'
          ? null
          : row.staffRole
            ? { kind: 'staff', role: row.staffRole, department: row.staffDepartment }
            : { kind: 'citizen', participant: participants.get(row.authorId) ?? 0, isProposalAuthor: row.authorId === thread.authorId };
      const view: CommentView = {
        id: Number(row.id),
        parentId: row.parentId === null ? null : Number(row.parentId),
        body: state === 'visible' ? row.body : null,
        state,
        hidden: state === 'hidden' ? { reason: (row.hiddenReason ?? 'other') as HiddenReason, provisional: row.hiddenProvisional } : null,
        author,
        createdAt: new Date(row.createdAt).toISOString(),
        editedAt: row.editedAt && state === 'visible' ? new Date(row.editedAt).toISOString() : null,
        replies: [],
      };
      if (viewer && viewer.id === row.authorId) {
        view.mine = true;
        const until = new Date(new Date(row.createdAt).getTime() + this.editMs);
        view.editableUntil = state === 'visible' && until.getTime() > Date.now() ? until.toISOString() : null;
      }
      views.set(row.id, view);
    }
    return views;
  }
}
