package io.trendline.ingestion.binance;

import java.util.OptionalLong;

/**
 * Where the collector resumes: the open time of the last closed 1-minute candle it has durably published for a
 * symbol. A port, so a deployment can answer from wherever it keeps candles; the default reads the Kafka topic the
 * collector writes ({@link KafkaLastCandleStore}).
 */
public interface LastCandleStore {

    /** Empty when nothing was ever published for {@code symbol} (or it is no longer retained). */
    OptionalLong lastClosedOpenTime(String symbol);
}
