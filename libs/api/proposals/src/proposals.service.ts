import { Inject, Injectable } from '@nestjs/common';
import { CatalogRepository } from '@plaza/api/catalog';
import { AuditService } from '@plaza/api/audit';
import type { AuthUser } from '@plaza/api/auth';
import { ConsentService } from '@plaza/api/consent';
import { APP_CONFIG, type AppConfig } from '@plaza/api/config';
import {
  PUBLIC_REPORT_STATUSES,
  acceptsSupports,
  checkProposalTransition,
  reachesEvaluation,
  type HiddenProposalView,
  type StaffProposalDetail,
  type ProposalActor,
  type ProposalAnswerTemplate,
  type ProposalDetail,
  type ProposalPage,
  type ProposalStatus,
  type ProposalSummary,
  type SupportState,
} from '@plaza/shared/contracts';
import { isLocale } from '@plaza/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { CreateProposalDto } from './dto/create-proposal.dto';
import type { ProposalListQuery } from './dto/list-proposals.query';
import type { EvaluateProposalDto, OfficialAnswerDto, ProposalProgressDto } from './dto/staff-proposal.dto';
import { ProposalImages } from './proposal-images';
import { ProposalErrors } from './proposals.errors';
import { ProposalsRepository, toSummary, type ProposalRow } from './proposals.repository';
import { BlocksRepository } from '@plaza/api/participation-data';
import { ProposalRecordsRepository, ProposalTimeline } from '@plaza/api/proposal-records';
import { fieldsOf, kindsOf, screenFields } from '@plaza/shared/moderation';

@Injectable()
export class ProposalsService {
  constructor(
    private readonly proposals: ProposalsRepository,
    private readonly catalog: CatalogRepository,
    private readonly timeline: ProposalTimeline,
    private readonly proposalRecords: ProposalRecordsRepository,
    private readonly blocks: BlocksRepository,
    private readonly images: ProposalImages,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly consent: ConsentService,
  ) {}

  private get mediaBase(): string {
    return `${this.config.publicUrl}/api/v1/media/`;
  }

  private get threshold(): number {
    return this.config.participation.proposalSupportThreshold;
  }

  async create(user: AuthUser, input: CreateProposalDto, imageBuffers: Buffer[], locale: string): Promise<ProposalDetail | HiddenProposalView> {
    if ((input.lat === undefined) !== (input.lon === undefined)) throw ProposalErrors.halfPoint();
    if (await this.blocks.isBlocked(user.id)) throw ProposalErrors.blocked();
    // Images are re-encoded before the transaction: CPU work must not hold the (single, embedded) connection.
    const stored = await this.images.store(imageBuffers);
    try {
      return await this.proposals.transaction(async (manager) => {
        const theme = await this.proposals.findTheme(input.theme, manager);
        if (!theme) throw ProposalErrors.unknownTheme(input.theme);
        let areaId: string | null = null;
        if (input.lat !== undefined && input.lon !== undefined) {
          areaId = await this.catalog.areaAt(input.lon, input.lat, manager);
          if (!areaId) throw ProposalErrors.outsideAreas();
        } else if (input.area) {
          areaId = await this.catalog.areaIdByCode(input.area, manager);
          if (!areaId) throw ProposalErrors.unknownArea(input.area);
        }
        const id = await this.proposals.insert(manager, {
          title: input.title.trim(),
          summary: input.summary.trim(),
          description: input.description.trim(),
          themeId: theme.id,
          lon: input.lon ?? null,
          lat: input.lat ?? null,
          areaId,
          departmentId: theme.departmentId,
          authorId: user.id,
          showName: input.showName,
        });
        await this.proposals.insertImages(manager, id, stored);
        await this.consent.record(manager, { form: 'proposal', channel: 'web', locale: isLocale(locale) ? locale : 'es', userId: user.id });
        await this.timeline.append(manager, { proposalId: id, actorKind: 'author', actorId: user.id, from: null, to: 'published', message: null });
        await this.screen(manager, id, user.id, input);
        return this.detail(manager, id, locale, user);
      });
    } catch (error) {
      await this.images.remove(stored);
      throw error;
    }
  }

  /**
   * Personal data in a proposal's public text (title, summary, description) holds it for a
   * moderator before anyone else sees it, as for reports and comments (docs/moderation.md#screening):
   * the author sees it hidden, reason `personal_data`, until a moderator restores or confirms it.
   */
  private async screen(manager: EntityManager, id: string, authorId: string, input: CreateProposalDto): Promise<void> {
    const findings = screenFields({ title: input.title, summary: input.summary, description: input.description });
    if (findings.length === 0) return;
    const hold = { kinds: kindsOf(findings), fields: fieldsOf(findings), heldAt: new Date().toISOString() };
    const from = await this.proposalRecords.holdForScreening(manager, id, authorId, hold);
    await this.timeline.append(manager, { proposalId: id, actorKind: 'moderation', actorId: null, from, to: 'hidden', message: 'personal_data' });
  }

  async list(query: ProposalListQuery, locale: string): Promise<ProposalPage> {
    const { rows, total } = await this.proposals.list(query, locale);
    return { items: rows.map((row) => toSummary(row, this.mediaBase)), total, limit: query.limit, offset: query.offset };
  }

  async linkedTo(ref: string, locale: string): Promise<ProposalSummary[]> {
    const rows = await this.proposals.proposalsLinkedTo(ref, PUBLIC_REPORT_STATUSES, locale);
    if (!rows) throw ProposalErrors.reportNotFound(ref);
    return rows.map((row) => toSummary(row, this.mediaBase));
  }

  async get(id: string, locale: string, viewer: AuthUser | null): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.publicSnapshot((manager) => this.detail(manager, id, locale, viewer));
  }

  /**
   * The full proposal for staff, whatever its status (a hidden one too), with the decision in force.
   * Hidden content is the moderators' business: department staff read a hidden proposal only when
   * their department is the one responsible for it.
   */
  async staffDetail(user: AuthUser, id: string, locale: string): Promise<StaffProposalDetail> {
    return this.proposals.transaction(async (manager) => {
      const detail = (await this.detail(manager, id, locale, null, true)) as ProposalDetail;
      const moderator = user.roles.includes('community_manager') || user.roles.includes('admin');
      if (detail.status === 'hidden' && !moderator && !user.departments.some((d) => d.code === detail.department?.code)) {
        throw ProposalErrors.notYourDepartment();
      }
      return { ...detail, moderation: await this.proposals.moderation(id, manager) };
    });
  }

  async withdraw(user: AuthUser, id: string, locale: string): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.transaction(async (manager) => {
      const row = await this.lockOrFail(manager, id);
      if (row.authorId !== user.id) throw ProposalErrors.notAuthor();
      await this.move(manager, row, 'withdrawn', 'author', user.id, null);
      return this.detail(manager, id, locale, user);
    });
  }

  /** Adds a support; crossing the threshold moves the proposal to evaluation in the same transaction. */
  async support(user: AuthUser, id: string): Promise<SupportState> {
    return this.proposals.transaction(async (manager) => {
      const row = await this.lockOrFail(manager, id);
      if (row.status === 'hidden') throw ProposalErrors.notFound(id);
      if (row.authorId === user.id) throw ProposalErrors.ownProposal();
      if (!acceptsSupports(row.status)) throw ProposalErrors.notCollectingSupports(row.status);
      const supports = await this.proposals.addSupport(manager, id, user.id);
      if (supports === null) throw ProposalErrors.alreadySupported();
      let status = row.status;
      if (reachesEvaluation(row.status, supports, this.threshold)) {
        status = 'under_evaluation';
        await this.move(manager, row, status, 'system', null, `${supports} apoyos: alcanzado el umbral de ${this.threshold}.`);
      }
      return { supports, supported: true, status };
    });
  }

  async withdrawSupport(user: AuthUser, id: string): Promise<SupportState> {
    return this.proposals.transaction(async (manager) => {
      const row = await this.lockOrFail(manager, id);
      if (row.status === 'hidden') throw ProposalErrors.notFound(id);
      if (!acceptsSupports(row.status)) throw ProposalErrors.notCollectingSupports(row.status);
      const supports = await this.proposals.removeSupport(manager, id, user.id);
      if (supports === null) throw ProposalErrors.notSupported();
      // Falling below the threshold again does not undo an evaluation that has started.
      return { supports, supported: false, status: row.status };
    });
  }

  // ---- staff ----

  async evaluate(user: AuthUser, id: string, input: EvaluateProposalDto, locale: string): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.transaction(async (manager) => {
      const row = await this.lockOrFail(manager, id);
      if (input.departmentId && !(await this.proposals.activeDepartmentExists(input.departmentId, manager))) {
        throw ProposalErrors.unknownDepartment();
      }
      const departmentId = input.departmentId ?? row.departmentId ?? row.themeDepartmentId;
      await this.move(manager, row, 'under_evaluation', 'community_manager', user.id, input.message?.trim() || null, departmentId);
      await this.audit.record(manager, {
        actor: user,
        action: 'proposal.evaluate',
        entityType: 'proposal',
        entityId: id,
        before: { status: row.status, departmentId: row.departmentId },
        after: { status: 'under_evaluation', departmentId },
      });
      return this.detail(manager, id, locale, user);
    });
  }

  async answer(user: AuthUser, id: string, input: OfficialAnswerDto, locale: string): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.transaction(async (manager) => {
      const row = await this.lockOrFail(manager, id);
      const actor = this.staffActor(user, row);
      const check = checkProposalTransition(row.status, input.outcome, actor);
      if (!check.ok) throw this.refusal(check.reason, row.status, input.outcome);
      const template = await this.proposals.findTemplate(input.templateId, input.outcome, manager);
      if (!template) throw ProposalErrors.unknownTemplate();
      await this.proposals.insertAnswer(manager, {
        proposalId: id,
        outcome: input.outcome,
        templateId: template.id,
        body: input.text.trim(),
        departmentId: row.departmentId,
        authorId: user.id,
      });
      await this.move(manager, row, input.outcome, actor, user.id, null);
      await this.audit.record(manager, {
        actor: user,
        action: 'proposal.answer',
        entityType: 'proposal',
        entityId: id,
        before: { status: row.status },
        after: { status: input.outcome, templateId: template.id, text: input.text.trim() },
      });
      return this.detail(manager, id, locale, user);
    });
  }

  async progress(user: AuthUser, id: string, input: ProposalProgressDto, locale: string): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.transaction(async (manager) => {
      const row = await this.lockOrFail(manager, id);
      const actor = this.staffActor(user, row);
      await this.move(manager, row, input.status, actor, user.id, input.message?.trim() || null);
      await this.audit.record(manager, {
        actor: user,
        action: 'proposal.progress',
        entityType: 'proposal',
        entityId: id,
        before: { status: row.status },
        after: { status: input.status, message: input.message?.trim() || null },
      });
      return this.detail(manager, id, locale, user);
    });
  }

  async linkReport(user: AuthUser, id: string, ref: string, link: boolean, locale: string): Promise<ProposalDetail | HiddenProposalView> {
    return this.proposals.transaction(async (manager) => {
      await this.lockOrFail(manager, id);
      const reportId = await this.proposals.findReportId(ref, manager);
      if (!reportId) {
        if (link) throw ProposalErrors.unknownReport(ref);
        throw ProposalErrors.notLinked(ref);
      }
      if (link) {
        await this.proposals.link(manager, id, reportId, user.id);
      } else if (!(await this.proposals.unlink(manager, id, reportId))) {
        throw ProposalErrors.notLinked(ref);
      }
      await this.audit.record(manager, {
        actor: user,
        action: link ? 'proposal.link_report' : 'proposal.unlink_report',
        entityType: 'proposal',
        entityId: id,
        after: { reportRef: ref },
      });
      return this.detail(manager, id, locale, user);
    });
  }

  templates(locale: string | null, outcome: string | null): Promise<ProposalAnswerTemplate[]> {
    return this.proposals.listTemplates(locale, outcome);
  }

  // ---- helpers ----

  private async lockOrFail(manager: EntityManager, id: string): Promise<ProposalRow> {
    const row = await this.proposals.lock(manager, id);
    if (!row) throw ProposalErrors.notFound(id);
    return row;
  }

  /** Community managers and admins act city-wide; department staff only on their department's proposals. */
  private staffActor(user: AuthUser, row: ProposalRow): ProposalActor {
    if (user.roles.includes('community_manager') || user.roles.includes('admin')) return 'community_manager';
    if (!row.departmentId) throw ProposalErrors.noDepartment();
    if (!user.departments.some((d) => d.id === row.departmentId)) throw ProposalErrors.notYourDepartment();
    return 'department_staff';
  }

  private refusal(reason: 'not_allowed' | 'not_your_move', from: ProposalStatus, to: ProposalStatus): Error {
    return reason === 'not_allowed' ? ProposalErrors.transitionNotAllowed(from, to) : ProposalErrors.notYourMove(from, to);
  }

  /** Checks the move against the lifecycle, applies it and puts it on the public timeline. */
  private async move(
    manager: EntityManager,
    row: ProposalRow,
    to: ProposalStatus,
    actor: ProposalActor,
    actorId: string | null,
    message: string | null,
    departmentId?: string | null,
  ): Promise<void> {
    const check = checkProposalTransition(row.status, to, actor);
    if (!check.ok) throw this.refusal(check.reason, row.status, to);
    await this.proposals.setStatus(manager, row.id, to, departmentId);
    const by = actor === 'community_manager' || actor === 'department_staff' ? 'staff' : actor;
    await this.timeline.append(manager, { proposalId: row.id, actorKind: by, actorId, from: row.status, to, message });
    row.status = to;
  }

  private async detail(
    manager: EntityManager,
    id: string,
    locale: string,
    viewer: AuthUser | null,
    staff = false,
  ): Promise<ProposalDetail | HiddenProposalView> {
    const row = await this.proposals.findSummary(id, locale, manager);
    if (!row) throw ProposalErrors.notFound(id);
    if (row['status'] === 'hidden' && !staff) {
      return { id: Number(id), status: 'hidden', hidden: await this.proposals.hiddenReason(id, manager) };
    }
    const [images, timeline, answers, linkedReports] = [
      await this.proposals.images(id, manager),
      await this.proposals.timeline(id, manager),
      await this.proposals.answers(id, locale, manager),
      await this.proposals.linkedReports(id, PUBLIC_REPORT_STATUSES, manager),
    ];
    const detail: ProposalDetail = {
      ...toSummary(row, this.mediaBase),
      description: row['description'] as string,
      images: images.map((i) => ({
        url: `${this.mediaBase}${i.storageKey}`,
        thumbnailUrl: `${this.mediaBase}${i.thumbnailKey}`,
        width: i.width,
        height: i.height,
      })),
      department: row['departmentCode'] ? { code: row['departmentCode'] as string, name: row['departmentName'] as string } : null,
      timeline,
      answers,
      linkedReports,
      supportThreshold: this.threshold,
    };
    if (viewer) {
      const state = await this.proposals.viewerState(id, viewer.id, manager);
      detail.viewer = { ...state, isAuthor: row['authorId'] === viewer.id };
    }
    return detail;
  }
}
