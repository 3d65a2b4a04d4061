import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { AdminCategory } from '@plaza/shared/contracts';
import { CategoriesService } from './categories.service';
import { CreateCategoryDto, UpdateCategoryDto } from './category.dto';

@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/categories', version: '1' })
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'Every category, with every language, active or not' })
  list(): Promise<AdminCategory[]> {
    return this.categories.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a category (shows at once on the public report form)' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<AdminCategory> {
    return this.categories.create(user, parseInput(CreateCategoryDto, body));
  }

  @Patch(':code')
  @ApiOperation({ summary: 'Change a category: names, department, target days, moderation, icon, active' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<AdminCategory> {
    return this.categories.update(user, code, parseInput(UpdateCategoryDto, body));
  }
}
