package io.trendline.backtest.parity;

import io.trendline.backtest.engine.Trade;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseStrategy;
import org.ta4j.core.Position;
import org.ta4j.core.Rule;
import org.ta4j.core.Trade.TradeType;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.backtest.BarSeriesManager;
import org.ta4j.core.backtest.TradeOnNextOpenModel;

/**
 * Runs a long-only ta4j strategy of one unit a trade, with a fee per side as a fraction of the traded value, each
 * decision taken at a bar's close and filled at the next bar's open ({@link TradeOnNextOpenModel}) - the rules the
 * engine applies with {@code Fill.NEXT_OPEN}, {@code Sizing.fixedQuantity(1)} and {@code Fees.flat(fee)}.
 */
final class Ta4jRun {

    /** One closed ta4j position, in the engine's terms. */
    record Closed(int entryIndex, double entryPrice, int exitIndex, double exitPrice, double pnl) {

        static Closed of(Trade trade) {
            return new Closed(trade.entryIndex(), trade.entryPrice(), trade.exitIndex(), trade.exitPrice(),
                    trade.pnl());
        }
    }

    private Ta4jRun() {
    }

    /** ta4j's closed positions; {@code unstableBars} is the engine strategy's warm-up, the first bar it may act on. */
    static List<Closed> run(BarSeries series, Rule entry, Rule exit, int unstableBars, double fee) {
        BarSeriesManager manager = new BarSeriesManager(series, new LinearTransactionCostModel(fee),
                new ZeroCostModel(), new TradeOnNextOpenModel());
        List<Position> positions = manager.run(new BaseStrategy(entry, exit, unstableBars), TradeType.BUY,
                series.numOf(1)).getPositions();
        return positions.stream().map(p -> new Closed(p.getEntry().getIndex(),
                p.getEntry().getPricePerAsset().doubleValue(), p.getExit().getIndex(),
                p.getExit().getPricePerAsset().doubleValue(), p.getProfit().doubleValue())).toList();
    }
}
