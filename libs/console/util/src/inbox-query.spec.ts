import { activeFilterCount, inboxSearch, parseInboxQuery, selectedCaseOf } from './inbox-query';

describe('parseInboxQuery', () => {
  it('reads the known parameters', () => {
    expect(parseInboxQuery('?queue=overdue&category=alumbrado&area=centro&department=d1&status=confirmed,investigating&age=7d&q=farola&sort=due')).toEqual({
      queue: 'overdue',
      category: 'alumbrado',
      area: 'centro',
      department: 'd1',
      status: 'confirmed,investigating',
      age: '7d',
      q: 'farola',
      sort: 'due',
    });
  });

  it('drops unknown queues, ages and sorts, and blank text', () => {
    expect(parseInboxQuery('?queue=everything&age=1y&sort=random&q=%20%20&category=')).toEqual({});
  });

  it('trims and bounds free text', () => {
    expect(parseInboxQuery(`?q=${'a'.repeat(300)}`).q).toHaveLength(200);
    expect(parseInboxQuery('?q=%20farola%20').q).toBe('farola');
  });
});

describe('inboxSearch', () => {
  it('leaves defaults out and keeps the language', () => {
    expect(inboxSearch({ queue: 'all', sort: 'newest' }, 'en')).toBe('?lang=en');
    expect(inboxSearch({})).toBe('');
  });

  it('round-trips through parseInboxQuery', () => {
    const query = { queue: 'referred', category: 'limpieza', q: 'banco roto', sort: 'oldest', age: '30d' } as const;
    expect(parseInboxQuery(inboxSearch(query))).toEqual(query);
  });
});

describe('activeFilterCount', () => {
  it('counts filters but not the queue or the sort', () => {
    expect(activeFilterCount({ queue: 'overdue', sort: 'due' })).toBe(0);
    expect(activeFilterCount({ category: 'x', q: 'y', age: '1d' })).toBe(3);
  });
});

describe('selectedCaseOf', () => {
  it('reads the case open in the split view, ignoring anything that is not a reference', () => {
    expect(selectedCaseOf('?queue=overdue&case=2026-000123')).toBe('2026-000123');
    expect(selectedCaseOf('?queue=overdue')).toBeNull();
    expect(selectedCaseOf('?case=%3Cscript%3E')).toBeNull();
  });
});
