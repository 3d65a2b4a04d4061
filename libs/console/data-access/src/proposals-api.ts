// Staff calls for proposals (issue 6): list, evaluation, official answers, progress, linked reports.
import type {
  EvaluateProposalInput,
  LinkReportInput,
  OfficialAnswerInput,
  ProposalAnswerTemplate,
  ProposalDetail,
  ProposalOutcome,
  ProposalPage,
  ProposalProgressInput,
  StaffProposalDetail,
} from '@plaza/shared/contracts';
import { apiRequest } from './client';

const STAFF = '/api/v1/staff/proposals';
const one = (id: number) => `${STAFF}/${encodeURIComponent(String(id))}`;

export const proposalsApi = {
  list: (status: string) => apiRequest<ProposalPage>(STAFF, { query: { status, limit: 100 } }),
  /** The staff detail: the whole proposal whatever its status, with the moderation decision in force. */
  detail: (id: number) => apiRequest<StaffProposalDetail>(one(id)),
  templates: (locale: string, outcome: ProposalOutcome) =>
    apiRequest<ProposalAnswerTemplate[]>('/api/v1/staff/proposal-templates', { query: { locale, outcome } }),
  evaluate: (id: number, input: EvaluateProposalInput) => apiRequest<ProposalDetail>(`${one(id)}/evaluate`, { method: 'POST', json: input }),
  answer: (id: number, input: OfficialAnswerInput) => apiRequest<ProposalDetail>(`${one(id)}/answer`, { method: 'POST', json: input }),
  progress: (id: number, input: ProposalProgressInput) => apiRequest<ProposalDetail>(`${one(id)}/progress`, { method: 'POST', json: input }),
  linkReport: (id: number, input: LinkReportInput) => apiRequest<ProposalDetail>(`${one(id)}/reports`, { method: 'POST', json: input }),
  unlinkReport: (id: number, ref: string) => apiRequest<ProposalDetail>(`${one(id)}/reports/${encodeURIComponent(ref)}`, { method: 'DELETE' }),
};
