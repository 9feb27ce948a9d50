package io.trendline.runner.results;

import com.clickhouse.data.ClickHouseFormat;
import io.trendline.backtest.BacktestResult;
import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.Trade;
import io.trendline.platform.clickhouse.ClickHouse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes a run's trades and equity and drawdown curves to ClickHouse, keyed by the run's id, as RowBinary streamed
 * through the driver's client: a year of minutes is half a million curve points, which JDBC's per-value parameters
 * would take seconds to bind. The encoder is written here because it is a dozen lines for three column types and the
 * driver's own writers need the table's schema fetched first.
 */
@Component
public class BacktestResultStore {

    static final List<String> TRADE_COLUMNS = List.of("backtest_id", "number", "side", "quantity", "entry_time",
            "entry_price", "entry_fee", "exit_time", "exit_price", "exit_fee", "pnl", "return_fraction",
            "exit_reason");
    static final List<String> CURVE_COLUMNS = List.of("backtest_id", "time", "equity", "drawdown");

    private final ClickHouse clickHouse;

    public BacktestResultStore(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    public void store(String backtestId, BacktestResult result) {
        byte[] id = backtestId.getBytes(StandardCharsets.UTF_8);
        List<Trade> trades = result.trades();
        if (!trades.isEmpty()) {
            clickHouse.insert("backtest_trades", TRADE_COLUMNS, ClickHouseFormat.RowBinary, out -> {
                RowBinary rows = new RowBinary(out);
                int number = 1;
                for (Trade t : trades) {
                    rows.string(id).uint32(number++).string(t.side().name()).float64(t.quantity())
                            .int64(t.entryTime()).float64(t.entryPrice()).float64(t.entryFee())
                            .int64(t.exitTime()).float64(t.exitPrice()).float64(t.exitFee()).float64(t.pnl())
                            .float64(t.returnFraction()).string(t.exitReason().name());
                }
                rows.flush();
            });
        }
        double[] equity = result.equityCurve();
        double[] drawdown = result.drawdownCurve();
        BarSeries bars = result.bars();
        int first = result.firstTradingBar();
        clickHouse.insert("backtest_curves", CURVE_COLUMNS, ClickHouseFormat.RowBinary, out -> {
            RowBinary row = new RowBinary(out);
            row.string(id).length(equity.length);
            for (int i = 0; i < equity.length; i++) {
                row.int64(bars.openTime(first + i));
            }
            row.length(equity.length);
            for (double value : equity) {
                row.float64(value);
            }
            row.length(drawdown.length);
            for (double value : drawdown) {
                row.float64(value);
            }
            row.flush();
        });
    }

    /**
     * ClickHouse's RowBinary: little-endian fixed-width numbers; strings and arrays as a LEB128 length, then their
     * bytes or elements.
     */
    private static final class RowBinary {
        private final OutputStream out;
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        RowBinary(OutputStream out) {
            this.out = out;
        }

        /** The length that precedes a string's bytes or an array's elements, as an unsigned LEB128 number. */
        RowBinary length(int length) throws IOException {
            room(5);
            int rest = length;
            while ((rest & ~0x7F) != 0) {
                buffer.put((byte) ((rest & 0x7F) | 0x80));
                rest >>>= 7;
            }
            buffer.put((byte) rest);
            return this;
        }

        RowBinary string(byte[] bytes) throws IOException {
            length(bytes.length);
            if (bytes.length > buffer.remaining()) {
                flush();
                out.write(bytes);
            } else {
                buffer.put(bytes);
            }
            return this;
        }

        RowBinary string(String value) throws IOException {
            return string(value.getBytes(StandardCharsets.UTF_8));
        }

        RowBinary uint32(int value) throws IOException {
            room(4);
            buffer.putInt(value);
            return this;
        }

        RowBinary int64(long value) throws IOException {
            room(8);
            buffer.putLong(value);
            return this;
        }

        RowBinary float64(double value) throws IOException {
            room(8);
            buffer.putDouble(value);
            return this;
        }

        private void room(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                flush();
            }
        }

        void flush() throws IOException {
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
