package io.trendline.backtest;

import io.trendline.backtest.engine.BarSeries;
import io.trendline.backtest.engine.EngineRun;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 digests (lowercase hex) of a run's canonical inputs and outputs (see {@link Canonical} for the byte
 * forms). {@code input} covers the engine version, the spec and the bars; {@code output} the trades and the equity
 * curve. Re-running the same spec on the same bars with the same engine version gives the same digests; a changed
 * bar, parameter or engine shows in the matching digest.
 */
public record Digests(String engineVersion, String spec, String bars, String trades, String equity, String input,
                      String output) {

    private static final HexFormat HEX = HexFormat.of();

    static Digests of(BacktestSpec spec, BarSeries bars, EngineRun run) {
        String specDigest = specDigest(spec);
        String barsDigest = barsDigest(bars);
        String tradesDigest = hex(Canonical.toDigest().writeTrades(run.trades()).sha256());
        String equityDigest = hex(Canonical.toDigest().writeEquity(run.equity(), run.from()).sha256());
        String version = Backtest.ENGINE_VERSION;
        return new Digests(version, specDigest, barsDigest, tradesDigest, equityDigest,
                combine("input/1", version, specDigest, barsDigest), combine("output/1", tradesDigest, equityDigest));
    }

    public static String specDigest(BacktestSpec spec) {
        return hex(Canonical.toDigest().writeSpec(spec).sha256());
    }

    public static String barsDigest(BarSeries bars) {
        return hex(Canonical.toDigest().writeBars(bars).sha256());
    }

    private static String combine(String tag, String... parts) {
        Canonical c = Canonical.toDigest().putString(tag);
        for (String part : parts) {
            c.putString(part);
        }
        return hex(c.sha256());
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** The names of the digests that differ from {@code other}'s; empty when the runs match. */
    public List<String> differences(Digests other) {
        List<String> differ = new ArrayList<>();
        String[][] pairs = {{"engineVersion", engineVersion, other.engineVersion}, {"spec", spec, other.spec},
            {"bars", bars, other.bars}, {"trades", trades, other.trades}, {"equity", equity, other.equity},
            {"input", input, other.input}, {"output", output, other.output}};
        for (String[] pair : pairs) {
            if (!pair[1].equals(pair[2])) {
                differ.add(pair[0]);
            }
        }
        return differ;
    }
}
