import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { Notice, ProblemMessage } from '../components/ProblemMessage';
import { formatTime, shortId } from '../format';
import { useLoad, type Loaded } from '../hooks';
import {
  APPROVE_CARD,
  followPurchase,
  formatMoney,
  newIdempotencyKey,
  PREMIUM_PLANS,
  Stopped,
  subscriptions,
  TEST_CARDS,
  type MySubscription,
  type PremiumPlan,
  type PurchaseView,
  type ReceiptView,
  type TransactionView,
} from '../subscription';

const asError = (e: unknown) => (e instanceof ApiError ? e : new ApiError({ status: 0, detail: String(e) }));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The subscription read model follows the purchase's within moments: read it until it no longer shows `purchaseId` pending. */
async function planAfter(purchaseId: string, attempts = 10): Promise<MySubscription> {
  let mine = await subscriptions.mine();
  for (let i = 1; i < attempts && mine.subscription.pendingPurchaseId === purchaseId; i++) {
    await pause(300);
    mine = await subscriptions.mine();
  }
  return mine;
}

/** The user's plan; buy premium and follow the purchase until it completes or is cancelled; receipts and payments. */
export function PremiumPage() {
  const [mine, setMine] = useState<MySubscription>();
  const [planError, setPlanError] = useState<ApiError>();
  const [purchase, setPurchase] = useState<{ purchaseId: string; view?: PurchaseView }>();
  const [following, setFollowing] = useState(false);
  const [followError, setFollowError] = useState<ApiError>();
  const [settled, setSettled] = useState(0);
  const receipts = useLoad(() => subscriptions.receipts(), [settled]);
  const transactions = useLoad(() => subscriptions.transactions(), [settled]);
  const follow = useRef<{ purchaseId: string; controller: AbortController }>(undefined);
  const mounted = useRef(false);

  const track = useCallback((purchaseId: string) => {
    if (follow.current?.purchaseId === purchaseId && !follow.current.controller.signal.aborted) return;
    follow.current?.controller.abort();
    const controller = new AbortController();
    follow.current = { purchaseId, controller };
    setPurchase({ purchaseId });
    setFollowing(true);
    setFollowError(undefined);
    followPurchase(purchaseId, (view) => setPurchase({ purchaseId, view }), { signal: controller.signal })
      .then(() => planAfter(purchaseId))
      .then((next) => {
        if (controller.signal.aborted) return;
        setMine(next);
        setPlanError(undefined);
      })
      .catch((e: unknown) => {
        if (!(e instanceof Stopped) && !controller.signal.aborted) setFollowError(asError(e));
      })
      .finally(() => {
        if (controller.signal.aborted) return;
        // Done with it: a refresh that still finds it pending (a poll that gave up) follows it again.
        follow.current = undefined;
        setFollowing(false);
        setSettled((n) => n + 1);
      });
  }, []);

  const loadPlan = useCallback(() => {
    subscriptions
      .mine()
      .then((next) => {
        if (!mounted.current) return;
        setMine(next);
        setPlanError(undefined);
        // A purchase left pending (a reload mid-purchase, or a poll that gave up) is followed again.
        if (next.subscription.pendingPurchaseId) track(next.subscription.pendingPurchaseId);
      })
      .catch((e: unknown) => {
        if (mounted.current) setPlanError(asError(e));
      });
  }, [track]);

  useEffect(() => {
    mounted.current = true;
    loadPlan();
    return () => {
      mounted.current = false;
      follow.current?.controller.abort();
      follow.current = undefined;
    };
  }, [loadPlan]);

  const pending = following || !!mine?.subscription.pendingPurchaseId;
  return (
    <div className="split">
      <div className="stack grow">
        <PlanPanel mine={mine} error={planError} onRefresh={loadPlan} />
        {purchase && <PurchaseStatus purchaseId={purchase.purchaseId} view={purchase.view} />}
        <ProblemMessage error={followError} />
        <ReceiptsTable receipts={receipts} />
        <PaymentsTable transactions={transactions} />
      </div>
      <aside className="side stack">
        <PurchaseForm pending={pending} onAccepted={track} />
      </aside>
    </div>
  );
}

function PlanPanel({ mine, error, onRefresh }: { mine?: MySubscription; error?: ApiError; onRefresh: () => void }) {
  const s = mine?.subscription;
  return (
    <section className="panel" aria-label="Subscription">
      <div className="panel-head">
        <h1>Premium</h1>
        <button type="button" className="link" onClick={onRefresh}>
          refresh
        </button>
      </div>
      <ProblemMessage error={error} />
      {!s && !error && <p className="muted">Loading…</p>}
      {s && (
        <dl className="facts">
          <dt>plan</dt>
          <dd data-testid="plan">
            {s.plan === 'PREMIUM' ? 'Premium' : 'Free'}
            {s.plan === 'PREMIUM' && !mine.premium && <span className="tag warn">lapsed</span>}
          </dd>
          <dt>premium until</dt>
          <dd>{s.plan === 'PREMIUM' ? formatTime(s.validUntil) : '—'}</dd>
          <dt>pending purchase</dt>
          <dd className="mono small">{s.pendingPurchaseId ? shortId(s.pendingPurchaseId) : '—'}</dd>
          <dt>subscription</dt>
          <dd className="mono small">{s.subscriptionId}</dd>
        </dl>
      )}
    </section>
  );
}

function PurchaseStatus({ purchaseId, view }: { purchaseId: string; view?: PurchaseView }) {
  const status = view?.status ?? 'PENDING';
  return (
    <section className="panel" aria-label="Purchase">
      <div className="panel-head">
        <h2>
          Purchase <span className="mono">{shortId(purchaseId)}</span>
        </h2>
        <span className={`tag ${status === 'CANCELLED' ? 'warn' : ''}`}>{status.toLowerCase()}</span>
      </div>
      <div role="status" className={status === 'CANCELLED' ? 'problem' : undefined}>
        {status === 'PENDING' && (
          <span className="muted">
            Pending{view ? `: ${view.plan.toLowerCase()} for ${formatMoney(view.price)}` : ''}; taking the payment…
          </span>
        )}
        {status === 'COMPLETED' && view && (
          <span>
            Completed: premium until {formatTime(view.validUntil)}, receipt <span className="mono">{view.receiptNumber}</span>.
          </span>
        )}
        {status === 'CANCELLED' && view && <span>Cancelled: {view.reason ?? 'no reason given'}</span>}
      </div>
    </section>
  );
}

function PurchaseForm({ pending, onAccepted }: { pending: boolean; onAccepted: (purchaseId: string) => void }) {
  const [plan, setPlan] = useState<PremiumPlan>('MONTHLY');
  const [card, setCard] = useState(APPROVE_CARD);
  const offers = useLoad(() => subscriptions.plans(), []);
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  // One key per purchase attempt: a retry of the same plan and card sends it again, so it never pays twice.
  const attempt = useRef<string>(undefined);

  async function buy(e: FormEvent) {
    e.preventDefault();
    if (busy || pending) return;
    attempt.current ??= newIdempotencyKey();
    setBusy(true);
    setError(undefined);
    try {
      const accepted = await subscriptions.purchase({ plan, cardToken: card.trim() }, attempt.current);
      attempt.current = undefined;
      onAccepted(accepted.purchaseId);
    } catch (err) {
      setError(asError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel form" onSubmit={buy} aria-label="Buy premium" noValidate>
      <h2>Buy premium</h2>
      <div className="field">
        <label htmlFor="premium-plan">Plan</label>
        <select
          id="premium-plan"
          value={plan}
          onChange={(e) => {
            setPlan(e.target.value as PremiumPlan);
            attempt.current = undefined;
          }}
        >
          {(offers.data ?? PREMIUM_PLANS).map((p) => (
            <option key={p.plan} value={p.plan}>
              {p.plan.toLowerCase()} ({p.days} days{p.price ? `, ${formatMoney(p.price)}` : ''})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="premium-card">Card number</label>
        <input
          id="premium-card"
          className="mono"
          value={card}
          maxLength={64}
          autoComplete="off"
          onChange={(e) => {
            setCard(e.target.value);
            attempt.current = undefined;
          }}
        />
      </div>
      <div className="hint">The price is set by the server and shown with the purchase.</div>
      <ProblemMessage error={error} />
      {pending && <Notice>A purchase is pending; wait for it to complete.</Notice>}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || pending || !card.trim()}>
          {busy ? 'Buying…' : 'Buy'}
        </button>
      </div>
      <div className="hint" aria-label="Test cards">
        Test cards of the simulated payment processor (no real card is charged):
        <ul className="fields">
          {TEST_CARDS.map((t) => (
            <li key={t.card}>
              <button
                type="button"
                className="link mono"
                onClick={() => {
                  setCard(t.card);
                  attempt.current = undefined;
                }}
              >
                {t.card}
              </button>{' '}
              {t.outcome}
            </li>
          ))}
        </ul>
      </div>
    </form>
  );
}

function ReceiptsTable({ receipts }: { receipts: Loaded<ReceiptView[]> }) {
  const rows = receipts.data ?? [];
  return (
    <section className="panel" aria-label="Receipts">
      <div className="panel-head">
        <h2>Receipts</h2>
        <button type="button" className="link" onClick={receipts.reload} disabled={receipts.loading}>
          refresh
        </button>
      </div>
      <ProblemMessage error={receipts.error} />
      <table className="grid">
        <thead>
          <tr>
            <th>Receipt</th>
            <th>Issued</th>
            <th>Plan</th>
            <th className="num">Amount</th>
            <th>Premium until</th>
            <th>Processor ref</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.receiptNumber}>
              <td className="mono small">{r.receiptNumber}</td>
              <td className="muted small">{formatTime(r.issuedAt)}</td>
              <td>{r.plan.toLowerCase()}</td>
              <td className="num">{formatMoney(r.amount)}</td>
              <td>{formatTime(r.validUntil)}</td>
              <td className="mono small">{r.processorReference}</td>
            </tr>
          ))}
          {!receipts.loading && !receipts.error && rows.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No receipts yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function PaymentsTable({ transactions }: { transactions: Loaded<TransactionView[]> }) {
  const rows = transactions.data ?? [];
  return (
    <section className="panel" aria-label="Payments">
      <div className="panel-head">
        <h2>Payments</h2>
        <button type="button" className="link" onClick={transactions.reload} disabled={transactions.loading}>
          refresh
        </button>
      </div>
      <ProblemMessage error={transactions.error} />
      <table className="grid">
        <thead>
          <tr>
            <th>Transaction</th>
            <th>Created</th>
            <th className="num">Amount</th>
            <th>Status</th>
            <th>Processor ref</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.transactionId}>
              <td className="mono small">{shortId(t.transactionId)}</td>
              <td className="muted small">{formatTime(t.createdAt)}</td>
              <td className="num">{formatMoney(t.amount)}</td>
              <td>
                <span className={`tag ${t.status === 'FAILED' || t.status === 'REFUNDED' ? 'warn' : ''}`}>
                  {t.status.toLowerCase()}
                </span>
              </td>
              <td className="mono small">{t.processorReference ?? '—'}</td>
              <td>{t.reason ?? ''}</td>
            </tr>
          ))}
          {!transactions.loading && !transactions.error && rows.length === 0 && (
            <tr>
              <td colSpan={6} className="muted">
                No payments yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
