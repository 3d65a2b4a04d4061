import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { AuditService } from '@plaza/api/audit';
import { parseInput, RequestLocale } from '@plaza/api/http';
import type { Locale, LocalizedText, ProposalTheme } from '@plaza/shared/contracts';
import { CreateThemeDto, UpdateThemeDto, type LocalizedNameDto } from './dto/staff-proposal.dto';
import { ProposalErrors } from './proposals.errors';
import { ThemesRepository, type ThemeRecord } from './themes.repository';

@ApiTags('proposals')
@Access('public')
@Controller({ path: 'proposal-themes', version: '1' })
export class ThemesController {
  constructor(private readonly themes: ThemesRepository) {}

  @Get()
  @ApiOperation({ summary: 'Active proposal themes, in the caller\u2019s language' })
  list(@RequestLocale() locale: Locale): Promise<ProposalTheme[]> {
    return this.themes.listPublic(locale);
  }
}

/** Themes are the city's own list, separate from incident categories (docs/proposals.md says why). */
@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/proposal-themes', version: '1' })
export class ThemesAdminController {
  constructor(
    private readonly themes: ThemesRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(): Promise<ThemeRecord[]> {
    return this.themes.listAll();
  }

  @Post()
  @HttpCode(201)
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<ThemeRecord> {
    const input = parseInput(CreateThemeDto, body);
    return this.themes.transaction(async (manager) => {
      if (input.departmentId && !(await this.themes.departmentExists(manager, input.departmentId))) throw ProposalErrors.unknownDepartment();
      const created = await this.themes.insert(manager, {
        code: input.code,
        name: trimmedName(input.name),
        departmentId: input.departmentId ?? null,
        active: input.active ?? true,
        sortOrder: input.sortOrder ?? 100,
      });
      if (!created) throw ProposalErrors.themeExists(input.code);
      await this.audit.record(manager, { actor: user, action: 'proposal_theme.create', entityType: 'proposal_theme', entityId: input.code, after: created });
      return created;
    });
  }

  @Patch(':code')
  update(@CurrentUser() user: AuthUser, @Param('code') code: string, @Body() body: unknown): Promise<ThemeRecord> {
    const input = parseInput(UpdateThemeDto, body);
    return this.themes.transaction(async (manager) => {
      const before = await this.themes.find(manager, code);
      if (!before) throw ProposalErrors.themeNotFound(code.slice(0, 64));
      if (input.departmentId && !(await this.themes.departmentExists(manager, input.departmentId))) throw ProposalErrors.unknownDepartment();
      const after = await this.themes.update(manager, {
        code,
        name: input.name ? trimmedName(input.name) : before.name,
        departmentId: input.departmentId !== undefined ? input.departmentId : before.departmentId,
        active: input.active ?? before.active,
        sortOrder: input.sortOrder ?? before.sortOrder,
      });
      await this.audit.record(manager, { actor: user, action: 'proposal_theme.update', entityType: 'proposal_theme', entityId: code, before, after });
      return after;
    });
  }
}

function trimmedName(name: LocalizedNameDto): LocalizedText {
  return { es: name.es.trim(), en: name.en.trim(), ca: name.ca.trim(), eu: name.eu.trim(), gl: name.gl.trim() };
}
