package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.SplittableRandom;
import mramcim.spec.Register;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The register file against the register table of SPEC section 5 with the ranges and reset values
 * the Java model documents ({@link mramcim.spec.Register}): reset values, every edge of every legal
 * range, the read-only ID, signed offsets, unknown indices, and reset after writes.
 */
class RegisterFileRtlTest {

    /** One row of the register table: index, output port, reset value, legal range. */
    private record Reg(String name, int index, String port, long reset, long min, long max) {}

    private static final List<Reg> TABLE = List.of(
            new Reg("C0", 0x00, "io_c0", Register.C0.resetValue(), 0, 0xFFFF),
            new Reg("GAIN", 0x01, "io_gain", Register.GAIN.resetValue(), 0, 0xFFFF),
            new Reg(
                    "FRAME_CYCLES",
                    0x02,
                    "io_frameCycles",
                    Register.FRAME_CYCLES.resetValue(),
                    1,
                    Register.FRAME_CYCLES.max()),
            new Reg("WR_PULSE", 0x03, "io_wrPulse", Register.WR_PULSE.resetValue(), 1, 255),
            new Reg("RD_CYCLES", 0x04, "io_rdCycles", Register.RD_CYCLES.resetValue(), 1, 255),
            new Reg("WR_AMP_START", 0x05, "io_wrAmpStart", Register.WR_AMP_START.resetValue(), 0, 15),
            new Reg("WR_MAX_TRIES", 0x06, "io_wrMaxTries", Register.WR_MAX_TRIES.resetValue(), 1, 15),
            new Reg("WR_MODE", 0x07, "io_wrMode", Register.WR_MODE.resetValue(), 0, 1));

    private static void read(BlockBench b, int index) {
        b.set("io_index", index).set("io_wrEn", 0).set("io_wrData", 0).eval();
    }

    private static void assertResetState(BlockBench b, int rows, int cols, String when) {
        for (Reg r : TABLE) {
            read(b, r.index());
            assertEquals(1, b.get("io_rdLegal"), r.name() + " readable " + when);
            assertEquals(r.reset(), b.get("io_rdData"), r.name() + " reset value " + when);
            assertEquals(r.reset(), b.get(r.port()), r.name() + " output " + when);
        }
        read(b, 0x08);
        assertEquals((1L << 16) | ((rows & 0xFF) << 8) | (cols & 0xFF), b.get("io_rdData"), "ID " + when);
        for (int j = 0; j < cols; j++) {
            read(b, 0x100 + j);
            assertEquals(0, b.get("io_rdData"), "OFFSET[" + j + "] " + when);
        }
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"8, 8", "128, 128", "100, 7"})
    void everyRangeEdgeIsCheckedAndLegalValuesReadBack(int rows, int cols) {
        BlockBench b = BlockBench.open("RegisterFile", rows, cols);
        try {
            b.set("io_wrEn", 0).reset();
            assertResetState(b, rows, cols, "after reset");
            for (Reg r : TABLE) {
                long[] probes = {
                    r.min() - 1,
                    r.min(),
                    r.min() + 1,
                    r.max() - 1,
                    r.max(),
                    r.max() + 1,
                    -1L,
                    Long.MIN_VALUE,
                    1L << 40,
                    r.max() | (1L << 63)
                };
                for (long v : probes) {
                    boolean legal = v >= r.min() && v <= r.max();
                    b.set("io_index", r.index())
                            .set("io_wrData", v)
                            .set("io_wrEn", 0)
                            .eval();
                    assertEquals(legal, b.bit("io_wrLegal"), r.name() + " = " + v + " legal?");
                    if (legal) {
                        b.set("io_wrEn", 1).step().set("io_wrEn", 0);
                        read(b, r.index());
                        assertEquals(v, b.get("io_rdData"), r.name() + " reads back " + v);
                        assertEquals(v, b.get(r.port()), r.name() + " drives " + v);
                    }
                }
            }
            // ID is read-only; indices between ID and the offsets, and beyond the last offset, are
            // unknown.
            for (long v : new long[] {0, 1, 0x010808}) {
                b.set("io_index", 0x08).set("io_wrData", v).eval();
                assertFalse(b.bit("io_wrLegal"), "ID is read-only");
            }
            for (int index : new int[] {0x09, 0x0A, 0x80, 0xFF, 0x100 + cols, 0x100 + cols + 1, 0x200, 0xFFFF}) {
                b.set("io_index", index).set("io_wrData", 0).eval();
                assertFalse(b.bit("io_wrLegal"), "register 0x" + Integer.toHexString(index) + " is not writable");
                assertFalse(b.bit("io_rdLegal"), "register 0x" + Integer.toHexString(index) + " is not readable");
            }
            SplittableRandom rnd = new SplittableRandom(cols);
            long[] offsets = new long[cols];
            for (int j = 0; j < cols; j++) {
                long v = rnd.nextInt(-128, 128);
                for (long bad : new long[] {128, -129, 255, 1L << 32}) {
                    b.set("io_index", 0x100 + j).set("io_wrData", bad).eval();
                    assertFalse(b.bit("io_wrLegal"), "OFFSET[" + j + "] = " + bad + " is out of -128..127");
                }
                b.set("io_index", 0x100 + j).set("io_wrData", v).eval();
                assertEquals(1, b.get("io_wrLegal"), "OFFSET[" + j + "] = " + v);
                b.set("io_wrEn", 1).step().set("io_wrEn", 0);
                offsets[j] = v;
            }
            for (int j = 0; j < cols; j++) {
                read(b, 0x100 + j);
                assertEquals(offsets[j] & 0xFFFFFFFFL, b.get("io_rdData"), "OFFSET[" + j + "] reads sign-extended");
                assertEquals(offsets[j] & 0xFF, b.get("io_offset_" + j), "OFFSET[" + j + "] output");
            }
            b.reset();
            assertResetState(b, rows, cols, "after a reset that follows writes");
        } finally {
            b.close();
        }
    }
}
