package io.trendline.backtest.optimize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SplittableRandom;

/** Which points of a parameter space to try: all of them, or a seeded random sample without repeats. */
public record Search(Kind kind, int samples, long seed) {

    public enum Kind { GRID, RANDOM }

    public static Search grid() {
        return new Search(Kind.GRID, 0, 0);
    }

    public static Search random(int samples, long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("a random search needs at least one sample");
        }
        return new Search(Kind.RANDOM, samples, seed);
    }

    List<SortedMap<String, Double>> points(ParameterSpace space) {
        long size = space.size();
        List<SortedMap<String, Double>> points = new ArrayList<>();
        if (kind == Kind.GRID || samples >= size) {
            for (long k = 0; k < size; k++) {
                points.add(space.point(k));
            }
            return points;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> drawn = new LinkedHashSet<>();
        while (drawn.size() < samples) {
            drawn.add(random.nextLong(size));
        }
        drawn.forEach(k -> points.add(space.point(k)));
        return points;
    }
}
