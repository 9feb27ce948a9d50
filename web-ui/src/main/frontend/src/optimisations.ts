// Parameter optimisation over REST (premium): search a strategy's parameters over sweeps and follow the search's
// progress under the id the client chose, while the request itself is still running (it answers when done).
import { ApiError, request } from './api';
import { followProgress, type BacktestProgress } from './backtests';

export const OBJECTIVES = [
  'SHARPE',
  'TOTAL_RETURN',
  'CAGR',
  'SORTINO',
  'CALMAR',
  'PROFIT_FACTOR',
  'EXPECTANCY',
  'EXCESS_RETURN',
  'MAX_DRAWDOWN',
] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const SEARCHES = ['GRID', 'RANDOM'] as const;
export type Search = (typeof SEARCHES)[number];

/** The most points a random search samples (the server's limit). */
export const MAX_SAMPLES = 2000;

export interface ParameterSweep {
  from: number;
  to: number;
  step: number;
}

export interface WalkForwardPlan {
  trainBars: number;
  testBars: number;
}

export interface NewOptimisation {
  optimisationId: string;
  interval: string;
  from: string;
  to: string;
  sweeps: Record<string, ParameterSweep>;
  objective: Objective;
  search: Search;
  samples?: number;
  seed?: number;
  walkForward?: WalkForwardPlan;
  initialCapital: number;
  feeBps: number;
  slippageBps: number;
}

export interface OptimisationCandidate {
  parameters: Record<string, number>;
  score: number | null;
  totalReturn: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  trades: number;
}

export interface WalkForwardWindow {
  trainFrom: number;
  testFrom: number;
  testTo: number;
  chosen: Record<string, number>;
  inSampleScore: number | null;
  outOfSampleReturn: number | null;
  outOfSampleSharpe: number | null;
}

export interface WalkForwardResult {
  windows: WalkForwardWindow[];
  totalReturn: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  trades: number;
}

export interface OptimisationResult {
  optimisationId: string;
  objective: string;
  bars: number;
  evaluated: number;
  skipped: number;
  top: OptimisationCandidate[];
  walkForward?: WalkForwardResult | null;
}

const path = (id: string) => encodeURIComponent(id);

/** A fresh id for a search; `crypto.randomUUID` exists only in secure contexts, so fall back on random bytes. */
export function newOptimisationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The premium entitlement was missing (a 403 other than a plan limit or a missing role). */
export function isPremiumRequired(error: ApiError | undefined): boolean {
  if (!error || error.status !== 403) return false;
  const type = error.problem.type;
  return !type || type === 'about:blank' || type.endsWith('/premium-required');
}

export const optimisations = {
  /** Runs the search and answers with its result when it is done (which may take a while). */
  async run(strategyId: string, search: NewOptimisation): Promise<OptimisationResult> {
    return (await request<OptimisationResult>('POST', `/api/strategies/${path(strategyId)}/optimisations`, search)).body;
  },

  /**
   * Calls `onProgress` with each progress event of a search until it completes (resolves with the last one), or
   * until `signal` aborts.
   */
  async follow(strategyId: string, optimisationId: string, onProgress: (p: BacktestProgress) => void,
               signal?: AbortSignal): Promise<BacktestProgress | undefined> {
    return followProgress(`/api/strategies/${path(strategyId)}/optimisations/${path(optimisationId)}/progress`,
      onProgress, signal);
  },
};

/** The points a grid over `sweeps` has (the product of each sweep's value count). */
export function gridSize(sweeps: Record<string, ParameterSweep>): number {
  return Object.values(sweeps).reduce((n, s) => n * (Math.floor((s.to - s.from) / s.step + 1e-9) + 1), 1);
}
