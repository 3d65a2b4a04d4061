import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@plaza/api/auth';
import { CatalogRepository } from '@plaza/api/catalog';
import type { CaseMoveResult, Locale } from '@plaza/shared/contracts';
import { assertCanModerate } from './case-access';
import { CaseMoveRunner } from './case-move-runner';
import { CaseWritesRepository } from './case-writes.repository';
import { CaseErrors, requireUuid } from './cases.errors';
import { assertPublishable } from './public-text-screening';
import type {
  AssignDto,
  ChangeCategoryDto,
  ChangeLocationDto,
  EditTextDto,
  MergeDto,
  PhotoVisibilityDto,
  PriorityDto,
  PublishDto,
  ReasonDto,
} from './dto/moves.dto';

const DEFAULT_MERGE_MESSAGE = 'Esta incidencia ya estaba comunicada. Seguimos su evolución en la incidencia {original}.';

/** The community manager's moves on a case: publication, public text, placement, merges, priority. */
@Injectable()
export class CaseModerationService {
  constructor(
    private readonly runner: CaseMoveRunner,
    private readonly writes: CaseWritesRepository,
    private readonly catalog: CatalogRepository,
  ) {}

  /** `bulk`: part of a bulk publication, which never publishes what screening held unseen. */
  publish(user: AuthUser, ref: string, input: PublishDto, locale: Locale, bulk = false): Promise<CaseMoveResult> {
    assertCanModerate(user);
    return this.runner.run(user, ref, locale, async (move) => {
      const before = move.current.status;
      if (before !== 'unconfirmed' && before !== 'hidden') throw CaseErrors.invalidTransition(before, 'confirmed');
      if (bulk && before === 'unconfirmed' && move.current.heldForPersonalData) throw CaseErrors.heldForReview();
      const message = input.message?.trim();
      if (message) await assertPublishable(move, { field: 'message', text: message, style: false, override: input.override });
      await move.transition('confirmed', { message: input.message?.trim() ?? null });
      await move.audit('case.publish', { status: before }, { status: 'confirmed', message: input.message ?? null });
    });
  }

  hide(user: AuthUser, ref: string, input: ReasonDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    return this.runner.run(user, ref, locale, async (move) => {
      const before = move.current.status;
      // The reason stays private: hidden reports are not public, and neither is why.
      await move.transition('hidden', { message: input.reason.trim(), isPublic: false });
      await move.audit('case.hide', { status: before }, { status: 'hidden', reason: input.reason.trim() });
    });
  }

  editText(user: AuthUser, ref: string, input: EditTextDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    if (input.title === undefined && input.description === undefined) {
      throw CaseErrors.field('title', 'required', 'Send a new title, a new description, or both.');
    }
    return this.runner.run(user, ref, locale, async (move) => {
      const before = { title: move.current.title, description: move.current.description };
      const after = {
        title: input.title?.trim() ?? before.title,
        description: input.description?.trim() ?? before.description,
      };
      await this.writes.setText(move.manager, move.current.id, after.title, after.description);
      // The audit trail keeps the original text, where redacted personal data remains, for admins
      // only and sealed under the report's key: erasing the reporter's data shreds it.
      await move.audit('case.edit_text', before, { ...after, reason: input.reason ?? null }, true);
    });
  }

  photoVisibility(
    user: AuthUser,
    ref: string,
    rawPhotoId: string,
    input: PhotoVisibilityDto,
    locale: Locale,
  ): Promise<CaseMoveResult> {
    assertCanModerate(user);
    const photoId = requireUuid(rawPhotoId, CaseErrors.photoNotFound);
    return this.runner.run(user, ref, locale, async (move) => {
      const photo = await this.writes.photo(move.manager, move.current.id, photoId);
      if (!photo) throw CaseErrors.photoNotFound();
      await this.writes.setPhotoHidden(move.manager, photoId, input.hidden);
      await move.audit(
        input.hidden ? 'case.photo_hide' : 'case.photo_show',
        { photoId, hidden: photo.hidden },
        { photoId, hidden: input.hidden, reason: input.reason ?? null },
      );
    });
  }

  changeCategory(user: AuthUser, ref: string, input: ChangeCategoryDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    return this.runner.run(user, ref, locale, async (move) => {
      const category = await this.writes.activeCategory(move.manager, input.category);
      if (!category) throw CaseErrors.field('category', 'unknown_category', `There is no active category "${input.category}".`);
      const c = move.current;
      const placement = await this.catalog.place(c.lon, c.lat, category.id, move.manager);
      const before = { category: c.categoryCode, areaId: c.areaId, departmentId: c.departmentId };
      const after = {
        categoryId: category.id,
        areaId: placement?.areaId ?? c.areaId,
        departmentId: placement?.departmentId ?? c.departmentId,
      };
      await this.writes.setPlacement(move.manager, c.id, { ...after, lon: c.lon, lat: c.lat, address: c.address });
      c.departmentId = after.departmentId;
      await move.audit('case.category', before, { category: category.code, areaId: after.areaId, departmentId: after.departmentId });
    });
  }

  changeLocation(user: AuthUser, ref: string, input: ChangeLocationDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    return this.runner.run(user, ref, locale, async (move) => {
      const c = move.current;
      const placement = await this.catalog.place(input.lon, input.lat, c.categoryId, move.manager);
      if (!placement) throw CaseErrors.outsideAreas();
      const address = input.address === undefined ? c.address : input.address?.trim() || null;
      const before = { lat: c.lat, lon: c.lon, address: c.address, areaId: c.areaId, departmentId: c.departmentId };
      await this.writes.setPlacement(move.manager, c.id, {
        categoryId: c.categoryId,
        areaId: placement.areaId,
        departmentId: placement.departmentId,
        lon: input.lon,
        lat: input.lat,
        address,
      });
      c.departmentId = placement.departmentId;
      await move.audit('case.location', before, {
        lat: input.lat,
        lon: input.lon,
        address,
        areaId: placement.areaId,
        departmentId: placement.departmentId,
      });
    });
  }

  assign(user: AuthUser, ref: string, input: AssignDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    return this.runner.run(user, ref, locale, async (move) => {
      const department = await this.writes.activeDepartment(move.manager, input.departmentId.toLowerCase());
      if (!department) throw CaseErrors.field('departmentId', 'unknown_department', 'There is no such active department.');
      const before = { departmentId: move.current.departmentId, referredAt: move.current.referredAt };
      await this.writes.assign(move.manager, move.current.id, department.id);
      move.current.departmentId = department.id;
      await move.audit('case.assign', before, { departmentId: department.id, department: department.code });
    });
  }

  merge(user: AuthUser, ref: string, input: MergeDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    if (input.into === ref) throw CaseErrors.field('into', 'same_case', 'A case cannot be merged into itself.');
    return this.runner.run(user, ref, locale, async (move) => {
      const original = await this.writes.lock(move.manager, input.into);
      if (!original) throw CaseErrors.field('into', 'unknown_case', `There is no case ${input.into}.`);
      if (original.duplicateOfId !== null || original.status === 'hidden') {
        throw CaseErrors.field('into', 'not_an_original', 'Merge into the original case, not into a duplicate or a hidden one.');
      }
      const before = { status: move.current.status, duplicateOf: null };
      const message = (input.message ?? DEFAULT_MERGE_MESSAGE).replaceAll('{original}', original.ref).trim();
      await assertPublishable(move, { field: 'message', text: message, style: false, override: input.override });
      await move.transition('duplicate', { message });
      const followersMoved = await this.writes.markDuplicate(move.manager, move.current.id, original.id);
      await this.writes.touch(move.manager, original.id);
      await move.audit('case.merge', before, { status: 'duplicate', duplicateOf: original.ref, followersMoved });
    });
  }

  priority(user: AuthUser, ref: string, input: PriorityDto, locale: Locale): Promise<CaseMoveResult> {
    assertCanModerate(user);
    return this.runner.run(user, ref, locale, async (move) => {
      const before = { priority: move.current.priority };
      await this.writes.setPriority(move.manager, move.current.id, input.priority);
      await move.audit('case.priority', before, { priority: input.priority });
    });
  }
}
