package mramcim.cosim.lockstep;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mramcim.cosim.verilator.CheckedBatch;
import mramcim.cosim.verilator.HaltCause;
import mramcim.cosim.verilator.Port;
import mramcim.cosim.verilator.RtlHaltedException;
import mramcim.cosim.verilator.VerilatedModel;
import mramcim.model.array.AnalogPins;
import mramcim.model.periphery.HostPins;
import mramcim.spec.HostBus;

/**
 * The RTL side of the batched engines: records each edge the model ran (the host pins, the model
 * array's answers, the model's outputs), runs full batches on the RTL in one native call each, at
 * once ({@link Engine#BATCHED}) or on a second thread while the next batch is recorded ({@link
 * Engine#PIPELINED}), and keeps the first edge that differed or halted as a {@link
 * Lockstep.Failure}. Why that is the cycle engine's first failure: docs/architecture.md, "Batched
 * lockstep". Driven by the lockstep's thread only; the RTL thread runs nothing but the native call.
 */
final class BatchedChecker implements AutoCloseable {

    private final Engine engine;
    private final VerilatedModel rtl;
    private final ModelSide model;
    private final CommandLog log;
    private final Port[] signalPorts;
    private final int rows;
    private final Port inVec;

    /*
     * Word offsets of the inputs in the image, resolved once: the recording runs every edge, and
     * port look-ups there were a third of its cost (issue 21).
     */
    private final int validAt;
    private final int opAt;
    private final int addrAt;
    private final int dataAt;
    private final boolean dataHigh;
    private final int readyAt;
    private final int cmpAt;
    private final int cmpWords;
    private final int rdBitAt;
    private final int inVecWords;

    /** The batch being recorded, and (pipelined) the one the RTL thread runs. */
    private final CheckedBatch[] batches;

    private final int[] scalarSlots;
    private final int[] scalarOrdinals;
    private final int inVecSlot;
    private final int[] expectedRow;

    /** The RTL's input buffer as the next frame will hold it (a reset edge keeps the host pins). */
    private final int[] image;

    private final ExecutorService rtlThread;
    private int filling;
    private Future<Integer> inFlight;
    private CheckedBatch inFlightBatch;
    private Lockstep.Failure failure;
    private long checked;

    BatchedChecker(
            Engine engine,
            VerilatedModel rtl,
            ModelSide model,
            CommandLog log,
            Port[] signalPorts,
            int batchLength,
            long seed) {
        if (engine == Engine.CYCLE) {
            throw new IllegalArgumentException("the cycle engine checks every edge itself");
        }
        this.engine = engine;
        this.rtl = rtl;
        this.model = model;
        this.log = log;
        this.signalPorts = signalPorts;
        this.rows = signalPorts[Signal.IN_VEC.ordinal()].width();
        var p = rtl.ports();
        inVec = signalPorts[Signal.IN_VEC.ordinal()];
        Port cmp = signalPorts[Signal.CMP.ordinal()];
        validAt = p.port("cmd_valid").offset();
        opAt = p.port("cmd_op").offset();
        addrAt = p.port("cmd_addr").offset();
        dataAt = p.port("cmd_data").offset();
        dataHigh = p.port("cmd_data").words() > 1;
        readyAt = p.port("rsp_ready").offset();
        cmpAt = cmp.offset();
        cmpWords = cmp.words();
        rdBitAt = signalPorts[Signal.RD_BIT.ordinal()].offset();
        inVecWords = inVec.words();
        List<Port> compared = Arrays.stream(signalPorts).filter(q -> !q.input()).toList();
        this.batches = new CheckedBatch[engine == Engine.PIPELINED ? 2 : 1];
        for (int i = 0; i < batches.length; i++) {
            batches[i] = new CheckedBatch(p, compared, batchLength);
        }
        Signal[] scalars = Arrays.stream(Signal.values())
                .filter(x -> !x.vector() && !signalPorts[x.ordinal()].input())
                .toArray(Signal[]::new);
        for (Signal x : scalars) {
            if (signalPorts[x.ordinal()].words() != 1) {
                throw new IllegalStateException(x.port() + " is wider than one word: the batch row has one");
            }
        }
        CheckedBatch b = batches[0];
        this.scalarSlots = Arrays.stream(scalars)
                .mapToInt(x -> b.slot(signalPorts[x.ordinal()]))
                .toArray();
        this.scalarOrdinals = Arrays.stream(scalars).mapToInt(Signal::ordinal).toArray();
        this.inVecSlot = b.slot(inVec);
        this.expectedRow = new int[b.slots()];
        this.image = CheckedBatch.inputImage(rtl);
        this.rtlThread = engine == Engine.PIPELINED
                ? Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "mramcim-rtl-" + seed);
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    /**
     * Records edge {@code edge} (counted from 1) that the model has just run: the host pins ({@code
     * null} for a reset edge, which keeps the last ones, as the cycle engine's input buffer does),
     * the model array's answers, and the model's outputs after it.
     */
    void record(HostPins h, long edge) {
        if (failure != null) {
            return; // the run has failed: nothing after the failing edge is checked
        }
        CheckedBatch b = batches[filling];
        int[] in = image;
        if (h != null) {
            // the same values the cycle engine sets (VerilatedModel.set), word by word; the
            // host-side inputs are at most one word each except cmd_data
            in[validAt] = h.cmdValid ? 1 : 0;
            in[opAt] = HostBus.op(h.cmdOp);
            in[addrAt] = HostBus.addr(h.cmdAddr);
            in[dataAt] = (int) h.cmdData;
            if (dataHigh) {
                in[dataAt + 1] = (int) (h.cmdData >>> 32);
            }
            in[readyAt] = h.rspReady ? 1 : 0;
        }
        AnalogPins a = model.answers();
        words(a.cmp, in, cmpAt, cmpWords);
        in[rdBitAt] = a.rdBit ? 1 : 0;
        int[] row = expectedRow;
        long[] values = model.scalarValues();
        for (int i = 0; i < scalarSlots.length; i++) {
            row[scalarSlots[i]] = (int) values[scalarOrdinals[i]]; // one word each (checked above)
        }
        words(model.words(Signal.IN_VEC), row, inVecSlot, inVecWords);
        b.commit(h == null, in, row);
        if (b.full()) {
            submit(edge);
        }
    }

    /** Little-endian 64-bit words as {@code n} 32-bit words at {@code dst[at..]} (missing words 0). */
    private static void words(long[] src, int[] dst, int at, int n) {
        for (int k = 0; k < n; k++) {
            long w = (k >>> 1) < src.length ? src[k >>> 1] : 0;
            dst[at + k] = (int) (w >>> ((k & 1) << 5));
        }
    }

    /**
     * Hands the batch being recorded (ending at edge {@code edge}) to the RTL: run now, or on the
     * RTL thread while recording goes on.
     */
    private void submit(long edge) {
        CheckedBatch b = batches[filling];
        if (engine == Engine.BATCHED) {
            check(b, rtl.run(b));
            b.clear(edge);
            return;
        }
        awaitInFlight();
        if (failure == null) {
            // the RTL thread only runs the batch; the failure is put together here, on the
            // lockstep's thread, which owns the command log
            inFlightBatch = b;
            inFlight = rtlThread.submit(() -> rtl.run(b));
            filling ^= 1;
        }
        batches[filling].clear(edge);
    }

    private void check(CheckedBatch b, int k) {
        if (k == b.size()) {
            checked = b.firstEdge() + b.size();
            return;
        }
        long at = b.firstEdge() + k + 1;
        Divergence d = null;
        RtlHaltedException halt = null;
        if (rtl.haltCause() != HaltCause.NONE) {
            halt = rtl.halted(at);
        } else {
            d = divergenceAt(b, k, at);
        }
        failure = new Lockstep.Failure(
                at, log.commandsUpTo(at), log.resetsUpTo(at), d, halt, log.lastUpTo(at, Lockstep.HISTORY));
    }

    /** The first signal (in {@link Signal} order) whose RTL output differs from the recorded one. */
    private Divergence divergenceAt(CheckedBatch b, int k, long at) {
        for (Signal s : Signal.values()) {
            Port p = signalPorts[s.ordinal()];
            if (p.input()) {
                continue; // the model's own answers: equal by construction
            }
            long[] want = b.expectedWords(k, p);
            long[] got = rtl.getWords(p);
            if (!Arrays.equals(want, got)) {
                String mv = s.vector() ? Lockstep.hex(want, rows) : Long.toHexString(want[0]);
                String rv = s.vector() ? Lockstep.hex(got, rows) : Long.toHexString(got[0]);
                return new Divergence(at, s, mv, rv, log.lastUpTo(at, Lockstep.HISTORY));
            }
        }
        throw new IllegalStateException("the RTL reported a difference at edge " + at + " that no pin shows");
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        int k;
        try {
            k = inFlight.get();
        } catch (InterruptedException e) {
            // the batch may still run: close() waits for it before the model is destroyed
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the RTL ran a batch", e);
        } catch (ExecutionException e) {
            inFlight = null;
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
        CheckedBatch b = inFlightBatch;
        inFlight = null;
        inFlightBatch = null;
        check(b, k);
    }

    /** Runs every recorded edge up to {@code edge} on the RTL; returns the first failure, or null. */
    Lockstep.Failure sync(long edge) {
        if (failure == null && batches[filling].size() > 0) {
            submit(edge);
        }
        awaitInFlight();
        return failure;
    }

    /** Edges the RTL has run and found equal to the model's. */
    long checked() {
        return checked;
    }

    /** The first failure found so far, or null. */
    Lockstep.Failure failure() {
        return failure;
    }

    /** Waits for a batch the RTL thread still runs (the model must outlive it), then stops the thread. */
    @Override
    public void close() {
        boolean interrupted = false;
        try {
            while (inFlight != null) {
                try {
                    inFlight.get();
                    inFlight = null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    inFlight = null; // the run is being closed; its failure was reported or is moot
                }
            }
        } finally {
            if (rtlThread != null) {
                rtlThread.shutdownNow();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
