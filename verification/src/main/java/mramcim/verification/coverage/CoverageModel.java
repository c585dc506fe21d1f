package mramcim.verification.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.Controller;
import mramcim.model.periphery.TdcBank;
import mramcim.model.periphery.WriteVerifySequencer;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.Status;
import mramcim.spec.WriteVerify;

/**
 * The regression's coverpoints and bins for one configuration (issue 7), and the mapping of
 * observed values to bins. Which op x status pairs exist follows SPEC section 5's op table; pairs
 * it rules out (a NOP failing, a COMPUTE with a bad argument: it has none) are not declared.
 */
public final class CoverageModel {

    public static final String OP_STATUS = "op x status";
    public static final String DP = "dot product x column";
    public static final String TDC = "TDC code";
    public static final String OVERFLOW = "overflow";
    public static final String AMPLITUDE = "write-verify amplitude used";

    /** The bin of {@link #AMPLITUDE} for {@code wr_amp} = {@code amp}. */
    public static String amplitudeBin(int amp) {
        return "amp " + amp;
    }

    public static final String BACK_PRESSURE = "back-pressure on the response of";
    public static final String RESET = "reset in controller state";
    public static final String RESET_SEQUENCER = "reset in sequencer state";
    public static final String TDC_COLUMN = "TDC code x column";
    public static final String PULSES = "write-verify pulses used";
    public static final String CORNER = "op x register corner";

    /** Codes at or above this count as late: the counter's ninth bit has toggled. */
    public static final int LATE_CODE = 256;

    /** Cycle registers at or above this count as long: a 6-bit counter would have wrapped. */
    public static final int LONG_CYCLES = 64;

    /**
     * The most pulses one WRITE_CELL can use: both MTJs, every try, two pulses a try in four-pulse
     * mode.
     */
    static final int MAX_PULSES = 2 * Register.WR_MAX_TRIES.max() * 2;

    /** The fewest: one pulse for each MTJ (two-pulse mode, both switched at the first try). */
    static final int MIN_PULSES = 2;

    /**
     * Upper edges of the pulse-count bins: the fewest, powers of two, then the most a write can
     * use.
     */
    static final int[] PULSE_EDGES = {MIN_PULSES, 4, 8, 16, 32, MAX_PULSES};

    /** Dot-product bins per column: eighths of -ROWS..+ROWS. */
    public static final int DP_BINS = 8;

    /** The name of ops 8..15. */
    public static final String UNKNOWN_OP = "op 8..15";

    /** SPEC 5: the statuses each op can answer. */
    static final Map<Op, Set<Status>> REACHABLE = Map.of(
            Op.NOP, Set.of(Status.OK),
            Op.WRITE_CELL, Set.of(Status.OK, Status.CELL_FAIL, Status.BAD_CMD),
            Op.READ_CELL, Set.of(Status.OK, Status.CELL_FAIL, Status.BAD_CMD),
            Op.LOAD_INPUT, Set.of(Status.OK, Status.BAD_CMD),
            Op.COMPUTE, Set.of(Status.OK, Status.OVERFLOW),
            Op.READ_RESULT, Set.of(Status.OK, Status.OVERFLOW, Status.BAD_CMD),
            Op.WRITE_REG, Set.of(Status.OK, Status.BAD_CMD),
            Op.READ_REG, Set.of(Status.OK, Status.BAD_CMD));

    private final int rows;
    private final int cols;

    /** Lower edges of the TDC code bins; the last bin is the saturated code alone. */
    private final int[] codeEdges;

    /**
     * @param c0 the code of DP = +ROWS on this die (global calibration)
     * @param cMis the code of DP = -ROWS
     */
    public CoverageModel(MacroConfig config, int c0, int cMis) {
        this.rows = config.rows();
        this.cols = config.cols();
        int span = Math.max(4, cMis - c0);
        int lo = Math.max(1, c0);
        // 0 (no conversion since reset), below the nominal span, its four quarters, above it,
        // saturated.
        this.codeEdges =
                new int[] {0, 1, lo, lo + span / 4, lo + span / 2, lo + 3 * span / 4, lo + span + 1, TdcBank.CODE_MAX};
    }

    /** A coverage with every bin declared, nothing hit. */
    public Coverage declare() {
        Coverage c = new Coverage();
        List<String> pairs = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        for (Op op : Op.values()) {
            for (Status s : Status.values()) {
                if (REACHABLE.get(op).contains(s)) {
                    pairs.add(op.name() + " / " + s.name());
                }
            }
            ops.add(op.name());
        }
        pairs.add(UNKNOWN_OP + " / " + Status.BAD_CMD.name());
        ops.add(UNKNOWN_OP);
        c.declare(OP_STATUS, pairs);
        List<String> dp = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            for (int b = 0; b < DP_BINS; b++) {
                dp.add(dpBinName(j, b));
            }
        }
        c.declare(DP, dp);
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < codeEdges.length; k++) {
            codes.add(codeBinName(k));
        }
        c.declare(TDC, codes);
        c.declare(OVERFLOW, List.of("COMPUTE with saturated columns", "READ_RESULT of a saturated column"));
        List<String> amps = new ArrayList<>();
        for (int a = 0; a <= WriteVerify.MAX_AMP; a++) {
            amps.add(amplitudeBin(a));
        }
        c.declare(AMPLITUDE, amps);
        c.declare(BACK_PRESSURE, ops);
        c.declare(
                RESET, Arrays.stream(Controller.State.values()).map(Enum::name).toList());
        c.declare(
                RESET_SEQUENCER,
                Arrays.stream(WriteVerifySequencer.State.values())
                        .map(Enum::name)
                        .toList());
        List<String> tdc = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            tdc.add(tdcColumnBin(j, 0));
            tdc.add(tdcColumnBin(j, LATE_CODE));
            tdc.add(tdcColumnBin(j, TdcBank.CODE_MAX));
        }
        c.declare(TDC_COLUMN, tdc);
        List<String> pulses = new ArrayList<>();
        for (int k = 0; k < PULSE_EDGES.length; k++) {
            pulses.add(pulseBinName(k));
        }
        c.declare(PULSES, pulses);
        c.declare(CORNER, CORNERS);
        return c;
    }

    /** The register corners crossed with the ops that use them. */
    static final List<String> CORNERS = List.of(
            "COMPUTE at FRAME_CYCLES 1..3",
            "COMPUTE at FRAME_CYCLES 4..255",
            "COMPUTE at FRAME_CYCLES 256..4094",
            "COMPUTE at FRAME_CYCLES 4095",
            "WRITE_CELL two-pulse / OK",
            "WRITE_CELL two-pulse / CELL_FAIL",
            "WRITE_CELL four-pulse / OK",
            "WRITE_CELL four-pulse / CELL_FAIL",
            "WRITE_CELL at WR_PULSE >= 64",
            "READ_CELL at RD_CYCLES >= 64",
            "WRITE_CELL at WR_MAX_TRIES 1",
            "WRITE_CELL at WR_MAX_TRIES 15",
            "WRITE_CELL at WR_AMP_START 15");

    /**
     * The bin of a READ_RESULT's raw code on column {@code j}: fired early, fired late, overflowed.
     */
    public String tdcColumnBin(int j, int code) {
        String kind = code >= TdcBank.CODE_MAX ? "overflow" : code >= LATE_CODE ? "late" : "early";
        return "col " + j + " " + kind;
    }

    /** The bin of a WRITE_CELL response's pulse count. */
    public String pulseBin(int pulses) {
        for (int k = 0; k < PULSE_EDGES.length; k++) {
            if (pulses <= PULSE_EDGES[k]) {
                return pulseBinName(k);
            }
        }
        return pulseBinName(PULSE_EDGES.length - 1);
    }

    private static String pulseBinName(int k) {
        int lo = k == 0 ? MIN_PULSES : PULSE_EDGES[k - 1] + 1;
        return lo == PULSE_EDGES[k] ? Integer.toString(lo) : lo + ".." + PULSE_EDGES[k];
    }

    /**
     * The op x status bin of a response; null for a pair SPEC 5 rules out (the lockstep's
     * business).
     */
    public String opStatus(int opCode, int status) {
        Op op = Op.of(opCode);
        Status s = Status.of(status);
        if (op == null) {
            return s == Status.BAD_CMD ? UNKNOWN_OP + " / " + s.name() : null;
        }
        return REACHABLE.get(op).contains(s) ? op.name() + " / " + s.name() : null;
    }

    /** The op's name as the back-pressure bins use it. */
    public static String opName(int opCode) {
        Op op = Op.of(opCode);
        return op == null ? UNKNOWN_OP : op.name();
    }

    /** Bin of dot product {@code dp} (-ROWS..ROWS) of column {@code j}. */
    public String dpBin(int j, int dp) {
        int b = Math.floorDiv((dp + rows) * DP_BINS, 2 * rows + 1);
        return dpBinName(j, Math.max(0, Math.min(DP_BINS - 1, b)));
    }

    private String dpBinName(int j, int b) {
        int lo = ceilDiv(b * (2 * rows + 1), DP_BINS) - rows;
        int hi = ceilDiv((b + 1) * (2 * rows + 1), DP_BINS) - 1 - rows;
        return "col " + j + " [" + lo + "," + hi + "]";
    }

    /** Bin of a raw TDC code. */
    public String codeBin(int code) {
        int k = codeEdges.length - 1;
        while (k > 0 && code < codeEdges[k]) {
            k--;
        }
        return codeBinName(k);
    }

    private String codeBinName(int k) {
        if (k == codeEdges.length - 1) {
            return codeEdges[k] + " (saturated)";
        }
        int hi = codeEdges[k + 1] - 1;
        return codeEdges[k] == hi ? Integer.toString(hi) : codeEdges[k] + ".." + hi;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
