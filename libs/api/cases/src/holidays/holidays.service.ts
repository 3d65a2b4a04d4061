import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type AuditActor } from '@plaza/api/audit';
import type { Holiday } from '@plaza/shared/contracts';
import { DataSource } from 'typeorm';
import { CaseErrors, requireUuid } from '../cases.errors';
import type { HolidayDto } from './holiday.dto';
import { HolidaysRepository } from './holidays.repository';

/** The holiday calendar response times are counted with; changing it moves open cases' due dates. */
@Injectable()
export class HolidaysService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly holidays: HolidaysRepository,
    private readonly audit: AuditService,
  ) {}

  list(filter: Parameters<HolidaysRepository['list']>[0]): Promise<Holiday[]> {
    return this.holidays.list(filter);
  }

  async create(actor: AuditActor, input: HolidayDto): Promise<Holiday> {
    if (!isCalendarDate(input.date)) {
      throw CaseErrors.field('date', 'invalid_format', 'date must be a real calendar date');
    }
    return this.db.transaction(async (manager) => {
      const id = await this.holidays.insert(manager, { date: input.date, name: input.name.trim(), scope: input.scope });
      if (!id) throw CaseErrors.holidayTaken();
      const after = (await this.holidays.find(manager, id)) as Holiday;
      await this.holidays.recomputeOpenDueDates(manager);
      await this.audit.record(manager, { actor, action: 'holiday.create', entityType: 'holiday', entityId: id, after });
      return after;
    });
  }

  async remove(actor: AuditActor, rawId: string): Promise<void> {
    const id = requireUuid(rawId, CaseErrors.holidayNotFound);
    await this.db.transaction(async (manager) => {
      const before = await this.holidays.find(manager, id);
      if (!before) throw CaseErrors.holidayNotFound();
      await this.holidays.delete(manager, id);
      await this.holidays.recomputeOpenDueDates(manager);
      await this.audit.record(manager, { actor, action: 'holiday.delete', entityType: 'holiday', entityId: id, before });
    });
  }
}

/** 2026-02-30 has the right shape but names no day. */
function isCalendarDate(date: string): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}
