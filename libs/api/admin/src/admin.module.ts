import { Module } from '@nestjs/common';
import { ApiClientsModule } from '@plaza/api/api-clients';
import { AuditModule } from '@plaza/api/audit';
import { AuthModule } from '@plaza/api/auth';
import { MailModule } from '@plaza/api/mail';
import { ApiClientsController } from './api-clients/api-clients.controller';
import { AdminApiClientsService } from './api-clients/api-clients.service';
import { AreasController } from './areas/areas.controller';
import { AreasRepository } from './areas/areas.repository';
import { AreasService } from './areas/areas.service';
import { AuditController } from './audit.controller';
import { CategoriesController } from './categories/categories.controller';
import { CategoriesRepository } from './categories/categories.repository';
import { CategoriesService } from './categories/categories.service';
import { DepartmentsController } from './departments/departments.controller';
import { DepartmentsRepository } from './departments/departments.repository';
import { DepartmentsService } from './departments/departments.service';
import { MailController } from './mail.controller';
import { RoutingRulesController } from './routing-rules/routing-rules.controller';
import { RoutingRulesRepository } from './routing-rules/routing-rules.repository';
import { RoutingRulesService } from './routing-rules/routing-rules.service';
import { StaffDirectoryRepository } from './staff/staff-directory.repository';
import { StaffController } from './staff/staff.controller';
import { TemplateGroupsController } from './templates/template-groups.controller';
import { TemplateGroupsService } from './templates/template-groups.service';
import { TemplatesController } from './templates/templates.controller';
import { TemplatesRepository } from './templates/templates.repository';
import { TemplatesService } from './templates/templates.service';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/** /api/v1/admin/…: the city's configuration, accounts, audit log and kept mail; /api/v1/staff/… reads of it. */
@Module({
  imports: [ApiClientsModule, AuthModule, AuditModule, MailModule],
  controllers: [
    DepartmentsController,
    CategoriesController,
    RoutingRulesController,
    AreasController,
    UsersController,
    TemplatesController,
    TemplateGroupsController,
    AuditController,
    MailController,
    StaffController,
    ApiClientsController,
  ],
  providers: [
    DepartmentsRepository,
    DepartmentsService,
    CategoriesRepository,
    CategoriesService,
    RoutingRulesRepository,
    RoutingRulesService,
    AreasRepository,
    AreasService,
    UsersRepository,
    UsersService,
    TemplatesRepository,
    TemplatesService,
    TemplateGroupsService,
    StaffDirectoryRepository,
    AdminApiClientsService,
  ],
})
export class AdminModule {}
