package io.trendline.backtest.optimize;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The cartesian product of some parameter ranges; point {@code k} counts with the last range varying fastest. */
public record ParameterSpace(List<ParameterRange> ranges) {

    public ParameterSpace {
        ranges = List.copyOf(ranges);
        if (ranges.stream().map(ParameterRange::name).distinct().count() != ranges.size()) {
            throw new IllegalArgumentException("each parameter may have only one range");
        }
    }

    public static ParameterSpace of(ParameterRange... ranges) {
        return new ParameterSpace(List.of(ranges));
    }

    public long size() {
        long size = 1;
        for (ParameterRange range : ranges) {
            size = Math.multiplyExact(size, range.values().size());
        }
        return size;
    }

    public SortedMap<String, Double> point(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("point " + index + " of " + size());
        }
        SortedMap<String, Double> point = new TreeMap<>();
        long rest = index;
        for (int r = ranges.size() - 1; r >= 0; r--) {
            List<Double> values = ranges.get(r).values();
            point.put(ranges.get(r).name(), values.get((int) (rest % values.size())));
            rest /= values.size();
        }
        return point;
    }
}
