package dev.moss.format.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Big-endian numbers in byte arrays, shared by the header, digest and record codecs: the
 * VarHandles write them, the methods below read them.
 */
public final class BigEndian {
    public static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    public static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    public static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    private BigEndian() {}

    // Plain shifts for the record decoders, which run over every layout and index record of every
    // stone an install reads. Under the C1 compiler that moss's transactions run with, the
    // VarHandles' guards and byte swaps stay calls (a fifth of the decoding time in profiles);
    // these compile to loads.

    public static short getShort(byte[] b, int i) {
        return (short) ((b[i] << 8) | (b[i + 1] & 0xFF));
    }

    public static int getInt(byte[] b, int i) {
        return (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    public static long getLong(byte[] b, int i) {
        return ((long) getInt(b, i) << 32) | (getInt(b, i + 4) & 0xFFFFFFFFL);
    }
}
