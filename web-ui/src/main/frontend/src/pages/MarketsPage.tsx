export function MarketsPage() {
  return (
    <section className="panel placeholder" aria-label="Markets">
      <h2>Markets</h2>
      <p className="muted">
        Candles, order book depth and live prices arrive with the market-data feature. Until then, strategies can be defined and
        audited here.
      </p>
    </section>
  );
}
