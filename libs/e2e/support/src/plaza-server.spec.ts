import { afterEach, describe, expect, it } from '@jest/globals';
import { existingTestDatabase } from './plaza-server';

describe('E2E_DATABASE_URL: browser tests on an existing database', () => {
  const saved = process.env['E2E_DATABASE_URL'];
  afterEach(() => {
    if (saved === undefined) delete process.env['E2E_DATABASE_URL'];
    else process.env['E2E_DATABASE_URL'] = saved;
  });

  it('is off when unset or blank: each file gets a fresh database', () => {
    delete process.env['E2E_DATABASE_URL'];
    expect(existingTestDatabase()).toBeNull();
    process.env['E2E_DATABASE_URL'] = '  ';
    expect(existingTestDatabase()).toBeNull();
  });

  it('answers a test database as given', () => {
    process.env['E2E_DATABASE_URL'] = 'postgres://postgres@127.0.0.1:5432/test_scale';
    expect(existingTestDatabase()).toBe('postgres://postgres@127.0.0.1:5432/test_scale');
  });

  it('refuses a database whose name lacks "test", wherever else the word appears', () => {
    process.env['E2E_DATABASE_URL'] = 'postgres://test@test-host:5432/plaza';
    expect(() => existingTestDatabase()).toThrow(/"plaza", whose name lacks "test"/);
  });
});
