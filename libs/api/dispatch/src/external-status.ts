import { canTransition, isPublicStatus, toOpen311Status, type ReportStatus } from '@plaza/shared/contracts';

/** The external request's state: as last stored by Plaza (null before the first pull), or as just pulled. */
export interface ExternalState {
  status: 'open' | 'closed' | null;
  statusNotes: string | null;
}

export type PlazaMove =
  | { kind: 'transition'; to: ReportStatus; message: string | null }
  | { kind: 'note'; message: string }
  | { kind: 'none' };

/**
 * What a pulled external state does to the Plaza case (docs/dispatch.md, "Status mapping").
 * Only a change on the external side moves the case, so a case staff closed or reopened in the
 * console is not pulled back by a state the external side has held all along:
 * - the external request closes → an open case becomes `closed`, with the status notes as its public message;
 * - the external request reopens after having been closed → a closed case becomes `confirmed` again;
 * - only the status notes change → they are published on the case as a reply, status unchanged.
 * Cases that are not public (unconfirmed, hidden) are never moved nor answered from outside.
 */
export function plazaMoveFor(current: ReportStatus, stored: ExternalState, pulled: ExternalState): PlazaMove {
  if (!isPublicStatus(current)) return { kind: 'none' };
  const statusChanged = pulled.status !== null && pulled.status !== (stored.status ?? 'open');
  const notesChanged = pulled.statusNotes !== null && pulled.statusNotes !== stored.statusNotes;
  const caseOpen = toOpen311Status(current) === 'open';
  if (statusChanged && pulled.status === 'closed' && caseOpen && canTransition(current, 'closed')) {
    return { kind: 'transition', to: 'closed', message: notesChanged ? pulled.statusNotes : null };
  }
  if (statusChanged && pulled.status === 'open' && stored.status === 'closed' && !caseOpen && canTransition(current, 'confirmed')) {
    return { kind: 'transition', to: 'confirmed', message: notesChanged ? pulled.statusNotes : null };
  }
  if (notesChanged) return { kind: 'note', message: pulled.statusNotes as string };
  return { kind: 'none' };
}
