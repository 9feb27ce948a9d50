package io.trendline.backtest.metrics;

import java.util.Arrays;

/**
 * Thins a long curve for a chart. Both methods answer the indices of the points to keep, in order, always
 * including the first and the last.
 */
public final class Downsampler {

    private Downsampler() {
    }

    /**
     * Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps in each bucket the point that makes the largest
     * triangle with the point kept before it and the average of the next bucket, which keeps the curve's shape.
     */
    public static int[] lttb(double[] y, int threshold) {
        int n = y.length;
        if (threshold >= n || threshold < 3) {
            return n <= threshold ? identity(n) : firstAndLast(n);
        }
        int[] kept = new int[threshold];
        double bucket = (double) (n - 2) / (threshold - 2);
        int a = 0;
        for (int b = 0; b < threshold - 2; b++) {
            int start = (int) Math.floor(b * bucket) + 1;
            int end = (int) Math.floor((b + 1) * bucket) + 1;
            int nextStart = end;
            int nextEnd = Math.min((int) Math.floor((b + 2) * bucket) + 1, n);
            double avgX = 0;
            double avgY = 0;
            for (int j = nextStart; j < nextEnd; j++) {
                avgX += j;
                avgY += y[j];
            }
            int count = nextEnd - nextStart;
            avgX /= count;
            avgY /= count;
            double best = -1;
            int chosen = start;
            for (int j = start; j < end; j++) {
                double area = Math.abs((a - avgX) * (y[j] - y[a]) - (a - j) * (avgY - y[a]));
                if (area > best) {
                    best = area;
                    chosen = j;
                }
            }
            kept[b + 1] = chosen;
            a = chosen;
        }
        kept[threshold - 1] = n - 1;
        return kept;
    }

    /**
     * Splits the inner points into {@code buckets} buckets and keeps each bucket's lowest and highest point (in
     * index order), so that no spike or dip is lost; at most {@code 2 * buckets + 2} points.
     */
    public static int[] minMax(double[] y, int buckets) {
        int n = y.length;
        if (n <= 2 * buckets + 2 || buckets < 1) {
            return identity(n);
        }
        int[] kept = new int[2 * buckets + 2];
        int k = 0;
        kept[k++] = 0;
        double size = (double) (n - 2) / buckets;
        for (int b = 0; b < buckets; b++) {
            int start = (int) Math.floor(b * size) + 1;
            int end = (int) Math.floor((b + 1) * size) + 1;
            int min = start;
            int max = start;
            for (int j = start + 1; j < end; j++) {
                if (y[j] < y[min]) {
                    min = j;
                }
                if (y[j] > y[max]) {
                    max = j;
                }
            }
            kept[k++] = Math.min(min, max);
            if (min != max) {
                kept[k++] = Math.max(min, max);
            }
        }
        kept[k++] = n - 1;
        return Arrays.copyOf(kept, k);
    }

    private static int[] identity(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private static int[] firstAndLast(int n) {
        return n == 1 ? new int[] {0} : new int[] {0, n - 1};
    }
}
