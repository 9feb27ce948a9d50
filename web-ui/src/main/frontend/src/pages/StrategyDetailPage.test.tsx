import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { catalogue, json, problem, strategy, stubFetch } from '../test/fetchStub';
import { StrategyDetailPage } from './StrategyDetailPage';

// jsdom has no canvas: the chart is tested through its data (chartData.test.ts).
vi.mock('../components/ParameterChart', () => ({ default: () => <div data-testid="chart" /> }));

const events = (n: number) => ({
  aggregateId: 's-1',
  events: Array.from({ length: n }, (_, i) => ({
    eventId: `e${i}`,
    sequenceNumber: i,
    type: i === 0 ? 'StrategyCreatedEvent' : 'StrategyParametersChangedEvent',
    revision: '1',
    timestamp: `2026-11-01T1${i}:00:00Z`,
    payload: i === 0 ? { parameters: { fast: 10, slow: 50 } } : { parameters: { fast: 20, slow: 50 }, previousParameters: { fast: 10, slow: 50 } },
    metaData: { userId: 'local-user' },
  })),
});

function renderDetail() {
  return render(
    <MemoryRouter initialEntries={['/strategies/s-1']}>
      <Routes>
        <Route path="/strategies/:id" element={<StrategyDetailPage />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('StrategyDetailPage', () => {
  it('sends the version as If-Match and, on 409, says so and reloads the current values', async () => {
    // Someone else changed fast to 20 (version 1) after this page read version 0.
    let current = strategy({ version: 0 });
    const calls = stubFetch((c) => {
      if (c.url === '/api/strategy-types') return json(200, catalogue);
      if (c.url === '/api/strategies/s-1/backtests') return json(200, { runs: [] });
      if (c.method === 'GET' && c.url === '/api/strategies/s-1') return json(200, current, { ETag: `"${current.version}"` });
      if (c.url.startsWith('/api/strategies/s-1/events')) return json(200, events(current.version + 1));
      if (c.method === 'PUT' && c.url === '/api/strategies/s-1/parameters') {
        current = strategy({ version: 1, parameters: { fast: 20, slow: 50 } });
        return problem(409, 'it was changed meanwhile: expected version 0 but it is at 1; read it again and retry', {
          type: 'https://trendline.io/problems/stale-version',
          currentVersion: 1,
        });
      }
      return undefined;
    });
    renderDetail();

    const fast = await screen.findByLabelText('fast');
    expect(fast).toHaveValue(10);
    await userEvent.clear(fast);
    await userEvent.type(fast, '15');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Changed meanwhile, reloaded/)).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('fast')).toHaveValue(20));
    expect(screen.getByText('v1')).toBeInTheDocument();

    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers['if-match']).toBe('"0"');
    expect(put.body).toEqual({ parameters: { fast: 15, slow: 50 } });
    expect(calls.filter((c) => c.method === 'GET' && c.url === '/api/strategies/s-1')).toHaveLength(2);
    await waitFor(() => expect(screen.getAllByTestId('event')).toHaveLength(2));
  });

  it('saves, then polls until the read model shows the new version', async () => {
    let current = strategy({ version: 0 });
    let reads = 0;
    const calls = stubFetch((c) => {
      if (c.url === '/api/strategy-types') return json(200, catalogue);
      if (c.url === '/api/strategies/s-1/backtests') return json(200, { runs: [] });
      if (c.method === 'GET' && c.url === '/api/strategies/s-1') {
        reads++;
        return json(200, current, { ETag: `"${current.version}"` });
      }
      if (c.url.startsWith('/api/strategies/s-1/events')) return json(200, events(current.version + 1));
      if (c.method === 'PUT') {
        // The read model catches up only after the next read.
        setTimeout(() => (current = strategy({ version: 1, parameters: { fast: 12, slow: 50 } })), 0);
        return new Response(null, { status: 202 });
      }
      return undefined;
    });
    renderDetail();

    const fast = await screen.findByLabelText('fast');
    await userEvent.clear(fast);
    await userEvent.type(fast, '12');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved as version 1.')).toBeInTheDocument();
    expect(screen.getByLabelText('fast')).toHaveValue(12);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(calls.find((c) => c.method === 'PUT')!.headers['if-match']).toBe('"0"');
  });

  it('shows the detail of a 400 next to the parameters', async () => {
    stubFetch((c) => {
      if (c.url === '/api/strategy-types') return json(200, catalogue);
      if (c.url === '/api/strategies/s-1/backtests') return json(200, { runs: [] });
      if (c.method === 'GET' && c.url === '/api/strategies/s-1') return json(200, strategy(), { ETag: '"0"' });
      if (c.url.startsWith('/api/strategies/s-1/events')) return json(200, events(1));
      if (c.method === 'PUT') return problem(400, 'slow must be between 2 and 5000, was 9000', { code: 'strategy.invalid-parameters' });
      return undefined;
    });
    renderDetail();

    const slow = await screen.findByLabelText('slow');
    await userEvent.clear(slow);
    await userEvent.type(slow, '9000');
    expect(slow).toHaveAttribute('aria-invalid', 'true');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('slow must be between 2 and 5000, was 9000');
    expect(screen.getByLabelText('slow')).toHaveValue(9000);
  });
});
