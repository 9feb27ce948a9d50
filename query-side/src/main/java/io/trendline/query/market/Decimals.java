package io.trendline.query.market;

import java.math.BigDecimal;

/** Decimals as ClickHouse returns them (scale 8) without the trailing zeros, so 105573.73000000 reads 105573.73. */
final class Decimals {

    private Decimals() {
    }

    static BigDecimal clean(BigDecimal value) {
        if (value == null || value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
