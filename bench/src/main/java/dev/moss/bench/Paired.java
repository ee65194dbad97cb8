package dev.moss.bench;

import java.lang.management.ManagementFactory;
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

    /**
     * Median, first and third quartile of time(a) / time(b), the medians of both times in ms, and
     * the median cores each kept busy (process CPU time / wall time, native threads included).
     */
    record Result(double median, double q1, double q3, double aMs, double bMs, double aCores, double bCores,
            int rounds) {}

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static Result ratio(Op a, Op b, int warmup, int rounds) throws Exception {
        for (int i = 0; i < warmup; i++) {
            a.run();
            b.run();
        }
        double[] ratios = new double[rounds];
        double[] ta = new double[rounds];
        double[] tb = new double[rounds];
        double[] ca = new double[rounds];
        double[] cb = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            boolean aFirst = i % 2 == 0;
            if (aFirst) {
                ta[i] = time(a, ca, i);
                tb[i] = time(b, cb, i);
            } else {
                tb[i] = time(b, cb, i);
                ta[i] = time(a, ca, i);
            }
            ratios[i] = ta[i] / tb[i];
        }
        return new Result(quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
                quantile(ta, 0.5), quantile(tb, 0.5), quantile(ca, 0.5), quantile(cb, 0.5), rounds);
    }

    /** Runs {@code op}; returns its wall time in ms and stores the cores it kept busy in {@code cores[i]}. */
    private static double time(Op op, double[] cores, int i) throws Exception {
        long cpu0 = OS.getProcessCpuTime();
        long t0 = System.nanoTime();
        op.run();
        long wall = System.nanoTime() - t0;
        cores[i] = (double) (OS.getProcessCpuTime() - cpu0) / wall;
        return wall / 1e6;
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
