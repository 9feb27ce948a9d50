import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { catalogue, json, problem, strategy, stubFetch } from '../test/fetchStub';
import { StrategyForm } from './StrategyForm';

describe('StrategyForm', () => {
  it('builds the parameter inputs from the catalogue and follows the chosen type', async () => {
    stubFetch((c) => (c.url === '/api/strategy-types' ? json(200, catalogue) : undefined));
    render(<StrategyForm />);

    const fast = await screen.findByLabelText('fast');
    expect(fast).toHaveValue(10);
    expect(fast).toHaveAttribute('min', '1');
    expect(fast).toHaveAttribute('max', '1000');
    expect(fast).toHaveAttribute('step', '1');
    expect(screen.getByLabelText('slow')).toHaveValue(50);
    expect(screen.queryByLabelText('period')).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Type'), 'RSI_MEAN_REVERSION');
    expect(screen.queryByLabelText('fast')).not.toBeInTheDocument();
    expect(screen.getByLabelText('period')).toHaveValue(14);
    expect(screen.getByLabelText('oversold')).toHaveValue(30);
    expect(screen.getByLabelText('oversold')).toHaveAttribute('step', 'any');
    expect(screen.getByLabelText('overbought')).toHaveAttribute('min', '50');

    await userEvent.selectOptions(screen.getByLabelText('Type'), 'BUY_AND_HOLD');
    expect(screen.getByText('This type takes no parameters.')).toBeInTheDocument();
  });

  it('shows the detail of a 400 problem next to the form', async () => {
    const calls = stubFetch((c) => {
      if (c.url === '/api/strategy-types') return json(200, catalogue);
      if (c.method === 'POST' && c.url === '/api/strategies') return problem(400, 'fast must be less than slow', { code: 'strategy.invalid-parameters' });
      return undefined;
    });
    render(<StrategyForm />);

    await userEvent.type(screen.getByLabelText('Name'), 'Inverted');
    const fast = await screen.findByLabelText('fast');
    await userEvent.clear(fast);
    await userEvent.type(fast, '60');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('fast must be less than slow');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ name: 'Inverted', type: 'SMA_CROSSOVER', symbol: 'BTCUSDT', parameters: { fast: 60, slow: 50 } });
    expect(post.headers['content-type']).toBe('application/json');
  });

  it('creates, waits for the read model and reports the new strategy', async () => {
    let reads = 0;
    stubFetch((c) => {
      if (c.url === '/api/strategy-types') return json(200, catalogue);
      if (c.method === 'POST') return json(201, { strategyId: 's-9' }, { Location: '/api/strategies/s-9' });
      if (c.url === '/api/strategies/s-9') {
        reads++;
        return reads < 2 ? problem(404, 'no strategy s-9') : json(200, strategy({ strategyId: 's-9', name: 'Trend' }), { ETag: '"0"' });
      }
      return undefined;
    });
    const onCreated = vi.fn();
    render(<StrategyForm onCreated={onCreated} />);

    await userEvent.type(screen.getByLabelText('Name'), 'Trend');
    await screen.findByLabelText('fast');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(expect.objectContaining({ strategyId: 's-9', name: 'Trend' })));
    expect(reads).toBe(2);
    expect(screen.getByLabelText('Name')).toHaveValue('');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
