import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, problem, stubFetch } from '../test/fetchStub';
import { EventTimeline } from './EventTimeline';

const meta = (n: number) => ({
  userId: 'alice',
  causationId: `cmd-${n}-0000-0000-0000-000000000000`,
  correlationId: `corr-${n}-000-0000-0000-000000000000`,
  issuedAt: '2026-11-01T10:00:00Z',
});

const history = {
  aggregateId: 's-1',
  events: [
    {
      eventId: 'e1',
      sequenceNumber: 0,
      type: 'StrategyCreatedEvent',
      revision: '1',
      timestamp: '2026-11-01T10:00:00.100Z',
      payload: { strategyId: 's-1', ownerId: 'alice', name: 'Golden cross', type: 'SMA_CROSSOVER', symbol: 'BTCUSDT', parameters: { fast: 10, slow: 50 } },
      metaData: meta(1),
    },
    {
      eventId: 'e2',
      sequenceNumber: 1,
      type: 'StrategyParametersChangedEvent',
      revision: '1',
      timestamp: '2026-11-01T11:00:00Z',
      payload: { strategyId: 's-1', parameters: { fast: 12, slow: 50 }, previousParameters: { fast: 10, slow: 50 } },
      metaData: meta(2),
    },
    {
      eventId: 'e3',
      sequenceNumber: 2,
      type: 'StrategyArchivedEvent',
      revision: '1',
      timestamp: '2026-11-01T12:00:00Z',
      payload: { strategyId: 's-1', reason: 'retired' },
      metaData: { ...meta(3), userId: 'bob' },
    },
  ],
};

describe('EventTimeline', () => {
  it('shows every event with its payload and who, when and which conversation caused it', async () => {
    const calls = stubFetch((c) => (c.url === '/api/strategies/s-1/events' ? json(200, history) : undefined));
    const onLoaded = vi.fn();
    render(<EventTimeline aggregateId="s-1" onLoaded={onLoaded} />);

    const items = await screen.findAllByTestId('event');
    expect(items).toHaveLength(3);
    expect(screen.getByRole('heading', { name: /Event history/ })).toHaveTextContent('(3)');

    const [created, changed, archived] = items;
    expect(created).toHaveTextContent('#0');
    expect(created).toHaveTextContent('Strategy created');
    expect(created).toHaveTextContent('Golden cross');
    expect(created).toHaveTextContent('fast=10, slow=50');
    expect(within(created).getByText('corr-1-0')).toHaveAttribute('title', 'corr-1-000-0000-0000-000000000000');
    expect(within(created).getByText('cmd-1-00')).toHaveAttribute('title', meta(1).causationId);

    expect(changed).toHaveTextContent('Strategy parameters changed');
    expect(within(changed).getByText(/10 → 12/)).toHaveClass('changed');
    expect(within(changed).getByText('alice')).toBeInTheDocument();

    expect(archived).toHaveTextContent('retired');
    expect(within(archived).getByText('bob')).toBeInTheDocument();
    expect(within(archived).getByText('payload').closest('details')).toHaveTextContent('"reason": "retired"');

    // reported from an effect, which may run after the render the assertions above saw
    await waitFor(() => expect(onLoaded).toHaveBeenCalledWith(history));
    expect(calls).toHaveLength(1);
  });

  it('asks for the history as of a moment', async () => {
    const calls = stubFetch((c) => {
      if (c.url === '/api/strategies/s-1/events') return json(200, history);
      if (c.url.startsWith('/api/strategies/s-1/events?asOf=')) return json(200, { ...history, events: history.events.slice(0, 1) });
      return undefined;
    });
    render(<EventTimeline aggregateId="s-1" />);
    expect(await screen.findAllByTestId('event')).toHaveLength(3);

    await userEvent.type(screen.getByLabelText('As of'), '2026-11-01T10:30:00');

    await waitFor(() => expect(screen.getAllByTestId('event')).toHaveLength(1));
    const asOf = new URL(calls[calls.length - 1].url, 'http://x').searchParams.get('asOf');
    expect(asOf).toBe(new Date('2026-11-01T10:30:00').toISOString());
  });

  it('shows a problem instead of events', async () => {
    stubFetch(() => problem(404, 'no strategy with id nope'));
    render(<EventTimeline aggregateId="nope" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('no strategy with id nope');
  });
});
