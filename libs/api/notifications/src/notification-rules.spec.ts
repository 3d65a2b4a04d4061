import type { ProposalTimelineEvent, ReportTimelineEvent } from '@plaza/api/events';
import { proposalNotice, reportNotice } from './notification-rules';

const report = (e: Partial<ReportTimelineEvent>): ReportTimelineEvent => ({
  eventId: '1',
  reportId: '7',
  actorKind: 'staff',
  actorId: 'u1',
  from: 'confirmed',
  to: 'confirmed',
  message: null,
  isPublic: true,
  departmentId: null,
  ...e,
});

const proposal = (e: Partial<ProposalTimelineEvent>): ProposalTimelineEvent => ({
  eventId: '1',
  proposalId: '3',
  actorKind: 'staff',
  actorId: 'u1',
  from: 'under_evaluation',
  to: 'accepted',
  message: null,
  ...e,
});

describe('reportNotice', () => {
  it('tells a public status change, with its public response', () => {
    expect(reportNotice(report({ from: 'in_progress', to: 'fixed', message: ' Arreglado. ' }))).toEqual({ kind: 'status', status: 'fixed', message: 'Arreglado.' });
    expect(reportNotice(report({ from: 'fixed', to: 'confirmed' }))).toEqual({ kind: 'status', status: 'confirmed', message: null });
  });

  it('tells a public response that keeps the status', () => {
    expect(reportNotice(report({ message: 'Vamos mañana' }))).toEqual({ kind: 'response', status: 'confirmed', message: 'Vamos mañana' });
  });

  it('never quotes an internal remark, and says nothing for an internal entry that keeps the status', () => {
    expect(reportNotice(report({ from: 'in_progress', to: 'closed', message: 'nota interna', isPublic: false }))).toEqual({ kind: 'status', status: 'closed', message: null });
    expect(reportNotice(report({ message: 'Devuelto a gestión', isPublic: false }))).toBeNull();
    expect(reportNotice(report({ message: '   ' }))).toBeNull();
  });

  it('stays silent on creation, publication, hiding and coming back from hidden', () => {
    expect(reportNotice(report({ from: null, to: 'confirmed', actorKind: 'citizen', actorId: null }))).toBeNull();
    expect(reportNotice(report({ from: null, to: 'unconfirmed' }))).toBeNull();
    expect(reportNotice(report({ from: 'unconfirmed', to: 'confirmed', message: 'Publicado' }))).toBeNull();
    expect(reportNotice(report({ from: 'fixed', to: 'hidden', message: 'spam', isPublic: false }))).toBeNull();
    expect(reportNotice(report({ from: 'hidden', to: 'confirmed' }))).toBeNull();
  });
});

describe('proposalNotice', () => {
  it('tells official answers (the text comes from proposal_answers) and the other public moves', () => {
    for (const to of ['accepted', 'partially_accepted', 'rejected']) expect(proposalNotice(proposal({ to }))).toEqual({ kind: 'answer', status: to, message: null });
    expect(proposalNotice(proposal({ from: 'published', to: 'under_evaluation', message: 'La estudia Limpieza.' }))).toEqual({
      kind: 'status',
      status: 'under_evaluation',
      message: 'La estudia Limpieza.',
    });
    expect(proposalNotice(proposal({ from: 'accepted', to: 'in_execution' }))?.kind).toBe('status');
    expect(proposalNotice(proposal({ from: 'published', to: 'withdrawn', actorKind: 'author' }))?.status).toBe('withdrawn');
  });

  it('stays silent on creation and on moderation', () => {
    expect(proposalNotice(proposal({ from: null, to: 'published', actorKind: 'author' }))).toBeNull();
    expect(proposalNotice(proposal({ from: 'published', to: 'hidden', actorKind: 'moderation' }))).toBeNull();
    expect(proposalNotice(proposal({ from: 'hidden', to: 'published', actorKind: 'moderation' }))).toBeNull();
    expect(proposalNotice(proposal({ from: 'hidden', to: 'accepted', actorKind: 'moderation' }))).toBeNull();
  });
});
