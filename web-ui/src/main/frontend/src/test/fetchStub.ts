import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = Response | Promise<Response> | (() => Response | Promise<Response>);
type Handler = (call: Call) => Reply | undefined;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const problem = status >= 400;
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { type: 'about:blank', title: status === 409 ? 'Conflict' : 'Bad Request', status, detail, ...extra });
}

/**
 * Replaces the global fetch with `handler`, which answers by method and URL; every call is recorded. A request
 * nobody answers fails the test with a 599 so a missing stub is obvious.
 */
export function stubFetch(handler: Handler): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const call: Call = {
        method: (init.method ?? 'GET').toUpperCase(),
        url: String(input),
        headers: Object.fromEntries(new Headers(init.headers).entries()),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      };
      calls.push(call);
      const reply = handler(call);
      if (!reply) return json(599, { status: 599, detail: `no stub for ${call.method} ${call.url}` });
      return typeof reply === 'function' ? reply() : reply;
    }),
  );
  return calls;
}

export const catalogue = [
  {
    type: 'SMA_CROSSOVER',
    parameters: [
      { name: 'fast', min: 1, max: 1000, integer: true, defaultValue: 10 },
      { name: 'slow', min: 2, max: 5000, integer: true, defaultValue: 50 },
    ],
  },
  {
    type: 'RSI_MEAN_REVERSION',
    parameters: [
      { name: 'period', min: 2, max: 500, integer: true, defaultValue: 14 },
      { name: 'oversold', min: 1, max: 50, integer: false, defaultValue: 30 },
      { name: 'overbought', min: 50, max: 99, integer: false, defaultValue: 70 },
    ],
  },
  { type: 'BUY_AND_HOLD', parameters: [] },
];

export function strategy(overrides: Record<string, unknown> = {}) {
  return {
    strategyId: 's-1',
    ownerId: 'local-user',
    name: 'Golden cross',
    type: 'SMA_CROSSOVER',
    symbol: 'BTCUSDT',
    parameters: { fast: 10, slow: 50 },
    archived: false,
    version: 0,
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    ...overrides,
  };
}
