import { canonicalJson, entryHash, GENESIS_HASH, toJsonValue } from './audit-chain';
import { verifyAuditChain, type QueryRows } from './audit-verifier';

const fields = (seq: number, after: unknown) => ({
  seq,
  at: '2026-03-01T10:00:00.000Z',
  actorId: 'a1',
  actorEmail: 'admin@example.org',
  action: 'department.update',
  entityType: 'department',
  entityId: 'd1',
  before: null,
  after,
});

describe('audit chain', () => {
  it('hashes the same entry the same way whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(entryHash(GENESIS_HASH, fields(1, { name: 'x', active: true }))).toBe(
      entryHash(GENESIS_HASH, fields(1, { active: true, name: 'x' })),
    );
    expect(entryHash(GENESIS_HASH, fields(1, { active: true }))).not.toBe(
      entryHash(GENESIS_HASH, fields(1, { active: false })),
    );
    expect(entryHash(GENESIS_HASH, fields(1, null))).toMatch(/^[0-9a-f]{64}$/);
    expect(toJsonValue({ at: new Date('2026-01-01T00:00:00Z'), gone: undefined })).toEqual({
      at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('verifies a chain and points at the first entry that was changed', async () => {
    const rows: Array<Record<string, unknown>> = [];
    let previous = GENESIS_HASH;
    for (let seq = 1; seq <= 5; seq += 1) {
      const f = fields(seq * 2, { n: seq });
      const hash = entryHash(previous, f);
      rows.push({
        seq: String(f.seq),
        at: new Date(f.at),
        actor_id: f.actorId,
        actor_email: f.actorEmail,
        action: f.action,
        entity_type: f.entityType,
        entity_id: f.entityId,
        before: null,
        after: f.after,
        prev_hash: previous,
        hash,
      });
      previous = hash;
    }
    const query: QueryRows = async (_sql, [after, limit]) =>
      rows.filter((r) => Number(r['seq']) > Number(after)).slice(0, Number(limit));
    expect(await verifyAuditChain(query)).toEqual({
      ok: true,
      checked: 5,
      brokenAt: null,
      head: { seq: 10, hash: previous },
    });

    rows[2]!['after'] = { n: 99 };
    expect(await verifyAuditChain(query)).toMatchObject({ ok: false, checked: 2, brokenAt: 6 });
    rows[2]!['after'] = { n: 3 };
    rows.splice(1, 1); // a deleted entry breaks the link of the next one
    expect(await verifyAuditChain(query)).toMatchObject({ ok: false, brokenAt: 6 });
  });
});
