// Backtests over REST: request a run, follow its progress (server-sent events read through fetch, since EventSource
// cannot send the access token), list, show, compare, chart and verify runs.
import { ApiError, request, type Parameters } from './api';
import { authorizedFetch } from './auth';

export type BacktestStatus = 'REQUESTED' | 'COMPLETED' | 'FAILED';

export interface BacktestSummary {
  bars: number;
  warmupBars: number;
  firstBar: string;
  lastBar: string;
  gaps: number;
  initialEquity: number | null;
  finalEquity: number | null;
  totalReturn: number | null;
  cagr: number | null;
  annualVolatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  calmar: number | null;
  maxDrawdown: number | null;
  maxDrawdownBars: number;
  trades: number;
  winRate: number | null;
  profitFactor: number | null;
  expectancy: number | null;
  averageTradeReturn: number | null;
  exposure: number | null;
  buyAndHoldReturn: number | null;
  excessReturn: number | null;
}

export interface BacktestDigests {
  engineVersion: string;
  spec: string;
  bars: string;
  trades: string;
  equity: string;
  input: string;
  output: string;
}

export interface BacktestRun {
  backtestId: string;
  strategyId: string;
  requestedBy: string;
  type: string;
  symbol: string;
  parameters: Parameters;
  interval: string;
  from: string;
  to: string;
  initialCapital: number;
  feeBps: number;
  slippageBps: number;
  status: BacktestStatus;
  requestedAt: string;
  finishedAt?: string | null;
  summary?: BacktestSummary | null;
  digests?: BacktestDigests | null;
  failureReason?: string | null;
}

export interface BacktestTrade {
  number: number;
  side: string;
  quantity: number;
  entryTime: string;
  entryPrice: number;
  entryFee: number;
  exitTime: string;
  exitPrice: number;
  exitFee: number;
  pnl: number;
  returnFraction: number;
  exitReason: string;
}

export interface SeriesPoint {
  time: number;
  value: number;
}

export interface BacktestSeries {
  backtestId: string;
  points: number;
  equity: SeriesPoint[];
  drawdown: SeriesPoint[];
}

export interface BacktestVerification {
  backtestId: string;
  reproduced: boolean;
  differences: string[];
  recorded: BacktestDigests;
  recomputed: BacktestDigests | null;
  verifiedAt: string;
}

export interface BacktestProgress {
  backtestId: string;
  stage: string;
  fraction: number;
  message: string;
}

export interface NewBacktest {
  interval: string;
  from: string;
  to: string;
  initialCapital: number;
  feeBps: number;
  slippageBps: number;
}

export const INTERVALS = ['1m', '5m', '15m', '1h', '4h', '1d', '1w'];

const path = (id: string) => encodeURIComponent(id);

export const backtests = {
  async request(strategyId: string, run: NewBacktest): Promise<string> {
    const sent = await request<{ backtestId: string }>('POST', `/api/strategies/${path(strategyId)}/backtests`, run);
    return sent.body.backtestId;
  },

  async runs(strategyId: string): Promise<BacktestRun[]> {
    return (await request<{ runs: BacktestRun[] }>('GET', `/api/strategies/${path(strategyId)}/backtests`)).body.runs;
  },

  async run(backtestId: string): Promise<{ run: BacktestRun; trades: BacktestTrade[] }> {
    return (await request<{ run: BacktestRun; trades: BacktestTrade[] }>('GET', `/api/backtests/${path(backtestId)}`)).body;
  },

  async series(backtestId: string, points = 600): Promise<BacktestSeries> {
    return (await request<BacktestSeries>('GET', `/api/backtests/${path(backtestId)}/series?points=${points}`)).body;
  },

  async compare(ids: string[]): Promise<BacktestRun[]> {
    const q = new URLSearchParams({ ids: ids.join(',') });
    return (await request<{ runs: BacktestRun[] }>('GET', `/api/backtests/compare?${q}`)).body.runs;
  },

  async verify(backtestId: string): Promise<BacktestVerification> {
    return (await request<BacktestVerification>('POST', `/api/backtests/${path(backtestId)}/verification`)).body;
  },

  csvUrl(backtestId: string): string {
    return `/api/backtests/${path(backtestId)}/trades.csv`;
  },

  /**
   * Calls `onProgress` with each progress event of a run until it completes or fails (resolves with the last one),
   * or until `signal` aborts.
   */
  async follow(strategyId: string, backtestId: string, onProgress: (p: BacktestProgress) => void,
               signal?: AbortSignal): Promise<BacktestProgress | undefined> {
    return followProgress(`/api/strategies/${path(strategyId)}/backtests/${path(backtestId)}/progress`, onProgress, signal);
  },
};

/**
 * Reads the progress stream at `url` (server-sent events, read through fetch so the access token goes along) and
 * calls `onProgress` with each event until the stream ends (resolves with the last one), or until `signal` aborts.
 * Backtests and optimisations report progress the same way.
 */
export async function followProgress(url: string, onProgress: (p: BacktestProgress) => void,
                                     signal?: AbortSignal): Promise<BacktestProgress | undefined> {
  const response = await authorizedFetch(url, { headers: { Accept: 'text/event-stream' }, signal });
  if (!response.ok || !response.body) {
    throw new ApiError({ status: response.status, detail: `progress unavailable (${response.status})` });
  }
  let last: BacktestProgress | undefined;
  for await (const progress of progressEvents(response.body)) {
    last = progress;
    onProgress(progress);
  }
  return last;
}

/** The `data:` payloads of a server-sent event stream, parsed as progress. */
export async function* progressEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<BacktestProgress> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const data = block
        .split(/\r?\n/)
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      if (data) yield JSON.parse(data) as BacktestProgress;
    }
  }
}

/** A fraction as a signed percentage with two decimals; null as a dash. */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${(value * 100).toFixed(2)} %`;
}

export function ratio(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toFixed(2);
}
