// Typed calls to /api/v1/staff/… for the inbox and case view (routes and shapes:
// libs/shared/contracts/src/cases.ts). The API is the guard; these only say what is asked.
import type {
  ApproveDraftRequest,
  BulkMoveRequest,
  BulkMoveResult,
  CaseDetail,
  CaseInbox,
  CaseInboxQuery,
  CaseMoveResult,
  CasePriority,
  CategoryView,
  DepartmentRef,
  DepartmentTrust,
  EditTextRequest,
  FileOnBehalfRequest,
  FilledTemplate,
  Holiday,
  SavedView,
  HolidayInput,
  InternalNoteRequest,
  MapSettings,
  PublicReplyRequest,
  ResolveRequest,
  ResponseTemplate,
  ScheduleRequest,
  StatusMoveRequest,
} from '@plaza/shared/contracts';
import { apiRequest } from './client';

const STAFF = '/api/v1/staff';
const enc = encodeURIComponent;
const caseUrl = (ref: string, move = '') => `${STAFF}/cases/${enc(ref)}${move ? `/${move}` : ''}`;
const post = <T = CaseMoveResult>(url: string, json: unknown = {}) => apiRequest<T>(url, { method: 'POST', json });

export interface AreaOption {
  code: string;
  name: string;
}

export const casesApi = {
  inbox: (query: CaseInboxQuery, signal?: AbortSignal) =>
    apiRequest<CaseInbox>(`${STAFF}/cases`, { query: query as Record<string, string | number | undefined>, signal }),
  detail: (ref: string) => apiRequest<CaseDetail>(caseUrl(ref)),
  templateFill: (ref: string, templateId: string) =>
    apiRequest<FilledTemplate>(`${caseUrl(ref, 'template-fill')}`, { query: { templateId } }),
  templates: (filter: { category?: string; locale?: string; status?: string }) =>
    apiRequest<ResponseTemplate[]>(`${STAFF}/templates`, { query: filter }),
  departments: () => apiRequest<DepartmentRef[]>(`${STAFF}/departments`),
  holidays: (from: string, to: string) => apiRequest<Holiday[]>(`${STAFF}/holidays`, { query: { from, to } }),
  savedViews: () => apiRequest<SavedView[]>(`${STAFF}/saved-views`),
  saveSavedViews: (views: SavedView[]) => apiRequest<SavedView[]>(`${STAFF}/saved-views`, { method: 'PUT', json: { views } }),

  publish: (ref: string, message?: string) => post(caseUrl(ref, 'publish'), message ? { message } : {}),
  hide: (ref: string, reason: string) => post(caseUrl(ref, 'hide'), { reason }),
  editText: (ref: string, input: EditTextRequest) => apiRequest<CaseMoveResult>(caseUrl(ref, 'text'), { method: 'PATCH', json: input }),
  photoVisibility: (ref: string, photoId: string, hidden: boolean) =>
    apiRequest<CaseMoveResult>(caseUrl(ref, `photos/${enc(photoId)}`), { method: 'PATCH', json: { hidden } }),
  changeCategory: (ref: string, category: string) => post(caseUrl(ref, 'category'), { category }),
  changeLocation: (ref: string, lat: number, lon: number, address?: string | null) =>
    post(caseUrl(ref, 'location'), { lat, lon, address }),
  assign: (ref: string, departmentId: string) => post(caseUrl(ref, 'assign'), { departmentId }),
  merge: (ref: string, into: string) => post(caseUrl(ref, 'merge'), { into }),
  priority: (ref: string, priority: CasePriority) => post(caseUrl(ref, 'priority'), { priority }),
  approveDraft: (ref: string, draftId: string, input: ApproveDraftRequest) => post(caseUrl(ref, `drafts/${enc(draftId)}/approve`), input),
  rejectDraft: (ref: string, draftId: string, reason: string) => post(caseUrl(ref, `drafts/${enc(draftId)}/reject`), { reason }),
  bulk: (input: BulkMoveRequest) => post<BulkMoveResult>(`${STAFF}/cases/bulk`, input),
  reply: (ref: string, input: PublicReplyRequest) => post(caseUrl(ref, 'replies'), input),
  note: (ref: string, input: InternalNoteRequest) => post(caseUrl(ref, 'notes'), input),
  acknowledge: (ref: string, input: StatusMoveRequest) => post(caseUrl(ref, 'acknowledge'), input),
  schedule: (ref: string, input: ScheduleRequest) => post(caseUrl(ref, 'schedule'), input),
  start: (ref: string, input: StatusMoveRequest) => post(caseUrl(ref, 'start'), input),
  resolve: (ref: string, input: ResolveRequest) => post(caseUrl(ref, 'resolve'), input),
  referBack: (ref: string, reason: string) => post(caseUrl(ref, 'refer-back'), { reason }),
  fileOnBehalf: (input: FileOnBehalfRequest) => post(`${STAFF}/cases`, input),

  adminHolidays: (year?: number) => apiRequest<Holiday[]>('/api/v1/admin/holidays', { query: { year } }),
  createHoliday: (input: HolidayInput) => apiRequest<Holiday>('/api/v1/admin/holidays', { method: 'POST', json: input }),
  deleteHoliday: (id: string) => apiRequest<void>(`/api/v1/admin/holidays/${enc(id)}`, { method: 'DELETE' }),
  departmentTrust: () => apiRequest<DepartmentTrust[]>('/api/v1/admin/department-trust'),
  setDepartmentTrust: (departmentId: string, trustedToPublish: boolean) =>
    apiRequest<DepartmentTrust>(`/api/v1/admin/department-trust/${enc(departmentId)}`, { method: 'PUT', json: { trustedToPublish } }),
};

/** Public reference data the filters and pickers use. */
export const referenceApi = {
  categories: () => apiRequest<CategoryView[]>('/api/v1/categories'),
  areas: async (): Promise<AreaOption[]> => {
    const collection = await apiRequest<{ features?: Array<{ properties?: Partial<AreaOption> | null }> }>('/api/v1/areas');
    return (collection.features ?? [])
      .map((f) => ({ code: f.properties?.code ?? '', name: f.properties?.name ?? '' }))
      .filter((a) => a.code !== '')
      .sort((a, b) => a.name.localeCompare(b.name));
  },
  mapSettings: () => apiRequest<MapSettings>('/api/v1/map/settings'),
};
