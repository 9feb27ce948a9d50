import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { progressEvents } from '../backtests';
import { json, problem, strategy, stubFetch } from '../test/fetchStub';
import { BacktestPanel } from './BacktestPanel';

// jsdom has no canvas: the chart is left out here.
vi.mock('./BacktestChart', () => ({ default: () => <div data-testid="backtest-chart" /> }));

const summary = {
  bars: 1464, warmupBars: 15, firstBar: '2025-06-01T00:00:00Z', lastBar: '2025-07-31T23:00:00Z', gaps: 0,
  initialEquity: 10000, finalEquity: 10512.5, totalReturn: 0.05125, cagr: 0.35, annualVolatility: 0.4, sharpe: 1.234,
  sortino: 1.8, calmar: 2.1, maxDrawdown: -0.0812, maxDrawdownBars: 120, trades: 12, winRate: 0.5, profitFactor: 1.4,
  expectancy: 42.7, averageTradeReturn: 0.004, exposure: 0.3, buyAndHoldReturn: 0.02, excessReturn: 0.03125,
};
const digests = { engineVersion: 'trendline-backtest/1', spec: 's', bars: 'b', trades: 't', equity: 'e', input: 'a'.repeat(64), output: 'c'.repeat(64) };

function run(id: string, overrides: Record<string, unknown> = {}) {
  return {
    backtestId: id, strategyId: 's-1', requestedBy: 'u-1', type: 'SMA_CROSSOVER', symbol: 'BTCUSDT',
    parameters: { fast: 10, slow: 50 }, interval: '1h', from: '2025-06-01T00:00:00Z', to: '2025-08-01T00:00:00Z',
    initialCapital: 10000, feeBps: 10, slippageBps: 0, status: 'COMPLETED', requestedAt: '2026-11-24T10:00:00Z',
    finishedAt: '2026-11-24T10:00:01Z', summary, digests, failureReason: null, ...overrides,
  };
}

const trade = { number: 1, side: 'LONG', quantity: 0.1, entryTime: '2025-06-02T00:00:00Z', entryPrice: 100000,
  entryFee: 10, exitTime: '2025-06-03T00:00:00Z', exitPrice: 101000, exitFee: 10.1, pnl: 79.9, returnFraction: 0.00799,
  exitReason: 'SIGNAL' };

function sse(...events: object[]): Response {
  const text = events.map((e) => `event:progress\ndata:${JSON.stringify(e)}\n\n`).join('');
  return new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

describe('BacktestPanel', () => {
  it('lists the runs with their figures and a failed run with its reason', async () => {
    stubFetch((c) => {
      if (c.url === '/api/strategies/s-1/backtests') return json(200, { runs: [run('aaaaaaaa-1'), run('bbbbbbbb-2', { status: 'FAILED', summary: null, digests: null, failureReason: 'no BTCUSDT bars' })] });
      return undefined;
    });
    render(<BacktestPanel strategy={strategy()} />);

    const table = await screen.findByRole('table', { name: 'Backtest runs' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('aaaaaaaa');
    expect(rows[1]).toHaveTextContent('5.13 %');
    expect(rows[1]).toHaveTextContent('1.23');
    expect(rows[1]).toHaveTextContent('-8.12 %');
    expect(rows[2]).toHaveTextContent('failed');
  });

  it('requests a run with the form, follows its progress and shows it once completed', async () => {
    let listed: object[] = [];
    const calls = stubFetch((c) => {
      if (c.method === 'GET' && c.url === '/api/strategies/s-1/backtests') return json(200, { runs: listed });
      if (c.method === 'POST' && c.url === '/api/strategies/s-1/backtests') {
        listed = [run('cccccccc-3')];
        return json(202, { backtestId: 'cccccccc-3', strategyId: 's-1' }, { Location: '/api/backtests/cccccccc-3' });
      }
      if (c.url === '/api/strategies/s-1/backtests/cccccccc-3/progress') {
        return sse({ backtestId: 'cccccccc-3', stage: 'RUNNING', fraction: 0.5, message: '1479 bars read' },
          { backtestId: 'cccccccc-3', stage: 'COMPLETED', fraction: 1, message: 'completed' });
      }
      if (c.url === '/api/backtests/cccccccc-3') return json(200, { run: run('cccccccc-3'), trades: [trade] });
      if (c.method === 'POST' && c.url === '/api/backtests/cccccccc-3/verification') {
        return json(200, { backtestId: 'cccccccc-3', reproduced: false, differences: ['bars', 'input'], recorded: digests, recomputed: digests, verifiedAt: '2026-11-24T10:01:00Z' });
      }
      return undefined;
    });
    render(<BacktestPanel strategy={strategy()} />);

    await screen.findByText('No backtests yet.');
    await userEvent.selectOptions(screen.getByLabelText('Interval'), '4h');
    await userEvent.clear(screen.getByLabelText('Fee (bps)'));
    await userEvent.type(screen.getByLabelText('Fee (bps)'), '7.5');
    await userEvent.click(screen.getByRole('button', { name: 'Run backtest' }));

    const trades = await screen.findByRole('table', { name: 'Trades' });
    expect(within(trades).getAllByRole('row')[1]).toHaveTextContent('79.90');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      interval: '4h', from: '2025-06-01T00:00:00Z', to: '2025-08-01T00:00:00Z', initialCapital: 10000, feeBps: 7.5, slippageBps: 0,
    });
    expect(calls.find((c) => c.url.endsWith('/progress'))!.headers.accept).toBe('text/event-stream');
    await waitFor(() => expect(screen.getByRole('table', { name: 'Backtest runs' })).toHaveTextContent('cccccccc'));
    expect(screen.getByTestId('backtest-chart')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Not reproduced: bars, input differ.')).toBeInTheDocument();
  });

  it('shows the server’s reason when a request is refused', async () => {
    stubFetch((c) => {
      if (c.method === 'GET') return json(200, { runs: [] });
      return problem(400, 'no BTCUSDT bars are stored between 2025-06-01T00:00:00Z and 2025-08-01T00:00:00Z');
    });
    render(<BacktestPanel strategy={strategy()} />);

    await userEvent.click(await screen.findByRole('button', { name: 'Run backtest' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('no BTCUSDT bars are stored');
  });

  it('compares two checked runs side by side', async () => {
    stubFetch((c) => (c.url === '/api/strategies/s-1/backtests'
      ? json(200, { runs: [run('aaaaaaaa-1'), run('bbbbbbbb-2', { interval: '4h', summary: { ...summary, sharpe: 0.5 } })] })
      : undefined));
    render(<BacktestPanel strategy={strategy()} />);

    await userEvent.click(await screen.findByLabelText('compare aaaaaaaa'));
    await userEvent.click(screen.getByLabelText('compare bbbbbbbb'));

    const comparison = screen.getByRole('table', { name: 'Comparison' });
    const sharpe = within(comparison).getByText('Sharpe').closest('tr')!;
    expect(sharpe).toHaveTextContent('1.23');
    expect(sharpe).toHaveTextContent('0.50');
  });
});

describe('progressEvents', () => {
  it('parses server-sent events split across chunks', async () => {
    const chunks = ['event:progress\ndata:{"backtestId":"x","stage":"RUN', 'NING","fraction":0.5,"message":"m"}\n\nevent:progress\n',
      'data:{"backtestId":"x","stage":"COMPLETED","fraction":1,"message":"done"}\n\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        chunks.forEach((c) => controller.enqueue(new TextEncoder().encode(c)));
        controller.close();
      },
    });
    const stages: string[] = [];
    for await (const p of progressEvents(body)) stages.push(p.stage);
    expect(stages).toEqual(['RUNNING', 'COMPLETED']);
  });
});
