import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { json, strategy, stubFetch, type Call } from '../test/fetchStub';
import { OptimisationPanel } from './OptimisationPanel';

const result = {
  optimisationId: 'o-1',
  objective: 'CALMAR',
  bars: 1464,
  evaluated: 30,
  skipped: 2,
  top: [
    { parameters: { fast: 12 }, score: 2.345, totalReturn: 0.1234, sharpe: 1.567, maxDrawdown: -0.0456, trades: 17 },
    { parameters: { fast: 8 }, score: 1.2, totalReturn: 0.05, sharpe: 0.9, maxDrawdown: -0.08, trades: 23 },
  ],
  walkForward: {
    windows: [
      { trainFrom: 0, testFrom: 300, testTo: 360, chosen: { fast: 12 }, inSampleScore: 2.1, outOfSampleReturn: 0.011, outOfSampleSharpe: 0.7 },
      { trainFrom: 60, testFrom: 360, testTo: 420, chosen: { fast: 8 }, inSampleScore: 1.9, outOfSampleReturn: -0.004, outOfSampleSharpe: -0.2 },
    ],
    totalReturn: 0.0071, sharpe: 0.42, maxDrawdown: -0.031, trades: 9,
  },
};

const premiumProblem = {
  type: 'https://trendline.io/problems/premium-required', title: 'Forbidden', status: 403,
  detail: 'this needs a premium subscription; yours is free or has expired',
};

function sse(...events: object[]): Response {
  const text = events.map((e) => `event:progress\ndata:${JSON.stringify(e)}\n\n`).join('');
  return new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

const isPost = (c: Call) => c.method === 'POST' && c.url === '/api/strategies/s-1/optimisations';
const isProgress = (c: Call) => /^\/api\/strategies\/s-1\/optimisations\/[^/]+\/progress$/.test(c.url);

function renderPanel(onChanged = vi.fn(), onStale = vi.fn()) {
  render(
    <MemoryRouter>
      <OptimisationPanel strategy={strategy()} onChanged={onChanged} onStale={onStale} />
    </MemoryRouter>,
  );
  return { form: screen.getByRole('form', { name: 'New optimisation' }), onChanged, onStale };
}

describe('OptimisationPanel', () => {
  it('sends the selected sweeps, objective, search and walk-forward, and shows the top candidates', async () => {
    const calls = stubFetch((c) => {
      if (isProgress(c)) return sse({ backtestId: 'x', stage: 'COMPLETED', fraction: 1, message: 'done' });
      if (isPost(c)) return json(200, result);
      return undefined;
    });
    const { form } = renderPanel();

    // Default rows come from the current parameters: fast 10 and slow 50, both swept.
    expect(within(form).getByLabelText('fast from')).toHaveValue(5);
    expect(within(form).getByLabelText('slow to')).toHaveValue(75);
    await userEvent.click(within(form).getByLabelText('sweep slow'));
    await userEvent.clear(within(form).getByLabelText('fast to'));
    await userEvent.type(within(form).getByLabelText('fast to'), '20');
    await userEvent.clear(within(form).getByLabelText('fast step'));
    await userEvent.type(within(form).getByLabelText('fast step'), '0.5');
    await userEvent.selectOptions(within(form).getByLabelText('Objective'), 'CALMAR');
    await userEvent.selectOptions(within(form).getByLabelText('Search'), 'RANDOM');
    await userEvent.clear(within(form).getByLabelText('Samples'));
    await userEvent.type(within(form).getByLabelText('Samples'), '25');
    await userEvent.clear(within(form).getByLabelText('Seed'));
    await userEvent.type(within(form).getByLabelText('Seed'), '7');
    await userEvent.click(within(form).getByLabelText('Walk forward'));
    await userEvent.clear(within(form).getByLabelText('Train bars'));
    await userEvent.type(within(form).getByLabelText('Train bars'), '300');
    await userEvent.clear(within(form).getByLabelText('Test bars'));
    await userEvent.type(within(form).getByLabelText('Test bars'), '60');
    await userEvent.click(within(form).getByRole('button', { name: 'Optimise' }));

    const table = await screen.findByRole('table', { name: 'Top candidates' });
    const post = calls.find(isPost)!;
    expect(post.body).toEqual({
      optimisationId: expect.any(String),
      interval: '1h', from: '2025-06-01T00:00:00Z', to: '2025-08-01T00:00:00Z',
      sweeps: { fast: { from: 5, to: 20, step: 0.5 } },
      objective: 'CALMAR', search: 'RANDOM', samples: 25, seed: 7,
      walkForward: { trainBars: 300, testBars: 60 },
      initialCapital: 10000, feeBps: 10, slippageBps: 0,
    });
    const id = (post.body as { optimisationId: string }).optimisationId;
    const progress = calls.find(isProgress)!;
    expect(progress.url).toBe(`/api/strategies/s-1/optimisations/${id}/progress`);
    expect(progress.headers.accept).toBe('text/event-stream');

    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('fast=12');
    expect(rows[1]).toHaveTextContent('2.35');
    expect(rows[1]).toHaveTextContent('12.34 %');
    expect(rows[1]).toHaveTextContent('1.57');
    expect(rows[1]).toHaveTextContent('-4.56 %');
    expect(rows[1]).toHaveTextContent('17');
    expect(rows[2]).toHaveTextContent('fast=8');
    expect(screen.getByText(/30 parameter sets run, 2 skipped over 1464 bars/)).toBeInTheDocument();

    const walk = screen.getByRole('table', { name: 'Walk-forward windows' });
    expect(within(walk).getAllByRole('row')).toHaveLength(3);
    expect(within(walk).getAllByRole('row')[2]).toHaveTextContent('-0.40 %');
    expect(screen.getByText('Walk forward (out of sample)').closest('div')).toHaveTextContent('0.71 %');
  });

  it('shows the progress events while the search is still running', async () => {
    const encoder = new TextEncoder();
    let events!: ReadableStreamDefaultController<Uint8Array>;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (events = c) });
    let answer!: (r: Response) => void;
    const pending = new Promise<Response>((resolve) => (answer = resolve));
    stubFetch((c) => {
      if (isProgress(c)) return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
      if (isPost(c)) return pending;
      return undefined;
    });
    const { form } = renderPanel();
    const send = (p: object) => act(async () => events.enqueue(encoder.encode(`event:progress\ndata:${JSON.stringify(p)}\n\n`)));

    await userEvent.click(within(form).getByRole('button', { name: 'Optimise' }));
    const status = await screen.findByRole('status', { name: 'Optimisation progress' });
    expect(within(form).getByRole('button', { name: 'Optimising…' })).toBeDisabled();

    await send({ backtestId: 'x', stage: 'LOADING_BARS', fraction: 0.02, message: 'reading BTCUSDT 1h bars' });
    await waitFor(() => expect(status).toHaveTextContent('loading bars: reading BTCUSDT 1h bars'));
    await send({ backtestId: 'x', stage: 'RUNNING', fraction: 0.41, message: '18 of 36 backtests run' });
    await waitFor(() => expect(status).toHaveTextContent('running: 18 of 36 backtests run'));
    expect(within(status).getByRole('progressbar')).toHaveAttribute('value', '0.41');
    expect(screen.queryByRole('table', { name: 'Top candidates' })).not.toBeInTheDocument();

    await act(async () => answer(json(200, result)));
    await screen.findByRole('table', { name: 'Top candidates' });
    expect(screen.queryByRole('status', { name: 'Optimisation progress' })).not.toBeInTheDocument();
  });

  it('says optimisation is premium when the server refuses a free user', async () => {
    stubFetch((c) => (isPost(c) || isProgress(c) ? json(403, premiumProblem) : undefined));
    const { form } = renderPanel();

    await userEvent.click(within(form).getByRole('button', { name: 'Optimise' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Optimisation is a premium feature');
    expect(alert).toHaveTextContent('this needs a premium subscription; yours is free or has expired');
    expect(within(alert).getByRole('link', { name: 'Get premium' })).toHaveAttribute('href', '/premium');
    expect(screen.queryByRole('status', { name: 'Optimisation progress' })).not.toBeInTheDocument();
  });

  it('changes the strategy’s parameters to a candidate’s with “Use these parameters”', async () => {
    const calls = stubFetch((c) => {
      if (isProgress(c)) return sse({ backtestId: 'x', stage: 'COMPLETED', fraction: 1, message: 'done' });
      if (isPost(c)) return json(200, result);
      if (c.method === 'PUT' && c.url === '/api/strategies/s-1/parameters') return json(202, undefined);
      if (c.method === 'GET' && c.url === '/api/strategies/s-1') {
        return json(200, strategy({ version: 1, parameters: { fast: 8, slow: 50 } }), { ETag: '"1"' });
      }
      return undefined;
    });
    const { form, onChanged } = renderPanel();

    await userEvent.click(within(form).getByRole('button', { name: 'Optimise' }));
    const table = await screen.findByRole('table', { name: 'Top candidates' });
    await userEvent.click(within(within(table).getAllByRole('row')[2]).getByRole('button', { name: 'Use these parameters' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ version: 1, parameters: { fast: 8, slow: 50 } })));
    const put = calls.find((c) => c.method === 'PUT')!;
    // The swept parameter takes the candidate's value; the other keeps the strategy's.
    expect(put.body).toEqual({ parameters: { fast: 8, slow: 50 } });
    expect(put.headers['if-match']).toBe('"0"');
    expect(await screen.findByText(/Parameters set to fast=8; saved as version 1/)).toBeInTheDocument();
  });

  it('refuses invalid sweeps before sending anything', async () => {
    const calls = stubFetch(() => undefined);
    const { form } = renderPanel();
    const optimise = () => userEvent.click(within(form).getByRole('button', { name: 'Optimise' }));

    await userEvent.clear(within(form).getByLabelText('fast step'));
    await userEvent.type(within(form).getByLabelText('fast step'), '0');
    await userEvent.clear(within(form).getByLabelText('slow from'));
    await userEvent.type(within(form).getByLabelText('slow from'), '90');
    await optimise();
    let alert = screen.getByRole('alert', { name: 'Invalid optimisation' });
    expect(alert).toHaveTextContent('fast: the step must be greater than 0.');
    expect(alert).toHaveTextContent('slow: from must not be greater than to.');

    await userEvent.clear(within(form).getByLabelText('fast step'));
    await userEvent.click(within(form).getByLabelText('sweep slow'));
    await optimise();
    alert = screen.getByRole('alert', { name: 'Invalid optimisation' });
    expect(alert).toHaveTextContent('fast: from, to and step must be numbers.');
    expect(alert).not.toHaveTextContent('slow');

    await userEvent.click(within(form).getByLabelText('sweep fast'));
    await optimise();
    expect(screen.getByRole('alert', { name: 'Invalid optimisation' })).toHaveTextContent('Choose at least one parameter to sweep.');

    await userEvent.click(within(form).getByLabelText('sweep slow'));
    await userEvent.clear(within(form).getByLabelText('slow from'));
    await userEvent.type(within(form).getByLabelText('slow from'), '30');
    await userEvent.clear(within(form).getByLabelText('To (UTC)'));
    await userEvent.type(within(form).getByLabelText('To (UTC)'), '2025-05-01');
    await optimise();
    expect(screen.getByRole('alert', { name: 'Invalid optimisation' })).toHaveTextContent('The date range is empty');

    expect(calls).toHaveLength(0);
  });
});
