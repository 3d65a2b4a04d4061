import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { ResponseTemplateGroup } from '@plaza/shared/contracts';
import { CreateTemplateGroupDto, UpdateTemplateGroupDto } from './template-group.dto';
import { TemplateGroupsService } from './template-groups.service';

/** Templates with all their languages: what the console's template page edits. */
@ApiTags('admin')
@Access('admin', 'community_manager')
@Controller({ path: 'admin/template-groups', version: '1' })
export class TemplateGroupsController {
  constructor(private readonly groups: TemplateGroupsService) {}

  @Get()
  @ApiOperation({ summary: 'Response templates, each with its text in every language it has' })
  list(): Promise<ResponseTemplateGroup[]> {
    return this.groups.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a response template in the five languages' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<ResponseTemplateGroup> {
    return this.groups.create(user, parseInput(CreateTemplateGroupDto, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a template: category, status, active, or its texts (all five languages)' })
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() body: unknown): Promise<ResponseTemplateGroup> {
    return this.groups.update(user, id, parseInput(UpdateTemplateGroupDto, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a template in every language (or PATCH active=false to keep it on record)' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.groups.remove(user, id);
  }
}
