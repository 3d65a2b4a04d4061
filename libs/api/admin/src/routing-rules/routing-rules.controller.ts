import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { AdminRoutingRule } from '@plaza/shared/contracts';
import { CreateRoutingRuleDto } from './routing-rule.dto';
import { RoutingRulesService } from './routing-rules.service';

@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/routing-rules', version: '1' })
export class RoutingRulesController {
  constructor(private readonly rules: RoutingRulesService) {}

  @Get()
  @ApiOperation({ summary: 'Routing rules: which department handles a category in an area' })
  list(): Promise<AdminRoutingRule[]> {
    return this.rules.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Route a category to a department within one area' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<AdminRoutingRule> {
    return this.rules.create(user, parseInput(CreateRoutingRuleDto, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a routing rule (the category default applies again)' })
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.rules.remove(user, id);
  }
}
