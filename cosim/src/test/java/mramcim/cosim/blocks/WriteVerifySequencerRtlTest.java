package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The write-verify sequencer against SPEC section 5, with a toy pair of MTJs in the test: an MTJ
 * follows a pulse toward {@code wr_dir} (1 = toward AP, SPEC section 4) when {@code wr_amp} reaches
 * its threshold, never when stuck, and {@code rd_bit} shows 1 for AP. The expected number of tries
 * and pulses, the amplitude staircase, CELL_FAIL, the pulse and read lengths, READ_CELL's result
 * and reset in the middle of a write are all derived here from the SPEC's rules.
 */
class WriteVerifySequencerRtlTest {

    private static final int ROWS = 8;
    private static final int COLS = 8;
    private static final int MAX_AMP = 15;
    private static BlockBench b;

    @BeforeAll
    static void open() {
        b = BlockBench.open("WriteVerifySequencer", ROWS, COLS);
    }

    @AfterAll
    static void close() {
        b.close();
    }

    /** One MTJ of the toy cell: AP or P, the amplitude it needs, or stuck. */
    private static final class ToyMtj {
        boolean ap;
        final int threshold;
        final boolean stuck;

        ToyMtj(boolean ap, int threshold, boolean stuck) {
            this.ap = ap;
            this.threshold = threshold;
            this.stuck = stuck;
        }

        void pulse(boolean towardAp, int amp) {
            if (!stuck && amp >= threshold) {
                ap = towardAp;
            }
        }
    }

    /** The registers of one run. */
    private record Regs(int wrPulse, int rdCycles, int ampStart, int maxTries, boolean fourPulse) {}

    /** What one WRITE_CELL did, as seen on the pins. */
    private record Observed(
            boolean fail,
            int data,
            List<Integer> pulseAmps,
            List<Integer> pulseLengths,
            List<Integer> readLengths,
            int cycles) {}

    /**
     * Tries the SPEC's write-verify needs for one MTJ, closed form: a try at amplitude a succeeds
     * iff the device follows a pulse at a (two-pulse: or already holds the target; four-pulse: it
     * must follow both pulses); tries stop at WR_MAX_TRIES or after amplitude 15.
     */
    private static int[] expectedTries(ToyMtj m, boolean targetAp, Regs r) {
        boolean follows;
        for (int t = 1; ; t++) {
            int amp = r.ampStart() + t - 1;
            follows = !m.stuck && amp >= m.threshold;
            boolean ok = r.fourPulse() ? follows : (follows || m.ap == targetAp);
            if (ok) {
                return new int[] {t, 0};
            }
            if (t == r.maxTries() || amp == MAX_AMP) {
                return new int[] {t, 1};
            }
        }
    }

    private static void setRegs(Regs r) {
        b.set("io_wrPulse", r.wrPulse())
                .set("io_rdCycles", r.rdCycles())
                .set("io_wrAmpStart", r.ampStart())
                .set("io_wrMaxTries", r.maxTries())
                .set("io_fourPulse", r.fourPulse() ? 1 : 0);
    }

    /** Runs a WRITE_CELL against the toy cell until done, watching every pin every cycle. */
    private static Observed write(ToyMtj a, ToyMtj bm, boolean weightPlus, Regs r, int row, int col) {
        setRegs(r);
        b.set("io_startRead", 0)
                .set("io_row", row)
                .set("io_col", col)
                .set("io_weightBit", weightPlus ? 1 : 0)
                .set("io_startWrite", 1)
                .set("io_rdBit", 0)
                .step()
                .set("io_startWrite", 0);
        List<Integer> amps = new ArrayList<>();
        List<Integer> pulseLen = new ArrayList<>();
        List<Integer> readLen = new ArrayList<>();
        boolean prevWr = false;
        boolean prevRd = false;
        for (int cycle = 1; cycle < 100_000; cycle++) {
            b.eval();
            boolean wr = b.bit("io_wrEn");
            boolean rd = b.bit("io_rdEn");
            assertFalse(wr && rd, "never a pulse and a read at once");
            if (b.bit("io_done")) {
                assertFalse(b.bit("io_accEn"), "access released with done");
                return new Observed(
                        b.bit("io_resultFail"), (int) b.get("io_resultData"), amps, pulseLen, readLen, cycle);
            }
            assertTrue(b.bit("io_accEn"), "cell selected while writing");
            assertEquals(row, b.get("io_accRow"));
            assertEquals(col, b.get("io_accCol"));
            ToyMtj sel = b.bit("io_accBranch") ? bm : a;
            if (wr) {
                if (!prevWr) {
                    amps.add((int) b.get("io_wrAmp"));
                    pulseLen.add(0);
                }
                pulseLen.set(pulseLen.size() - 1, pulseLen.get(pulseLen.size() - 1) + 1);
                sel.pulse(b.bit("io_wrDir"), (int) b.get("io_wrAmp"));
            }
            if (rd) {
                if (!prevRd) {
                    readLen.add(0);
                }
                readLen.set(readLen.size() - 1, readLen.get(readLen.size() - 1) + 1);
            }
            b.set("io_rdBit", sel.ap ? 1 : 0);
            prevWr = wr;
            prevRd = rd;
            b.step();
        }
        throw new AssertionError("WRITE_CELL never finished");
    }

    private static void checkWrite(String ctx, ToyMtj a, ToyMtj bm, boolean weightPlus, Regs r) {
        // Weight +1: A in P, B in AP (SPEC section 2); -1 the other way round.
        int[] ta = expectedTries(a, !weightPlus, r);
        int[] tb = expectedTries(bm, weightPlus, r);
        int perTry = r.fourPulse() ? 2 : 1;
        Observed o = write(a, bm, weightPlus, r, 5, 3);
        int pulses = perTry * (ta[0] + tb[0]);
        assertEquals(pulses, o.data(), ctx + ": pulses used");
        assertEquals(pulses, o.pulseAmps().size(), ctx + ": pulses seen on wr_en");
        assertEquals(ta[1] + tb[1] > 0, o.fail(), ctx + ": CELL_FAIL");
        for (int len : o.pulseLengths()) {
            assertEquals(r.wrPulse(), len, ctx + ": every pulse lasts WR_PULSE cycles");
        }
        assertEquals(pulses, o.readLengths().size(), ctx + ": one verify read per pulse");
        for (int len : o.readLengths()) {
            assertEquals(r.rdCycles(), len, ctx + ": every read lasts RD_CYCLES cycles");
        }
        // The amplitude staircase: each MTJ starts at WR_AMP_START and steps once per try.
        List<Integer> expectAmps = new ArrayList<>();
        for (int[] t : new int[][] {ta, tb}) {
            for (int k = 0; k < t[0]; k++) {
                for (int p = 0; p < perTry; p++) {
                    expectAmps.add(r.ampStart() + k);
                }
            }
        }
        assertEquals(expectAmps, o.pulseAmps(), ctx + ": amplitude per pulse");
        assertEquals(pulses * (r.wrPulse() + r.rdCycles()) + 1, o.cycles(), ctx + ": cycles from start to done");
        if (ta[1] == 0 && !a.stuck) {
            assertEquals(!weightPlus, a.ap, ctx + ": MTJ A written");
        }
        if (tb[1] == 0 && !bm.stuck) {
            assertEquals(weightPlus, bm.ap, ctx + ": MTJ B written");
        }
    }

    @ParameterizedTest(name = "four-pulse {0}")
    @ValueSource(booleans = {false, true})
    void devicesNeedingSeveralAmplitudeStepsAreWrittenWithTheSpecsStaircase(boolean four) {
        b.reset();
        SplittableRandom rnd = new SplittableRandom(four ? 4 : 2);
        for (int n = 0; n < 60; n++) {
            Regs r = new Regs(1 + rnd.nextInt(25), 1 + rnd.nextInt(6), rnd.nextInt(10), 1 + rnd.nextInt(15), four);
            ToyMtj a = new ToyMtj(rnd.nextBoolean(), rnd.nextInt(16), false);
            ToyMtj bm = new ToyMtj(rnd.nextBoolean(), rnd.nextInt(16), false);
            checkWrite(
                    "run " + n + " " + r + " thresholds " + a.threshold + "/" + bm.threshold,
                    a,
                    bm,
                    rnd.nextBoolean(),
                    r);
        }
    }

    @ParameterizedTest(name = "four-pulse {0}")
    @ValueSource(booleans = {false, true})
    void stuckDevicesEndInCellFailAfterTheLastTry(boolean four) {
        b.reset();
        Regs tenTries = new Regs(20, 4, 6, 10, four);
        Regs toAmp15 = new Regs(3, 2, 10, 15, four);
        for (Regs r : new Regs[] {tenTries, toAmp15}) {
            for (boolean stuckAp : new boolean[] {false, true}) {
                for (boolean plus : new boolean[] {false, true}) {
                    ToyMtj a = new ToyMtj(stuckAp, 0, true);
                    ToyMtj bm = new ToyMtj(false, 0, false);
                    checkWrite(
                            "stuck A in " + (stuckAp ? "AP" : "P") + ", weight " + (plus ? "+1 " : "-1 ") + r,
                            a,
                            bm,
                            plus,
                            r);
                }
            }
        }
        // A device that needs more than amplitude 15 fails with the staircase cut at 15.
        checkWrite("threshold beyond 15", new ToyMtj(true, 16, false), new ToyMtj(true, 0, false), true, toAmp15);
    }

    @Test
    void readCellReadsAThenBWithAGapAndFlagsEqualBits() {
        b.reset();
        setRegs(new Regs(20, 3, 6, 10, false));
        for (int bits = 0; bits < 4; bits++) {
            boolean aAp = (bits & 1) == 1;
            boolean bAp = (bits & 2) == 2;
            b.set("io_row", 7).set("io_col", 0).set("io_startRead", 1).step().set("io_startRead", 0);
            List<String> trace = new ArrayList<>();
            int cycles = 0;
            while (!b.eval().bit("io_done")) {
                assertFalse(b.bit("io_wrEn"), "no pulse during a read");
                boolean branchB = b.bit("io_accBranch");
                trace.add((b.bit("io_rdEn") ? "R" : "-") + (branchB ? "B" : "A"));
                b.set("io_rdBit", (branchB ? bAp : aAp) ? 1 : 0).step();
                assertTrue(++cycles < 100, "READ_CELL never finished");
            }
            assertEquals(List.of("RA", "RA", "RA", "-B", "RB", "RB", "RB"), trace, "read A, one idle cycle, read B");
            assertEquals(bits, b.get("io_resultData"), "bit0 = A, bit1 = B");
            assertEquals(aAp == bAp, b.bit("io_resultFail"), "CELL_FAIL iff A == B");
        }
    }

    @Test
    void resetInTheMiddleOfAWriteDropsItAndTheNextWriteIsClean() {
        b.reset();
        Regs r = new Regs(5, 2, 3, 15, true);
        setRegs(r);
        b.set("io_row", 1)
                .set("io_col", 1)
                .set("io_weightBit", 1)
                .set("io_startWrite", 1)
                .step()
                .set("io_startWrite", 0);
        b.step(23).eval();
        assertTrue(b.bit("io_accEn"), "writing before the reset");
        b.reset().eval();
        for (String pin : new String[] {
            "io_accEn",
            "io_wrEn",
            "io_rdEn",
            "io_wrAmp",
            "io_accBranch",
            "io_done",
            "io_resultFail",
            "io_resultData",
            "io_accRow",
            "io_accCol",
            "io_wrDir"
        }) {
            assertEquals(0, b.get(pin), pin + " after reset");
        }
        b.step(10).eval();
        assertFalse(b.bit("io_done"), "the interrupted write never reports");
        checkWrite("after reset", new ToyMtj(true, 5, false), new ToyMtj(false, 9, false), true, r);
    }
}
