// The administration pages; the app routes to them inside AdminLayout.
export { AdminHomePage } from './AdminHomePage';
export { AdminLayout } from './AdminLayout';
export { ApiClientsPage } from './ApiClientsPage';
export { AreasPage } from './AreasPage';
export { AuditPage } from './AuditPage';
export { CategoriesPage } from './CategoriesPage';
export { DepartmentsPage } from './DepartmentsPage';
export { DepartmentTrustPage } from './DepartmentTrustPage';
export { HolidaysPage } from './HolidaysPage';
export { MailListPage, MailMessagePage } from './MailPage';
export { ProposalThemesPage } from './ProposalThemesPage';
export { RoutingRulesPage } from './RoutingRulesPage';
export { TemplatesPage } from './TemplatesPage';
export { UsersPage } from './UsersPage';
