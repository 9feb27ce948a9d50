import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, problem, stubFetch, type Call } from '../test/fetchStub';
import { PremiumPage } from './PremiumPage';

const free = { subscriptionId: 'subscription-u-1', userId: 'u-1', plan: 'FREE', validUntil: null, pendingPurchaseId: null };
const pendingOn = (purchaseId: string) => ({ ...free, pendingPurchaseId: purchaseId });
const premium = { ...free, plan: 'PREMIUM', validUntil: '2027-11-24T10:00:00Z' };

function purchase(status: string, overrides: Record<string, unknown> = {}) {
  return {
    purchaseId: 'p-1', userId: 'u-1', plan: 'YEARLY', price: { amount: 99.0, currency: 'USD' }, status, reason: null,
    transactionId: 't-1', validUntil: null, receiptNumber: null, requestedAt: '2026-11-24T10:00:00Z',
    updatedAt: '2026-11-24T10:00:00Z', ...overrides,
  };
}

const receipt = {
  receiptNumber: 'R-p-1', purchaseId: 'p-1', userId: 'u-1', plan: 'YEARLY', amount: { amount: 99.0, currency: 'USD' },
  validUntil: '2027-11-24T10:00:00Z', transactionId: 't-1', processorReference: 'sim-ch-1', issuedAt: '2026-11-24T10:00:01Z',
};
const payment = {
  transactionId: 't-1', purchaseId: 'p-1', userId: 'u-1', amount: { amount: 99.0, currency: 'USD' }, status: 'EXECUTED',
  processorReference: 'sim-ch-1', reason: null, createdAt: '2026-11-24T10:00:00Z', updatedAt: '2026-11-24T10:00:01Z',
};

/** A server with one user on `state.subscription`; `onPurchase` and `onStatus` answer the purchase calls. */
function server(state: { subscription: Record<string, unknown>; receipts: object[]; transactions: object[] },
                onPurchase: (c: Call) => Response | (() => Response), onStatus: (c: Call) => Response = () => json(404, { status: 404 })): Call[] {
  return stubFetch((c) => {
    if (c.method === 'GET' && c.url === '/api/me/subscription') {
      return json(200, { subscription: state.subscription, premium: state.subscription.plan === 'PREMIUM' });
    }
    if (c.url === '/api/subscription/plans') {
      return json(200, { plans: [
        { plan: 'MONTHLY', days: 30, price: { amount: 9.99, currency: 'USD' } },
        { plan: 'YEARLY', days: 365, price: { amount: 99, currency: 'USD' } },
      ] });
    }
    if (c.url === '/api/subscription/receipts') return json(200, { receipts: state.receipts });
    if (c.url === '/api/transactions') return json(200, { transactions: state.transactions });
    if (c.method === 'POST' && c.url === '/api/subscription/purchases') return onPurchase(c);
    if (c.method === 'GET' && c.url.startsWith('/api/subscription/purchases/')) return onStatus(c);
    return undefined;
  });
}

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST' && c.url === '/api/subscription/purchases');

describe('PremiumPage', () => {
  it('shows the free plan, buys with an Idempotency-Key, polls until completed and then shows premium', async () => {
    const state = { subscription: free as Record<string, unknown>, receipts: [] as object[], transactions: [] as object[] };
    let reads = 0;
    const calls = server(
      state,
      () => {
        state.subscription = pendingOn('p-1');
        return json(202, { purchaseId: 'p-1', status: 'PENDING' }, { Location: '/api/subscription/purchases/p-1' });
      },
      (c) => {
        expect(c.url).toBe('/api/subscription/purchases/p-1');
        reads++;
        if (reads < 2) return json(200, purchase('PENDING'));
        state.subscription = premium;
        state.receipts = [receipt];
        state.transactions = [payment];
        return json(200, purchase('COMPLETED', { validUntil: '2027-11-24T10:00:00Z', receiptNumber: 'R-p-1' }));
      },
    );
    render(<PremiumPage />);

    await waitFor(() => expect(screen.getByTestId('plan')).toHaveTextContent('Free'));
    expect(screen.getByLabelText('Card number')).toHaveValue('4242424242424242');
    await waitFor(() => expect(screen.getByRole('option', { name: /yearly/ })).toHaveTextContent('yearly (365 days, 99.00 USD)'));
    expect(screen.getByLabelText('Test cards')).toHaveTextContent('simulated payment processor');
    await userEvent.selectOptions(screen.getByLabelText('Plan'), 'YEARLY');
    await userEvent.click(screen.getByRole('button', { name: 'Buy' }));

    expect(await screen.findByText(/taking the payment/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Buy' })).toBeDisabled();
    expect(await screen.findByText(/Completed: premium until/, {}, { timeout: 3000 })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('plan')).toHaveTextContent('Premium'));
    expect(screen.getByTestId('plan')).not.toHaveTextContent('lapsed');
    expect(reads).toBe(2);

    const [post] = posts(calls);
    expect(posts(calls)).toHaveLength(1);
    expect(post.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toEqual({ plan: 'YEARLY', cardToken: '4242424242424242' });

    const receipts = within(screen.getByRole('region', { name: 'Receipts' }));
    expect(await receipts.findByText('R-p-1')).toBeInTheDocument();
    expect(receipts.getByText('99.00 USD')).toBeInTheDocument();
    const payments = within(screen.getByRole('region', { name: 'Payments' }));
    expect(payments.getByText('executed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled();
  });

  it('shows a cancelled purchase with its reason and stays on the free plan', async () => {
    const state = { subscription: free as Record<string, unknown>, receipts: [] as object[], transactions: [] as object[] };
    server(
      state,
      () => {
        state.subscription = pendingOn('p-1');
        return json(202, { purchaseId: 'p-1', status: 'PENDING' });
      },
      () => {
        state.subscription = free;
        state.transactions = [{ ...payment, status: 'FAILED', processorReference: null, reason: 'card declined' }];
        return json(200, purchase('CANCELLED', { plan: 'MONTHLY', price: { amount: 9.99, currency: 'USD' }, reason: 'payment failed: card declined' }));
      },
    );
    render(<PremiumPage />);

    await waitFor(() => expect(screen.getByTestId('plan')).toHaveTextContent('Free'));
    await userEvent.clear(screen.getByLabelText('Card number'));
    await userEvent.type(screen.getByLabelText('Card number'), '4000000000000002');
    await userEvent.click(screen.getByRole('button', { name: 'Buy' }));

    const status = within(screen.getByRole('region', { name: 'Purchase' })).getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent('Cancelled: payment failed: card declined'));
    expect(screen.getByTestId('plan')).toHaveTextContent('Free');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled());
    expect(await within(screen.getByRole('region', { name: 'Payments' })).findByText('failed')).toBeInTheDocument();
  });

  it('reuses the same Idempotency-Key when the user retries after a failed request', async () => {
    const state = { subscription: free as Record<string, unknown>, receipts: [] as object[], transactions: [] as object[] };
    let attempts = 0;
    const calls = server(
      state,
      () => () => {
        attempts++;
        // The first answer is lost on the way back (the server may well have accepted it).
        if (attempts === 1) throw new TypeError('Failed to fetch');
        state.subscription = pendingOn('p-1');
        return json(202, { purchaseId: 'p-1', status: 'PENDING' });
      },
      () => json(200, purchase('PENDING')),
    );
    render(<PremiumPage />);

    await waitFor(() => expect(screen.getByTestId('plan')).toHaveTextContent('Free'));
    await userEvent.click(screen.getByRole('button', { name: 'Buy' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('cannot reach the server');
    await userEvent.click(screen.getByRole('button', { name: 'Buy' }));
    expect(await screen.findByText(/taking the payment/)).toBeInTheDocument();

    const sent = posts(calls);
    expect(sent).toHaveLength(2);
    expect(sent[0].headers['idempotency-key']).toBeTruthy();
    expect(sent[1].headers['idempotency-key']).toBe(sent[0].headers['idempotency-key']);
    expect(sent[1].body).toEqual(sent[0].body);
  });

  it('shows the detail of a refused purchase', async () => {
    const state = { subscription: premium as Record<string, unknown>, receipts: [receipt], transactions: [payment] };
    server(state, () =>
      problem(409, 'premium is valid until 2027-11-24T10:00:00Z; a renewal opens once at most 30 days are left', {
        title: 'Conflict',
        code: 'subscription.renewal-too-early',
      }),
    );
    render(<PremiumPage />);

    await waitFor(() => expect(screen.getByTestId('plan')).toHaveTextContent('Premium'));
    await userEvent.click(screen.getByRole('button', { name: 'Buy' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Conflict');
    expect(alert).toHaveTextContent('a renewal opens once at most 30 days are left');
    expect(screen.queryByRole('region', { name: 'Purchase' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled();
  });
});
