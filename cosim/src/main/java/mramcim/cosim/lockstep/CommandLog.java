package mramcim.cosim.lockstep;

import java.util.ArrayList;
import java.util.List;
import mramcim.spec.HostBus;
import mramcim.spec.Op;
import mramcim.spec.Register;

/**
 * The commands a lockstep accepted and its resets, edge by edge, kept raw and put into words only
 * when a report asks (a string per command was a tenth of the model side's time per cycle). It
 * holds the last {@code capacity} entries, enough for the {@link Lockstep#HISTORY} commands before
 * any edge that has not been checked yet: a batched engine finds a divergence up to two batches
 * after the model ran the edge.
 */
final class CommandLog {

    private static final int RESET = -1;

    private final int capacity;
    private final long[] edge;
    private final int[] op;
    private final int[] addr;
    private final long[] data;
    private long count;
    private long commands;
    private long resets;

    CommandLog(int capacity) {
        this.capacity = capacity;
        this.edge = new long[capacity];
        this.op = new int[capacity];
        this.addr = new int[capacity];
        this.data = new long[capacity];
    }

    /** A command accepted at edge {@code at} (counted from 1). */
    void command(long at, int opCode, int address, long value) {
        add(at, opCode, address, value);
        commands++;
    }

    /** A reset edge {@code at}. */
    void reset(long at) {
        add(at, RESET, 0, 0);
        resets++;
    }

    private void add(long at, int k, int a, long d) {
        int i = (int) (count % capacity);
        edge[i] = at;
        op[i] = k;
        addr[i] = a;
        data[i] = d;
        count++;
    }

    /** Commands accepted up to and including edge {@code at}. */
    long commandsUpTo(long at) {
        return commands - after(at, false);
    }

    /** Resets up to and including edge {@code at}. */
    long resetsUpTo(long at) {
        return resets - after(at, true);
    }

    private long after(long at, boolean ofResets) {
        long n = 0;
        for (long k = count - 1; k >= Math.max(0, count - capacity); k--) {
            int i = (int) (k % capacity);
            if (edge[i] <= at) {
                return n;
            }
            if ((op[i] == RESET) == ofResets) {
                n++;
            }
        }
        return n;
    }

    /** The last {@code n} entries up to and including edge {@code at}, oldest first, in words. */
    List<String> lastUpTo(long at, int n) {
        List<String> out = new ArrayList<>();
        for (long k = count - 1; k >= Math.max(0, count - capacity) && out.size() < n; k--) {
            int i = (int) (k % capacity);
            if (edge[i] <= at) {
                out.add(0, describe(i));
            }
        }
        return out;
    }

    /** "@c NAME addr=... data=0x..." with c the edges before it, as the reports have always shown. */
    private String describe(int i) {
        long c = edge[i] - 1;
        if (op[i] == RESET) {
            return "@" + c + " RESET";
        }
        Op o = Op.of(op[i]);
        String name = o == null ? "op" + op[i] : o.name();
        String a = o == Op.WRITE_REG || o == Op.READ_REG
                ? Register.name(HostBus.addr(addr[i]))
                : "0x" + Integer.toHexString(HostBus.addr(addr[i]));
        return "@" + c + " " + name + " addr=" + a + " data=0x" + Long.toHexString(data[i]);
    }
}
