package dev.moss.bench;

import java.util.Arrays;

/**
 * Interleaved timing of two operations in one JVM: A, B, B, A, A, B, ... and the median of the
 * per-round ratios. On a shared machine the load changes over seconds, which skews two JMH
 * runs taken one after the other; alternating within each round makes both see the same load.
 */
final class Paired {
    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    /** Median, first and third quartile of time(a) / time(b), and the medians of both times in ms. */
    record Result(double median, double q1, double q3, double aMs, double bMs, int rounds) {}

    static Result ratio(Op a, Op b, int warmup, int rounds) throws Exception {
        for (int i = 0; i < warmup; i++) {
            a.run();
            b.run();
        }
        double[] ratios = new double[rounds];
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            boolean aFirst = i % 2 == 0;
            if (aFirst) {
                ta[i] = time(a);
                tb[i] = time(b);
            } else {
                tb[i] = time(b);
                ta[i] = time(a);
            }
            ratios[i] = ta[i] / tb[i];
        }
        return new Result(quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
                quantile(ta, 0.5), quantile(tb, 0.5), rounds);
    }

    private static double time(Op op) throws Exception {
        long t0 = System.nanoTime();
        op.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }
}
