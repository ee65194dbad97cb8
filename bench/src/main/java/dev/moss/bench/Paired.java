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
     * Median, first and third quartile of time(a) / time(b), the medians of both times in ms,
     * the median cores each kept busy (process CPU time / wall time, native threads included),
     * and the median of cpu(a) / cpu(b), which load from other processes hardly moves.
     */
    record Result(double median, double q1, double q3, double aMs, double bMs, double aCores, double bCores,
            double cpuMedian, int rounds) {}

    /** Median wall and process CPU time of one operation, in ms. */
    record Solo(double wallMs, double cpuMs, int rounds) {}

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
        double[] cpuRatios = new double[rounds];
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
            cpuRatios[i] = (ca[i] * ta[i]) / (cb[i] * tb[i]);
        }
        return new Result(quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75),
                quantile(ta, 0.5), quantile(tb, 0.5), quantile(ca, 0.5), quantile(cb, 0.5),
                quantile(cpuRatios, 0.5), rounds);
    }

    /** Times one operation alone: medians of wall and process CPU time over {@code rounds}. */
    static Solo solo(Op op, int warmup, int rounds) throws Exception {
        for (int i = 0; i < warmup; i++) {
            op.run();
        }
        double[] wall = new double[rounds];
        double[] cores = new double[rounds];
        double[] cpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            wall[i] = time(op, cores, i);
            cpu[i] = cores[i] * wall[i];
        }
        return new Solo(quantile(wall, 0.5), quantile(cpu, 0.5), rounds);
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
