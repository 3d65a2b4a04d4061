// Typed calls to /api/v1/admin/… (routes and shapes: libs/shared/contracts/src/accounts.ts).
import type {
  AdminApiClient,
  AdminArea,
  CreatedApiClient,
  SendMethod,
  AdminCategory,
  AdminProposalTheme,
  AdminDepartment,
  AdminRoutingRule,
  AdminUser,
  AreaUploadResult,
  AuditPage,
  AuditVerification,
  MailMessageView,
  ResponseTemplate,
  ResponseTemplateGroup,
  ResponseTemplateGroupInput,
  ProposalThemeInput,
  Role,
} from '@plaza/shared/contracts';
import { apiRequest } from './client';

const ADMIN = '/api/v1/admin';

// What a form may leave empty is optional here: it goes as missing, so the API's validation answers
// "required" (an empty string would be "not a uuid" or "invalid format" instead).
export type DepartmentInput = Omit<AdminDepartment, 'id' | 'code' | 'dispatch'> & { code?: string } & DepartmentDispatchInput;
/** The send method as written: the external API key goes only this way (null removes it). */
export interface DepartmentDispatchInput {
  sendMethod?: SendMethod;
  open311Endpoint?: string | null;
  open311ApiKey?: string | null;
  open311JurisdictionId?: string | null;
  open311ServiceCodes?: Record<string, string>;
  open311SendReporter?: boolean;
}
export interface ApiClientInput {
  name: string;
  contactEmail: string;
  verifiesReporters: boolean;
}
export type CategoryInput = Omit<AdminCategory, 'group' | 'defaultDepartmentId' | 'code' | 'icon'> & {
  code?: string;
  /** null: no group. */
  group?: AdminCategory['group'];
  icon?: string;
  defaultDepartmentId?: string;
};
/** A theme's department is optional: null (or missing) leaves proposals of the theme without one. */
export type ProposalThemeCreateInput = Omit<ProposalThemeInput, 'code'> & { code?: string };
export type RoutingRuleInput = Partial<Pick<AdminRoutingRule, 'areaId' | 'categoryCode' | 'departmentId'>>;
export interface UserCreateInput {
  name: string;
  email: string;
  roles: Role[];
  departmentIds: string[];
  /** Language of the invitation mail and later mail. */
  locale?: string;
}
export type UserPatchInput = Partial<Pick<AdminUser, 'name' | 'roles' | 'departmentIds' | 'active'>>;
export type TemplateInput = Omit<ResponseTemplate, 'id' | 'groupId'>;
export type MailSummary = Omit<MailMessageView, 'text' | 'html'> & Partial<Pick<MailMessageView, 'text' | 'html'>>;

const id = encodeURIComponent;

export const adminApi = {
  departments: () => apiRequest<AdminDepartment[]>(`${ADMIN}/departments`),
  createDepartment: (input: DepartmentInput) =>
    apiRequest<AdminDepartment>(`${ADMIN}/departments`, { method: 'POST', json: input }),
  updateDepartment: (departmentId: string, input: Partial<Omit<DepartmentInput, 'code'>>) =>
    apiRequest<AdminDepartment>(`${ADMIN}/departments/${id(departmentId)}`, { method: 'PATCH', json: input }),

  categories: () => apiRequest<AdminCategory[]>(`${ADMIN}/categories`),
  createCategory: (input: CategoryInput) => apiRequest<AdminCategory>(`${ADMIN}/categories`, { method: 'POST', json: input }),
  updateCategory: (code: string, input: Partial<Omit<CategoryInput, 'code'>>) =>
    apiRequest<AdminCategory>(`${ADMIN}/categories/${id(code)}`, { method: 'PATCH', json: input }),

  proposalThemes: () => apiRequest<AdminProposalTheme[]>(`${ADMIN}/proposal-themes`),
  createProposalTheme: (input: ProposalThemeCreateInput) =>
    apiRequest<AdminProposalTheme>(`${ADMIN}/proposal-themes`, { method: 'POST', json: input }),
  updateProposalTheme: (code: string, input: Partial<Omit<ProposalThemeInput, 'code'>>) =>
    apiRequest<AdminProposalTheme>(`${ADMIN}/proposal-themes/${id(code)}`, { method: 'PATCH', json: input }),

  routingRules: () => apiRequest<AdminRoutingRule[]>(`${ADMIN}/routing-rules`),
  createRoutingRule: (input: RoutingRuleInput) =>
    apiRequest<AdminRoutingRule>(`${ADMIN}/routing-rules`, { method: 'POST', json: input }),
  deleteRoutingRule: (ruleId: string) => apiRequest<void>(`${ADMIN}/routing-rules/${id(ruleId)}`, { method: 'DELETE' }),

  areas: () => apiRequest<AdminArea[]>(`${ADMIN}/areas`),
  /** Multipart with the file as-is: no 1 MB JSON body limit, and the API reports bad JSON on `file`. */
  uploadAreas: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiRequest<AreaUploadResult>(`${ADMIN}/areas`, { method: 'POST', form });
  },

  users: (filter: { q?: string; role?: string } = {}) => apiRequest<AdminUser[]>(`${ADMIN}/users`, { query: filter }),
  createUser: (input: UserCreateInput) => apiRequest<AdminUser>(`${ADMIN}/users`, { method: 'POST', json: input }),
  updateUser: (userId: string, input: UserPatchInput) =>
    apiRequest<AdminUser>(`${ADMIN}/users/${id(userId)}`, { method: 'PATCH', json: input }),

  templates: () => apiRequest<ResponseTemplate[]>(`${ADMIN}/templates`),
  createTemplate: (input: TemplateInput) =>
    apiRequest<ResponseTemplate>(`${ADMIN}/templates`, { method: 'POST', json: input }),
  updateTemplate: (templateId: string, input: Partial<TemplateInput>) =>
    apiRequest<ResponseTemplate>(`${ADMIN}/templates/${id(templateId)}`, { method: 'PATCH', json: input }),
  deleteTemplate: (templateId: string) => apiRequest<void>(`${ADMIN}/templates/${id(templateId)}`, { method: 'DELETE' }),
  templateGroups: () => apiRequest<ResponseTemplateGroup[]>(`${ADMIN}/template-groups`),
  createTemplateGroup: (input: ResponseTemplateGroupInput) =>
    apiRequest<ResponseTemplateGroup>(`${ADMIN}/template-groups`, { method: 'POST', json: input }),
  updateTemplateGroup: (groupId: string, input: ResponseTemplateGroupInput) =>
    apiRequest<ResponseTemplateGroup>(`${ADMIN}/template-groups/${id(groupId)}`, { method: 'PATCH', json: input }),
  deleteTemplateGroup: (groupId: string) => apiRequest<void>(`${ADMIN}/template-groups/${id(groupId)}`, { method: 'DELETE' }),

  audit: (page: { before?: number | null; limit?: number } = {}) =>
    apiRequest<AuditPage>(`${ADMIN}/audit`, { query: { before: page.before ?? undefined, limit: page.limit } }),
  verifyAudit: () => apiRequest<AuditVerification>(`${ADMIN}/audit/verify`),

  apiClients: () => apiRequest<AdminApiClient[]>(`${ADMIN}/api-clients`),
  createApiClient: (input: ApiClientInput) =>
    apiRequest<CreatedApiClient>(`${ADMIN}/api-clients`, { method: 'POST', json: input }),
  revokeApiClient: (clientId: string) =>
    apiRequest<AdminApiClient>(`${ADMIN}/api-clients/${id(clientId)}/revoke`, { method: 'POST' }),

  mail: () => apiRequest<MailSummary[]>(`${ADMIN}/mail`),
  mailMessage: (messageId: string) => apiRequest<MailMessageView>(`${ADMIN}/mail/${id(messageId)}`),
};
