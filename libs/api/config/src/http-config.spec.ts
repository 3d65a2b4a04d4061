import { readTrustProxy } from './http-config';

describe('TRUST_PROXY', () => {
  const read = (value: string | undefined) => {
    const problems: string[] = [];
    return { value: readTrustProxy({ TRUST_PROXY: value }, problems), problems };
  };

  it('is off by default and when switched off', () => {
    expect(read(undefined).value).toBe(false);
    expect(read('false').value).toBe(false);
    expect(read('0').value).toBe(false);
  });

  it('takes true, a hop count, or addresses and CIDR ranges', () => {
    expect(read('true').value).toBe(true);
    expect(read('2').value).toBe(2);
    expect(read('10.0.0.0/8, 192.168.1.10,::1, fd00::/8,loopback').value).toEqual([
      '10.0.0.0/8',
      '192.168.1.10',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('stops the boot on anything else, naming the bad entries', () => {
    expect(read('yes please').problems[0]).toMatch(/TRUST_PROXY/);
    expect(read('10.0.0.0/33').problems[0]).toMatch(/10\.0\.0\.0\/33/);
    expect(read('proxy.internal').problems[0]).toMatch(/proxy\.internal/);
    expect(read('99').problems[0]).toMatch(/hop count/);
  });
});
