/**
 * Parameter search over one strategy kind: a full grid or a seeded random sample of it, ranked by an {@link
 * io.trendline.backtest.optimize.Objective}, on every core ({@code java.util.concurrent}, one task per parameter
 * set), reporting progress as it goes; and walk-forward analysis, which optimises on rolling training windows and
 * reports only what the chosen parameters then did on the unseen window after each. Results do not depend on the
 * number of threads: evaluations are kept in search order and ties go to the earlier one.
 */
package io.trendline.backtest.optimize;
