import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, type AuthUser } from '@plaza/api/auth';
import { parseInput } from '@plaza/api/http';
import type { AdminDepartment } from '@plaza/shared/contracts';
import { CreateDepartmentDto, UpdateDepartmentDto } from './department.dto';
import { DepartmentsService } from './departments.service';

@ApiTags('admin')
@Access('admin')
@Controller({ path: 'admin/departments', version: '1' })
export class DepartmentsController {
  constructor(private readonly departments: DepartmentsService) {}

  @Get()
  @ApiOperation({ summary: 'Every department, active or not' })
  list(): Promise<AdminDepartment[]> {
    return this.departments.list();
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a department' })
  create(@CurrentUser() user: AuthUser, @Body() body: unknown): Promise<AdminDepartment> {
    return this.departments.create(user, parseInput(CreateDepartmentDto, body));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, change the contact address, or (de)activate a department' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<AdminDepartment> {
    return this.departments.update(user, id, parseInput(UpdateDepartmentDto, body));
  }
}
