import { plazaMoveFor } from './external-status';

describe('plazaMoveFor', () => {
  it('closes an open case when the external request closes, publishing its notes', () => {
    expect(plazaMoveFor('in_progress', { status: 'open', statusNotes: null }, { status: 'closed', statusNotes: 'Reparado' })).toEqual({
      kind: 'transition',
      to: 'closed',
      message: 'Reparado',
    });
    expect(plazaMoveFor('confirmed', { status: null, statusNotes: null }, { status: 'closed', statusNotes: null })).toEqual({
      kind: 'transition',
      to: 'closed',
      message: null,
    });
  });

  it('reopens a closed case only when the external request itself reopens', () => {
    expect(plazaMoveFor('closed', { status: 'closed', statusNotes: 'x' }, { status: 'open', statusNotes: 'x' })).toEqual({
      kind: 'transition',
      to: 'confirmed',
      message: null,
    });
    // Staff closed it in the console while the external side kept it open: nothing to pull back.
    expect(plazaMoveFor('fixed', { status: 'open', statusNotes: null }, { status: 'open', statusNotes: null })).toEqual({ kind: 'none' });
  });

  it('publishes new status notes as a reply and ignores repeated ones', () => {
    expect(plazaMoveFor('confirmed', { status: 'open', statusNotes: 'Visto' }, { status: 'open', statusNotes: 'Brigada avisada' })).toEqual({
      kind: 'note',
      message: 'Brigada avisada',
    });
    expect(plazaMoveFor('confirmed', { status: 'open', statusNotes: 'Visto' }, { status: 'open', statusNotes: 'Visto' })).toEqual({ kind: 'none' });
    // Notes on a case already closed in Plaza still reach the public timeline.
    expect(plazaMoveFor('closed', { status: 'closed', statusNotes: null }, { status: 'closed', statusNotes: 'Cerrado por la contrata' })).toEqual({
      kind: 'note',
      message: 'Cerrado por la contrata',
    });
  });

  it('never moves or answers a case that is not public', () => {
    expect(plazaMoveFor('hidden', { status: 'open', statusNotes: null }, { status: 'closed', statusNotes: 'Hecho' })).toEqual({ kind: 'none' });
    expect(plazaMoveFor('unconfirmed', { status: null, statusNotes: null }, { status: 'open', statusNotes: 'Hola' })).toEqual({ kind: 'none' });
  });
});
