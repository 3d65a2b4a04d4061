import { jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { TimelineListeners } from './timeline-listeners';
import type { ReportTimelineEvent } from './timeline-events';

const event: ReportTimelineEvent = {
  eventId: '1',
  reportId: '7',
  actorKind: 'staff',
  actorId: null,
  from: 'confirmed',
  to: 'fixed',
  message: 'Arreglado',
  isPublic: true,
  departmentId: null,
};
const manager = {} as EntityManager;

describe('TimelineListeners', () => {
  it('calls report listeners in registration order, with the writer’s manager', async () => {
    const listeners = new TimelineListeners();
    const calls: string[] = [];
    listeners.onReportEvent(async (m, e) => void calls.push(`a:${e.to}:${m === manager}`));
    listeners.onReportEvent(async (_m, e) => void calls.push(`b:${e.reportId}`));
    await listeners.reportEventWritten(manager, event);
    expect(calls).toEqual(['a:fixed:true', 'b:7']);
  });

  it('lets a failing listener abort the write and skips the listeners after it', async () => {
    const listeners = new TimelineListeners();
    const later = jest.fn(async () => undefined);
    listeners.onReportEvent(async () => {
      throw new Error('outbox unavailable');
    });
    listeners.onReportEvent(later);
    await expect(listeners.reportEventWritten(manager, event)).rejects.toThrow('outbox unavailable');
    expect(later).not.toHaveBeenCalled();
  });

  it('keeps proposal listeners apart from report listeners', async () => {
    const listeners = new TimelineListeners();
    const onReport = jest.fn(async () => undefined);
    listeners.onReportEvent(onReport);
    const seen: string[] = [];
    listeners.onProposalEvent(async (_m, e) => void seen.push(e.to));
    await listeners.proposalEventWritten(manager, { eventId: '1', proposalId: '2', actorKind: 'citizen', actorId: null, from: null, to: 'published', message: null });
    expect(seen).toEqual(['published']);
    expect(onReport).not.toHaveBeenCalled();
  });
});
