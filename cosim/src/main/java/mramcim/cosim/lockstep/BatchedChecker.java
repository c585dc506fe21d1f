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
    private final Port cmdValid;
    private final Port cmdOp;
    private final Port cmdAddr;
    private final Port cmdData;
    private final Port rspReady;
    private final Port inVec;
    private final Port cmp;
    private final Port rdBit;

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
        cmdValid = p.port("cmd_valid");
        cmdOp = p.port("cmd_op");
        cmdAddr = p.port("cmd_addr");
        cmdData = p.port("cmd_data");
        rspReady = p.port("rsp_ready");
        inVec = signalPorts[Signal.IN_VEC.ordinal()];
        cmp = signalPorts[Signal.CMP.ordinal()];
        rdBit = signalPorts[Signal.RD_BIT.ordinal()];
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
            // the same values the cycle engine sets (VerilatedModel.set), word by word
            put(in, cmdValid, h.cmdValid ? 1 : 0);
            put(in, cmdOp, HostBus.op(h.cmdOp));
            put(in, cmdAddr, HostBus.addr(h.cmdAddr));
            put(in, cmdData, h.cmdData);
            put(in, rspReady, h.rspReady ? 1 : 0);
        }
        AnalogPins a = model.answers();
        putWords(in, cmp, a.cmp);
        put(in, rdBit, a.rdBit ? 1 : 0);
        int[] row = expectedRow;
        long[] values = model.scalarValues();
        for (int i = 0; i < scalarSlots.length; i++) {
            row[scalarSlots[i]] = (int) values[scalarOrdinals[i]]; // one word each (checked above)
        }
        long[] v = model.words(Signal.IN_VEC);
        for (int w = 0; w < inVec.words(); w++) {
            row[inVecSlot + w] = (int) (v[w >>> 1] >>> ((w & 1) << 5));
        }
        b.commit(h == null, in, row);
        if (b.full()) {
            submit(edge);
        }
    }

    private static void put(int[] in, Port p, long value) {
        in[p.offset()] = (int) value;
        if (p.words() > 1) {
            in[p.offset() + 1] = (int) (value >>> 32);
        }
    }

    private static void putWords(int[] in, Port p, long[] words) {
        for (int k = 0; k < p.words(); k++) {
            long w = k / 2 < words.length ? words[k / 2] : 0;
            in[p.offset() + k] = (int) (k % 2 == 0 ? w : w >>> 32);
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
