import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { followPurchase, formatMoney } from './subscription';
import { json, stubFetch } from './test/fetchStub';

const view = (status: string) => ({ purchaseId: 'p-1', userId: 'u-1', plan: 'MONTHLY', price: { amount: 9.99, currency: 'USD' },
  status, reason: null, transactionId: null, validUntil: null, receiptNumber: null, requestedAt: '', updatedAt: '' });

describe('followPurchase', () => {
  it('counts a 404 as not yet and returns the first reading that is no longer pending', async () => {
    const answers = [json(404, { status: 404, detail: 'no purchase p-1' }), json(200, view('PENDING')), json(200, view('COMPLETED'))];
    const calls = stubFetch((c) => (c.url === '/api/subscription/purchases/p-1' ? answers.shift() : undefined));
    const seen: string[] = [];

    const done = await followPurchase('p-1', (p) => seen.push(p.status), { intervalMs: 1 });

    expect(done.status).toBe('COMPLETED');
    expect(seen).toEqual(['PENDING', 'COMPLETED']);
    expect(calls).toHaveLength(3);
  });

  it('gives up with a message once the purchase stays pending past the timeout', async () => {
    stubFetch(() => json(200, view('PENDING')));

    const outcome = followPurchase('p-1', () => undefined, { intervalMs: 5, timeoutMs: 30 });

    await expect(outcome).rejects.toBeInstanceOf(ApiError);
    await expect(outcome).rejects.toThrow(/still pending after/);
  });
});

describe('formatMoney', () => {
  it("shows the currency's scale, which a JSON number loses", () => {
    expect(formatMoney({ amount: 99, currency: 'USD' })).toBe('99.00 USD');
    expect(formatMoney({ amount: 1500, currency: 'JPY' })).toBe('1500 JPY');
  });
});
