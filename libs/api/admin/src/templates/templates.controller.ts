import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { ResponseTemplate } from '@plaza/shared/contracts';
import { textParam } from '../query-params';
import { CreateTemplateDto, UpdateTemplateDto } from './template.dto';
import { TemplatesService } from './templates.service';

/** Community managers own the city's voice, so they manage templates too. */
@ApiTags('admin')
@Access('admin', 'community_manager')
@Controller({ path: 'admin/templates', version: '1' })
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'Response templates, active or not' })
  @ApiQuery({
    name: 'category',
    required: false,
    description: 'That category\u2019s templates and the general ones',
  })
  @ApiQuery({ name: 'locale', required: false })
  list(@Query() query: Record<string, unknown>): Promise<ResponseTemplate[]> {
    return this.templates.list({
      categoryCode: textParam(query, 'category', 64),
      locale: textParam(query, 'locale', 5),
      status: null,
      activeOnly: false,
    });
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a response template' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<ResponseTemplate> {
    return this.templates.create(user, parseInput(CreateTemplateDto, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a response template' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ResponseTemplate> {
    return this.templates.update(user, id, parseInput(UpdateTemplateDto, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a response template (or PATCH active=false to keep it on record)' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.templates.remove(user, id);
  }
}
