package mramcim.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Verilated TDC bank driven through JNA against an expectation computed here from the SPEC
 * alone: the code of a column is the index (1-based, counted from the first frame cycle) of the
 * first cycle its comparator is seen high, a column that never fires within the frame reports the
 * counter's all-ones value and its overflow bit, and results appear one cycle after the frame.
 */
class TdcBankRtlTest {

    private static VerilatedModel bank8;
    private static VerilatedModel bank64;

    @BeforeAll
    static void build() {
        bank8 = VerilatedModel.open(RtlLibraries.forTop("TdcBank", 8, 8, System.out::println));
        bank64 = VerilatedModel.open(RtlLibraries.forTop("TdcBank", 64, 64, System.out::println));
    }

    @AfterAll
    static void close() {
        bank8.close();
        bank64.close();
    }

    /** Expected behaviour of one column in one frame. */
    private record Column(int fireAt, boolean glitchAfter) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261122})
    void seededRandomFramesMatchIndependentExpectation(long seed) {
        for (VerilatedModel m : new VerilatedModel[] {bank8, bank64}) {
            runRandomFrames(m, seed, 40);
        }
    }

    private static void runRandomFrames(VerilatedModel m, long seed, int frames) {
        PortList ports = m.ports();
        Port frame = ports.port("frame");
        Port cmp = ports.port("cmp");
        Port overflow = ports.port("overflow");
        Port done = ports.port("done");
        int cols = cmp.width();
        long codeMax = (1L << ports.port("code_0").width()) - 1;
        SplittableRandom rnd = new SplittableRandom(seed);
        m.set(frame, 0);
        m.setWords(cmp, new long[2]);
        m.reset(2);
        for (int f = 0; f < frames; f++) {
            String ctx = m.build().describe() + " seed " + seed + " frame " + f;
            int frameCycles = 1 + rnd.nextInt(f % 5 == 0 ? 3 : 300);
            Column[] col = new Column[cols];
            for (int j = 0; j < cols; j++) {
                int fireAt = switch (rnd.nextInt(5)) {
                    case 0 -> 1; // fires in the first cycle
                    case 1 -> frameCycles; // fires in the last cycle
                    case 2 -> frameCycles + 1 + rnd.nextInt(5); // never within the frame
                    default -> 1 + rnd.nextInt(frameCycles);
                };
                col[j] = new Column(fireAt, rnd.nextBoolean());
            }
            for (int n = 1; n <= frameCycles; n++) {
                long[] bits = new long[2];
                for (int j = 0; j < cols; j++) {
                    boolean high = n >= col[j].fireAt();
                    if (high && col[j].glitchAfter() && n > col[j].fireAt()) {
                        high = rnd.nextBoolean(); // a comparator bouncing after it fired must
                        // not matter
                    }
                    if (high) {
                        bits[j / 64] |= 1L << (j % 64);
                    }
                }
                m.set(frame, 1);
                m.setWords(cmp, bits);
                m.step();
                assertEquals(0, m.get(done), ctx + ": done must stay low during the frame");
            }
            m.set(frame, 0);
            m.setWords(cmp, new long[2]);
            m.step();
            assertEquals(1, m.get(done), ctx + ": done pulses one cycle after the frame");
            long[] ovf = m.getWords(overflow);
            for (int j = 0; j < cols; j++) {
                boolean expectOverflow = col[j].fireAt() > frameCycles;
                long expectCode = expectOverflow ? codeMax : col[j].fireAt();
                assertEquals(expectCode, m.get(ports.port("code_" + j)), ctx + " column " + j + " code");
                assertEquals(expectOverflow, ((ovf[j / 64] >>> (j % 64)) & 1) == 1, ctx + " column " + j + " overflow");
            }
            long[] held = Arrays.stream(ports.outputs().toArray(Port[]::new))
                    .filter(p -> p.name().startsWith("code_"))
                    .mapToLong(m::get)
                    .toArray();
            int gap = 1 + rnd.nextInt(3);
            for (int g = 0; g < gap; g++) {
                m.step();
                assertEquals(0, m.get(done), ctx + ": done is a single-cycle pulse");
            }
            long[] after = Arrays.stream(ports.outputs().toArray(Port[]::new))
                    .filter(p -> p.name().startsWith("code_"))
                    .mapToLong(m::get)
                    .toArray();
            assertTrue(Arrays.equals(held, after), ctx + ": latched codes hold between frames");
        }
    }

    @Test
    void counterSaturatesAtItsMaximumWhenTheFrameOutlastsIt() {
        VerilatedModel m = bank8;
        PortList ports = m.ports();
        long codeMax = (1L << ports.port("code_0").width()) - 1;
        m.set(ports.port("frame"), 0);
        m.set(ports.port("cmp"), 0);
        m.reset(1);
        // Column 0 fires exactly at the all-ones count, column 1 one cycle later, the rest never.
        for (long n = 1; n <= codeMax + 10; n++) {
            long bits = (n >= codeMax ? 1 : 0) | (n >= codeMax + 1 ? 2 : 0);
            m.set(ports.port("frame"), 1);
            m.set(ports.port("cmp"), bits);
            m.step();
        }
        m.set(ports.port("frame"), 0);
        m.step();
        assertEquals(codeMax, m.get(ports.port("code_0")), "fired at the all-ones count");
        assertEquals(codeMax, m.get(ports.port("code_1")), "counter saturates instead of wrapping");
        assertEquals(codeMax, m.get(ports.port("code_5")), "never fired");
        assertEquals(0b11111110L, m.get(ports.port("overflow")), "only column 0 stopped within the frame");
    }

    @Test
    void resetInTheMiddleOfAFrameClearsCountersAndResults() {
        VerilatedModel m = bank8;
        PortList ports = m.ports();
        m.set(ports.port("frame"), 0);
        m.set(ports.port("cmp"), 0);
        m.reset(1);
        runFrame(m, 10, 3);
        assertEquals(3, m.get(ports.port("code_0")));
        m.set(ports.port("frame"), 1);
        m.set(ports.port("cmp"), 0);
        for (int i = 0; i < 5; i++) {
            m.step();
        }
        m.reset(1);
        assertEquals(0, m.get(ports.port("code_0")), "reset clears the latched results");
        assertEquals(0, m.get(ports.port("overflow")));
        assertEquals(0, m.get(ports.port("done")));
        runFrame(m, 10, 7);
        assertEquals(7, m.get(ports.port("code_0")), "the next frame counts from zero");
    }

    /** One frame of {@code frameCycles} in which every comparator fires at cycle {@code fireAt}. */
    private static void runFrame(VerilatedModel m, int frameCycles, int fireAt) {
        PortList ports = m.ports();
        long all = (1L << ports.port("cmp").width()) - 1;
        for (int n = 1; n <= frameCycles; n++) {
            m.set(ports.port("frame"), 1);
            m.set(ports.port("cmp"), n >= fireAt ? all : 0);
            m.step();
        }
        m.set(ports.port("frame"), 0);
        m.set(ports.port("cmp"), 0);
        m.step();
    }
}
