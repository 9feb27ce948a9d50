// Premium over REST: the user's plan, buying premium (202, then poll the purchase until it completes or is
// cancelled), the receipts of completed purchases and the payments behind them.
import { ApiError, request } from './api';

export type Plan = 'FREE' | 'PREMIUM';
export type PremiumPlan = 'MONTHLY' | 'YEARLY';
export type PurchaseStatus = 'PENDING' | 'COMPLETED' | 'CANCELLED';
export type TransactionStatus = 'PENDING' | 'EXECUTED' | 'FAILED' | 'REFUNDED';

/** A plan on offer; the server sets the price (`GET /api/subscription/plans`). */
export interface PlanOffer {
  plan: PremiumPlan;
  days: number;
  price?: Money;
}

/** The offers as PremiumPlan.java defines them, until the server's prices arrive. */
export const PREMIUM_PLANS: PlanOffer[] = [
  { plan: 'MONTHLY', days: 30 },
  { plan: 'YEARLY', days: 365 },
];

/** The simulated payment processor's test cards. */
export const TEST_CARDS: { card: string; outcome: string }[] = [
  { card: '4242424242424242', outcome: 'approves' },
  { card: '4000000000000002', outcome: 'declines' },
  { card: '4000000000009995', outcome: 'insufficient funds' },
  { card: '4000000000000119', outcome: 'processor error' },
  { card: '4000000000000051', outcome: 'slow' },
];

export const APPROVE_CARD = TEST_CARDS[0].card;

/** An exact decimal amount (a JSON number) in a currency. */
export interface Money {
  amount: number | string;
  currency: string;
}

export interface SubscriptionView {
  subscriptionId: string;
  userId: string;
  plan: Plan;
  validUntil: string | null;
  pendingPurchaseId: string | null;
}

/** The plan, and whether premium applies right now (a lapsed validity may not have been downgraded yet). */
export interface MySubscription {
  subscription: SubscriptionView;
  premium: boolean;
}

export interface NewPurchase {
  plan: PremiumPlan;
  cardToken: string;
}

export interface PurchaseAccepted {
  purchaseId: string;
  status: PurchaseStatus;
}

export interface PurchaseView {
  purchaseId: string;
  userId: string;
  plan: PremiumPlan;
  price: Money;
  status: PurchaseStatus;
  reason: string | null;
  transactionId: string | null;
  validUntil: string | null;
  receiptNumber: string | null;
  requestedAt: string;
  updatedAt: string;
}

export interface ReceiptView {
  receiptNumber: string;
  purchaseId: string;
  userId: string;
  plan: PremiumPlan;
  amount: Money;
  validUntil: string;
  transactionId: string;
  processorReference: string;
  issuedAt: string;
}

export interface TransactionView {
  transactionId: string;
  purchaseId: string;
  userId: string;
  amount: Money;
  status: TransactionStatus;
  processorReference: string | null;
  reason: string | null;
  createdAt: string;
  updatedAt: string;
}

const path = (id: string) => encodeURIComponent(id);

/** A fresh key for one purchase attempt; sent again unchanged when that attempt is retried. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export const subscriptions = {
  async plans(): Promise<PlanOffer[]> {
    return (await request<{ plans: PlanOffer[] }>('GET', '/api/subscription/plans')).body.plans;
  },

  async mine(): Promise<MySubscription> {
    return (await request<MySubscription>('GET', '/api/me/subscription')).body;
  },

  /** Asks to buy `purchase.plan`; the same `idempotencyKey` names the same purchase, so a retry never pays twice. */
  async purchase(purchase: NewPurchase, idempotencyKey: string): Promise<PurchaseAccepted> {
    return (await request<PurchaseAccepted>('POST', '/api/subscription/purchases', purchase,
      { 'Idempotency-Key': idempotencyKey })).body;
  },

  async purchaseStatus(purchaseId: string): Promise<PurchaseView> {
    return (await request<PurchaseView>('GET', `/api/subscription/purchases/${path(purchaseId)}`)).body;
  },

  async receipts(): Promise<ReceiptView[]> {
    return (await request<{ receipts: ReceiptView[] }>('GET', '/api/subscription/receipts')).body.receipts;
  },

  async transactions(): Promise<TransactionView[]> {
    return (await request<{ transactions: TransactionView[] }>('GET', '/api/transactions')).body.transactions;
  },
};

export interface FollowOptions {
  intervalMs?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Thrown by `followPurchase` when its signal aborts; nobody needs to be told. */
export class Stopped extends Error {
  constructor() {
    super('stopped');
    this.name = 'Stopped';
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Stopped());
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new Stopped());
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Reads the purchase every `intervalMs` until it is no longer PENDING and returns that reading, calling `onUpdate`
 * with each one. A 404 counts as not yet (the read model follows the 202 within moments). Gives up with an ApiError
 * after `timeoutMs`; rejects with Stopped once `signal` aborts.
 */
export async function followPurchase(
  purchaseId: string,
  onUpdate: (purchase: PurchaseView) => void,
  { intervalMs = 500, timeoutMs = 60_000, signal }: FollowOptions = {},
): Promise<PurchaseView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal?.aborted) throw new Stopped();
    try {
      const purchase = await subscriptions.purchaseStatus(purchaseId);
      if (signal?.aborted) throw new Stopped();
      onUpdate(purchase);
      if (purchase.status !== 'PENDING') return purchase;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 404)) throw e;
    }
    if (Date.now() + intervalMs > deadline) {
      throw new ApiError({
        status: 504,
        title: 'Timeout',
        detail: `purchase ${purchaseId} is still pending after ${Math.round(timeoutMs / 1000)} s; refresh later to see how it ended`,
      });
    }
    await pause(intervalMs, signal);
  }
}

/** Fraction digits of a currency (2 when unknown). */
function digitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** `9.99 USD`; an amount in its currency's scale, since a JSON number loses trailing zeros (99.00 → 99). */
export function formatMoney(money: Money | null | undefined): string {
  if (!money) return '—';
  const amount = Number(money.amount);
  return `${Number.isFinite(amount) ? amount.toFixed(digitsOf(money.currency)) : String(money.amount)} ${money.currency}`;
}
