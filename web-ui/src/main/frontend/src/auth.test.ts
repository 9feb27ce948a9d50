import { afterEach, describe, expect, it } from 'vitest';
import { api } from './api';
import { auth, resetSession } from './auth';
import { json, problem, stubFetch } from './test/fetchStub';

const tokens = (accessToken: string, expiresIn = 900) => ({
  accessToken,
  tokenType: 'Bearer',
  expiresIn,
  refreshToken: 'r-ignored-by-the-browser',
  userId: 'u-1',
  email: 'ana@example.test',
  roles: ['TRADER'],
});

describe('auth', () => {
  afterEach(() => {
    resetSession();
    localStorage.clear();
    sessionStorage.clear();
  });

  it('logs in, keeps the token in memory only and sends it with every API call', async () => {
    const calls = stubFetch((c) => {
      if (c.url === '/api/auth/login') return json(200, tokens('t-1'));
      if (c.url.startsWith('/api/strategies')) return json(200, { strategies: [], total: 0 });
      return undefined;
    });

    const user = await auth.login('ana@example.test', 'a long passphrase');
    await api.strategies();

    expect(user).toEqual({ userId: 'u-1', email: 'ana@example.test', roles: ['TRADER'] });
    expect(calls[0].body).toEqual({ email: 'ana@example.test', password: 'a long passphrase' });
    expect(calls[1].headers.authorization).toBe('Bearer t-1');
    expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.toContain('t-1');
  });

  it('on a 401 refreshes once through the cookie and retries with the new token', async () => {
    let strategyCalls = 0;
    const calls = stubFetch((c) => {
      if (c.url === '/api/auth/login') return json(200, tokens('old'));
      if (c.url === '/api/auth/refresh') return json(200, tokens('new'));
      if (c.url.startsWith('/api/strategies')) {
        strategyCalls++;
        return c.headers.authorization === 'Bearer new'
          ? json(200, { strategies: [], total: 0 })
          : problem(401, 'the access token has expired');
      }
      return undefined;
    });
    await auth.login('ana@example.test', 'a long passphrase');

    const list = await api.strategies();

    expect(list.total).toBe(0);
    expect(strategyCalls).toBe(2);
    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
  });

  it('renews a token about to expire before sending, and only once for concurrent calls', async () => {
    const calls = stubFetch((c) => {
      if (c.url === '/api/auth/login') return json(200, tokens('short', 10));
      if (c.url === '/api/auth/refresh') return json(200, tokens('renewed'));
      if (c.url.startsWith('/api/strategies')) return json(200, { strategies: [], total: 0 });
      return undefined;
    });
    await auth.login('ana@example.test', 'a long passphrase');

    await Promise.all([api.strategies(), api.strategies(), api.strategies()]);

    expect(calls.filter((c) => c.url === '/api/auth/refresh')).toHaveLength(1);
    const sent = calls.filter((c) => c.url.startsWith('/api/strategies')).map((c) => c.headers.authorization);
    expect(sent).toEqual(['Bearer renewed', 'Bearer renewed', 'Bearer renewed']);
  });

  it('ends the session when the refresh is refused', async () => {
    const seen: unknown[] = [];
    stubFetch((c) => {
      if (c.url === '/api/auth/login') return json(200, tokens('old'));
      if (c.url === '/api/auth/refresh') return problem(401, 'the refresh token is reused; log in again');
      if (c.url.startsWith('/api/strategies')) return problem(401, 'the access token has expired');
      return undefined;
    });
    await auth.login('ana@example.test', 'a long passphrase');
    auth.subscribe((u) => seen.push(u));

    await expect(api.strategies()).rejects.toMatchObject({ status: 401 });

    expect(auth.user()).toBeUndefined();
    expect(seen).toContain(undefined);
  });

  it('logs out on the server with the token and forgets it', async () => {
    const calls = stubFetch((c) => {
      if (c.url === '/api/auth/login') return json(200, tokens('t-1'));
      if (c.url === '/api/auth/logout') return new Response(null, { status: 204 });
      return undefined;
    });
    await auth.login('ana@example.test', 'a long passphrase');

    await auth.logout();

    expect(auth.user()).toBeUndefined();
    const logout = calls.find((c) => c.url === '/api/auth/logout')!;
    expect(logout.method).toBe('POST');
    expect(logout.headers.authorization).toBe('Bearer t-1');
  });
});
