package io.trendline.backtest.engine;

import io.trendline.backtest.engine.Trade.ExitReason;
import io.trendline.backtest.indicator.ReturnVolatility;
import java.util.ArrayList;
import java.util.List;

/**
 * Cash, the one open position, its protective levels and the closed trades. Both bar loops trade only through this
 * class, so for the same decisions they do the same arithmetic in the same order and agree to the bit.
 */
final class Account {

    private final BarSeries bars;
    private final ExecutionConfig config;
    private final double maker;
    private final double taker;
    private final double fixedSlippage;
    private final double[] volatilitySlippage;
    private final boolean allowsLong;
    private final boolean allowsShort;
    private final Sizing.Kind sizing;
    private final double sizingValue;
    private final boolean protective;
    private final double stopLoss;
    private final double takeProfit;
    private final double trailingStop;
    private final List<Trade> trades = new ArrayList<>();

    double cash;
    /** Signed: positive long, negative short, 0 flat. */
    double quantity;

    private int entryIndex;
    private boolean enteredAtOpen;
    private double entryPrice;
    private double entryFee;
    private double stopLevel;
    private double takeLevel;
    private double extreme;

    Account(BarSeries bars, ExecutionConfig config) {
        this.bars = bars;
        this.config = config;
        this.cash = config.initialCapital();
        this.maker = config.fees().maker();
        this.taker = config.fees().taker();
        Slippage slippage = config.slippage();
        this.fixedSlippage = slippage.kind() == Slippage.Kind.BASIS_POINTS ? slippage.value() / 10_000 : 0.0;
        this.volatilitySlippage = slippage.kind() == Slippage.Kind.VOLATILITY ? volatilitySlippage(slippage) : null;
        this.allowsLong = config.directions().allowsLong();
        this.allowsShort = config.directions().allowsShort();
        this.sizing = config.sizing().kind();
        this.sizingValue = config.sizing().value();
        Exits exits = config.exits();
        this.protective = exits.any();
        this.stopLoss = exits.stopLoss();
        this.takeProfit = exits.takeProfit();
        this.trailingStop = exits.trailingStop();
    }

    private double[] volatilitySlippage(Slippage slippage) {
        ReturnVolatility volatility = new ReturnVolatility(slippage.lookback());
        double[] slip = new double[bars.size()];
        for (int i = 0; i < slip.length; i++) {
            double sigma = volatility.update(bars.close(i));
            slip[i] = Double.isNaN(sigma) ? 0.0 : slippage.value() * sigma;
        }
        return slip;
    }

    /** The slippage fraction for a fill that uses what was known at the close of {@code bar}. */
    double slippage(int bar) {
        if (volatilitySlippage == null) {
            return fixedSlippage;
        }
        return bar < 0 ? 0.0 : volatilitySlippage[bar];
    }

    double initialCash() {
        return config.initialCapital();
    }

    double takerFee() {
        return taker;
    }

    double makerFee() {
        return maker;
    }

    List<Trade> trades() {
        return trades;
    }

    /** Acts on every flag of a signal at market, exits first. */
    void market(int signal, int bar, double quote, int knownBar, boolean atOpen) {
        double slip = slippage(knownBar);
        for (int flag : Signals.ACTION_ORDER) {
            if ((signal & flag) != 0) {
                act(flag, bar, quote, slip, taker, atOpen);
            }
        }
    }

    /** Whether the flag would do anything now. */
    boolean applies(int flag) {
        return switch (flag) {
            case Signals.EXIT_LONG -> quantity > 0;
            case Signals.EXIT_SHORT -> quantity < 0;
            case Signals.ENTER_LONG -> quantity <= 0 && allowsLong;
            case Signals.ENTER_SHORT -> quantity >= 0 && allowsShort;
            default -> false;
        };
    }

    /** Fills one flag at {@code quote} moved by {@code slip} against the trader; false when it did not apply. */
    boolean act(int flag, int bar, double quote, double slip, double feeRate, boolean atOpen) {
        if (!applies(flag)) {
            return false;
        }
        switch (flag) {
            case Signals.EXIT_LONG -> close(bar, quote * (1 - slip), feeRate, ExitReason.SIGNAL);
            case Signals.EXIT_SHORT -> close(bar, quote * (1 + slip), feeRate, ExitReason.SIGNAL);
            case Signals.ENTER_LONG -> {
                double price = quote * (1 + slip);
                if (quantity < 0) {
                    close(bar, price, feeRate, ExitReason.SIGNAL);
                }
                open(bar, 1, price, feeRate, atOpen);
            }
            default -> {
                double price = quote * (1 - slip);
                if (quantity > 0) {
                    close(bar, price, feeRate, ExitReason.SIGNAL);
                }
                open(bar, -1, price, feeRate, atOpen);
            }
        }
        return true;
    }

    private double size(double price, double feeRate) {
        if (sizing == Sizing.Kind.FIXED_QUANTITY) {
            return sizingValue;
        }
        if (sizing == Sizing.Kind.PERCENT_OF_EQUITY) {
            return sizingValue * cash / (price * (1 + feeRate));
        }
        return Math.min(sizingValue * cash / (price * stopLoss), cash / (price * (1 + feeRate)));
    }

    private void open(int bar, int direction, double price, double feeRate, boolean atOpen) {
        double units = size(price, feeRate);
        if (!(units > 0) || !Double.isFinite(units)) {
            return;
        }
        double fee = units * price * feeRate;
        if (direction > 0) {
            cash -= units * price + fee;
            quantity = units;
            stopLevel = stopLoss > 0 ? price * (1 - stopLoss) : 0.0;
            takeLevel = takeProfit > 0 ? price * (1 + takeProfit) : Double.POSITIVE_INFINITY;
        } else {
            cash += units * price - fee;
            quantity = -units;
            stopLevel = stopLoss > 0 ? price * (1 + stopLoss) : Double.POSITIVE_INFINITY;
            takeLevel = takeProfit > 0 ? price * (1 - takeProfit) : 0.0;
        }
        entryIndex = bar;
        enteredAtOpen = atOpen;
        entryPrice = price;
        entryFee = fee;
        extreme = price;
    }

    private void close(int bar, double price, double feeRate, ExitReason reason) {
        double units = Math.abs(quantity);
        double fee = units * price * feeRate;
        double pnl;
        Trade.Side side;
        if (quantity > 0) {
            cash += units * price - fee;
            pnl = (price - entryPrice) * units - entryFee - fee;
            side = Trade.Side.LONG;
        } else {
            cash -= units * price + fee;
            pnl = (entryPrice - price) * units - entryFee - fee;
            side = Trade.Side.SHORT;
        }
        trades.add(new Trade(side, units, entryIndex, bars.openTime(entryIndex), entryPrice, entryFee, bar,
                bars.openTime(bar), price, fee, pnl, pnl / (entryPrice * units), reason));
        quantity = 0;
    }

    /**
     * Checks the protective exits against the bar's range. A bar that opens through a level fills at the open;
     * otherwise at the level. The best price seen is updated only after the check, since the bar's high may have
     * come after its low.
     */
    void protect(int bar) {
        if (protective && quantity != 0) {
            checkExits(bar);
        }
    }

    private void checkExits(int bar) {
        double open = bars.open(bar);
        double high = bars.high(bar);
        double low = bars.low(bar);
        // An entry filled inside this bar cannot be stopped out at this bar's open, which came before it.
        boolean openCounts = entryIndex != bar || enteredAtOpen;
        double slip = slippage(bar - 1);
        if (quantity > 0) {
            double trail = trailingStop > 0 ? extreme * (1 - trailingStop) : 0.0;
            double stop = Math.max(stopLevel, trail);
            ExitReason reason = trail > stopLevel ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
            if (openCounts && open <= stop) {
                close(bar, open * (1 - slip), taker, reason);
            } else if (low <= stop) {
                close(bar, stop * (1 - slip), taker, reason);
            } else if (high >= takeLevel) {
                close(bar, openCounts && open >= takeLevel ? open : takeLevel, maker, ExitReason.TAKE_PROFIT);
            } else if (high > extreme) {
                extreme = high;
            }
        } else {
            double trail = trailingStop > 0 ? extreme * (1 + trailingStop) : Double.POSITIVE_INFINITY;
            double stop = Math.min(stopLevel, trail);
            ExitReason reason = trail < stopLevel ? ExitReason.TRAILING_STOP : ExitReason.STOP_LOSS;
            if (openCounts && open >= stop) {
                close(bar, open * (1 + slip), taker, reason);
            } else if (high >= stop) {
                close(bar, stop * (1 + slip), taker, reason);
            } else if (low <= takeLevel) {
                close(bar, openCounts && open <= takeLevel ? open : takeLevel, maker, ExitReason.TAKE_PROFIT);
            } else if (low < extreme) {
                extreme = low;
            }
        }
    }

    /** Closes a position left open after the last bar at its close, if so configured; answers the final equity. */
    double finish(int lastBar) {
        if (config.closeAtEnd() && quantity != 0) {
            double slip = slippage(lastBar);
            double close = bars.close(lastBar);
            close(lastBar, quantity > 0 ? close * (1 - slip) : close * (1 + slip), taker, ExitReason.END_OF_DATA);
        }
        return cash + quantity * bars.close(lastBar);
    }
}
