import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { DomainError, parseInput } from '@plaza/api/http';
import type { SavedView } from '@plaza/shared/contracts';
import { SavedViewsDto } from './saved-views.dto';
import { SavedViewsRepository } from './saved-views.repository';

/** The signed-in staff member's saved inbox views, on the server so they follow them anywhere. */
@ApiTags('staff')
@Access('department_staff', 'community_manager', 'admin')
@Controller({ path: 'staff/saved-views', version: '1' })
export class SavedViewsController {
  constructor(private readonly views: SavedViewsRepository) {}

  @Get()
  @ApiOperation({ summary: 'My saved inbox views' })
  list(@CurrentUser() user: AuthUser): Promise<SavedView[]> {
    return this.views.find(user.id);
  }

  @Put()
  @ApiOperation({ summary: 'Replace my saved inbox views (names are unique, case-insensitively)' })
  replace(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<SavedView[]> {
    const { views } = parseInput(SavedViewsDto, body);
    const cleaned = views.map((view) => ({ name: view.name.trim(), search: view.search }));
    const seen = new Set<string>();
    cleaned.forEach((view, index) => {
      const key = view.name.toLocaleLowerCase();
      if (seen.has(key)) {
        throw DomainError.validation([{ field: `views[${index}].name`, code: 'duplicate', message: 'Another view has this name.' }]);
      }
      seen.add(key);
    });
    return this.views.replace(user.id, cleaned);
  }
}
