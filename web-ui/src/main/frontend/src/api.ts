// Typed client for Trendline's REST API. Every call goes through `request`, which sends the access token (auth.ts)
// and turns an RFC 9457 problem body (or any other failure) into an ApiError carrying the status and the detail to
// show the user.
import { authorizedFetch } from './auth';

export type StrategyType = string;
export type Parameters = Record<string, number>;

export interface ParameterSpec {
  name: string;
  min: number;
  max: number;
  integer: boolean;
  defaultValue: number;
}

export interface StrategyTypeInfo {
  type: StrategyType;
  parameters: ParameterSpec[];
}

export interface Strategy {
  strategyId: string;
  ownerId: string;
  name: string;
  type: StrategyType;
  symbol: string;
  parameters: Parameters;
  archived: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface StrategyList {
  strategies: Strategy[];
  total: number;
}

export interface NewStrategy {
  name: string;
  type: StrategyType;
  symbol: string;
  parameters: Parameters;
}

export interface EventMetaData {
  userId?: string;
  causationId?: string;
  correlationId?: string;
  issuedAt?: string;
  [key: string]: unknown;
}

export interface StoredEvent {
  eventId: string;
  aggregateId?: string;
  sequenceNumber: number;
  type: string;
  revision: string | null;
  timestamp: string;
  payload: Record<string, unknown>;
  metaData: EventMetaData;
}

export interface AggregateHistory {
  aggregateId: string;
  events: StoredEvent[];
}

/** One OHLCV bar; prices and volume as exact decimals (JSON numbers). */
export interface Candle {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export type CandleInterval = '1m' | '5m' | '15m' | '1h' | '4h' | '1d' | '1w';
export const CANDLE_INTERVALS: CandleInterval[] = ['1m', '5m', '15m', '1h', '4h', '1d', '1w'];

export interface CandlePage {
  symbol: string;
  interval: CandleInterval;
  from: number;
  to: number;
  candles: Candle[];
  next?: number;
}

export interface MarketSummary {
  symbol: string;
  time: number;
  price: number;
  windowStart: number;
  open: number;
  high: number;
  low: number;
  average: number;
  volume: number;
  change: number;
  changePercent: number;
  candles: number;
}

/** A live candle as pushed on /topic/candles.<SYMBOL>. */
export interface LiveCandle extends Candle {
  symbol: string;
  closed: boolean;
}

/** A price alert as pushed on /topic/alerts.<SYMBOL>. */
export interface PriceAlert {
  symbol: string;
  fromTime: number;
  fromPrice: number;
  time: number;
  price: number;
  changePercent: number;
  thresholdPercent: number;
  windowMinutes: number;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  [key: string]: unknown;
}

/** A refused or failed call; `detail` is what the user should read. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `request failed with status ${problem.status}`);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get detail(): string {
    return this.message;
  }

  /** Someone else changed the aggregate first (a stale version, or e.g. archived meanwhile): read it again. */
  get conflict(): boolean {
    return this.status === 409 || this.status === 412;
  }

  /** A refusal with a business reason beyond "stale version", worth showing alongside the reload. */
  get reason(): string | undefined {
    return this.problem.code ? this.detail : undefined;
  }
}

async function problemOf(response: Response): Promise<Problem> {
  let body: unknown = undefined;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall back to the status line
  }
  if (body && typeof body === 'object') {
    const p = body as Partial<Problem>;
    return { ...p, status: p.status ?? response.status, detail: p.detail ?? p.title ?? response.statusText };
  }
  return { status: response.status, title: response.statusText, detail: `${response.status} ${response.statusText}`.trim() };
}

interface Sent<T> {
  body: T;
  response: Response;
}

export async function request<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Sent<T>> {
  const init: RequestInit = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await authorizedFetch(url, init);
  } catch (e) {
    throw new ApiError({ status: 0, title: 'Network error', detail: `cannot reach the server: ${String(e)}` });
  }
  if (!response.ok) {
    throw new ApiError(await problemOf(response));
  }
  const text = response.status === 204 ? '' : await response.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, response };
}

const ifMatch = (version: number | undefined): Record<string, string> =>
  version === undefined ? {} : { 'If-Match': `"${version}"` };

/** The version from an ETag such as `"3"` or `W/"3"`; undefined when absent. */
export function versionOfETag(etag: string | null): number | undefined {
  if (!etag) return undefined;
  const n = Number(etag.replace(/^W\//, '').replace(/"/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

export const api = {
  async strategyTypes(): Promise<StrategyTypeInfo[]> {
    return (await request<StrategyTypeInfo[]>('GET', '/api/strategy-types')).body;
  },

  async strategies(opts: { includeArchived?: boolean; offset?: number; limit?: number } = {}): Promise<StrategyList> {
    const q = new URLSearchParams({
      includeArchived: String(opts.includeArchived ?? false),
      offset: String(opts.offset ?? 0),
      limit: String(opts.limit ?? 50),
    });
    return (await request<StrategyList>('GET', `/api/strategies?${q}`)).body;
  },

  async createStrategy(strategy: NewStrategy): Promise<string> {
    return (await request<{ strategyId: string }>('POST', '/api/strategies', strategy)).body.strategyId;
  },

  /** One strategy; its `version` is also its ETag, to be sent back with a change. */
  async strategy(id: string): Promise<Strategy> {
    const { body, response } = await request<Strategy>('GET', `/api/strategies/${encodeURIComponent(id)}`);
    const tagged = versionOfETag(response.headers.get('ETag'));
    return tagged === undefined ? body : { ...body, version: tagged };
  },

  async changeParameters(id: string, parameters: Parameters, version?: number): Promise<void> {
    await request('PUT', `/api/strategies/${encodeURIComponent(id)}/parameters`, { parameters }, ifMatch(version));
  },

  async rename(id: string, name: string, version?: number): Promise<void> {
    await request('PUT', `/api/strategies/${encodeURIComponent(id)}/name`, { name }, ifMatch(version));
  },

  async archive(id: string, reason?: string, version?: number): Promise<void> {
    await request('DELETE', `/api/strategies/${encodeURIComponent(id)}`, reason ? { reason } : undefined, ifMatch(version));
  },

  async events(id: string, asOf?: string): Promise<AggregateHistory> {
    const q = asOf ? `?${new URLSearchParams({ asOf })}` : '';
    return (await request<AggregateHistory>('GET', `/api/strategies/${encodeURIComponent(id)}/events${q}`)).body;
  },

  /** The latest `limit` bars of a symbol (the API's default range when no `from` is given). */
  async candles(symbol: string, interval: CandleInterval, limit = 500): Promise<CandlePage> {
    const q = new URLSearchParams({ interval, limit: String(limit) });
    return (await request<CandlePage>('GET', `/api/market/${encodeURIComponent(symbol)}/candles?${q}`)).body;
  },

  async marketSummary(symbol: string): Promise<MarketSummary> {
    return (await request<MarketSummary>('GET', `/api/market/${encodeURIComponent(symbol)}/summary`)).body;
  },

  /** UP, DOWN, OUT_OF_SERVICE or UNKNOWN; a 503 still carries the status. */
  async health(): Promise<string> {
    try {
      const response = await fetch('/actuator/health', { headers: { Accept: 'application/json' } });
      const body = (await response.json()) as { status?: string };
      return body.status ?? (response.ok ? 'UP' : 'DOWN');
    } catch {
      return 'UNREACHABLE';
    }
  },
};

export interface PollOptions {
  attempts?: number;
  delayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Changes answer 202 and the read model follows within milliseconds: read the strategy until `done` holds
 * (a 404 counts as not yet), and return the last reading.
 */
export async function pollStrategy(
  id: string,
  done: (s: Strategy) => boolean,
  { attempts = 40, delayMs = 50 }: PollOptions = {},
): Promise<Strategy> {
  let last: Strategy | undefined;
  for (let i = 0; i < attempts; i++) {
    try {
      last = await api.strategy(id);
      if (done(last)) return last;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
    await sleep(Math.min(delayMs * (i + 1), 500));
  }
  if (last) return last;
  throw new ApiError({ status: 504, title: 'Timeout', detail: 'the change was accepted but has not shown up yet; reload in a moment' });
}

/** Seconds-and-milliseconds ISO instant for a `datetime-local` value, taken as local time. */
export function isoFromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
