package io.trendline.platform.clickhouse;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A migration version such as {@code 1.0} (file {@code V1_0__...}), compared part by part as numbers. */
public record MigrationVersion(int[] parts) implements Comparable<MigrationVersion> {

    public static MigrationVersion parse(String text) {
        return new MigrationVersion(Arrays.stream(text.split("[._]")).mapToInt(Integer::parseInt).toArray());
    }

    @Override
    public int compareTo(MigrationVersion other) {
        return Arrays.compare(parts, other.parts);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MigrationVersion v && Arrays.equals(parts, v.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return Arrays.stream(parts).mapToObj(Integer::toString).collect(Collectors.joining("."));
    }
}
