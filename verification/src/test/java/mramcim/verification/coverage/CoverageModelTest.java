package mramcim.verification.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mramcim.model.config.MacroConfig;
import mramcim.spec.Op;
import mramcim.spec.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CoverageModelTest {

    /**
     * Every dot product lands in exactly one bin, whose printed range holds it; bins are
     * contiguous.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 7, 8, 64, 100, 128})
    void dotProductBinsPartitionTheRange(int rows) {
        CoverageModel m = new CoverageModel(MacroConfig.small(rows, 4), 85, 170);
        Map<String, Integer> sizes = new HashMap<>();
        for (int dp = -rows; dp <= rows; dp++) {
            String bin = m.dpBin(3, dp);
            String range = bin.substring(bin.indexOf('[') + 1, bin.indexOf(']'));
            int lo = Integer.parseInt(range.split(",")[0]);
            int hi = Integer.parseInt(range.split(",")[1]);
            assertTrue(lo <= dp && dp <= hi, dp + " in " + bin);
            sizes.merge(bin, 1, Integer::sum);
        }
        assertEquals(CoverageModel.DP_BINS, sizes.size(), "every bin is reachable");
        Map<String, Long> declared = m.declare().points().get(CoverageModel.DP);
        sizes.keySet().forEach(b -> assertTrue(declared.containsKey(b), b + " declared"));
        // Near-equal bins: no bin more than one value wider than another.
        int min = sizes.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        int max = sizes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(max - min <= 1, "bin sizes " + sizes.values());
    }

    @Test
    void codeBinsSeparateZeroNominalSpanAndSaturation() {
        CoverageModel m = new CoverageModel(MacroConfig.jung2022(), 85, 170);
        assertEquals("0", m.codeBin(0));
        assertEquals("1..84", m.codeBin(84));
        assertTrue(m.codeBin(85).startsWith("85.."));
        assertTrue(m.codeBin(170).endsWith("..170"), m.codeBin(170));
        assertTrue(m.codeBin(171).startsWith("171.."));
        assertEquals("4095 (saturated)", m.codeBin(4095));
        assertEquals(8, m.declare().points().get(CoverageModel.TDC).size());
    }

    /**
     * A WRITE_CELL uses 2 pulses at least (one per MTJ) and 60 at most (2 MTJs x 15 tries x 2
     * pulses in four-pulse mode): every count in between lands in exactly one declared bin, bins
     * are contiguous, and no bin holds a count outside 2..60.
     */
    @Test
    void pulseBinsPartitionTheCountsAWriteCanUse() {
        CoverageModel m = new CoverageModel(MacroConfig.small(8, 8), 11, 40);
        Map<String, Long> declared = m.declare().points().get(CoverageModel.PULSES);
        Map<String, Integer> seen = new HashMap<>();
        for (int p = 2; p <= 2 * 15 * 2; p++) {
            String bin = m.pulseBin(p);
            assertTrue(declared.containsKey(bin), p + " -> " + bin + " declared");
            String[] range = bin.split("\\.\\.");
            int lo = Integer.parseInt(range[0]);
            int hi = Integer.parseInt(range[range.length - 1]);
            assertTrue(lo <= p && p <= hi, p + " in " + bin);
            assertTrue(lo >= 2 && hi <= 60, bin);
            seen.merge(bin, 1, Integer::sum);
        }
        assertEquals(declared.keySet(), seen.keySet(), "every declared bin holds a reachable count");
    }

    @Test
    void tdcColumnBinsSplitEarlyLateAndOverflowPerColumn() {
        CoverageModel m = new CoverageModel(MacroConfig.small(8, 8), 11, 40);
        assertEquals("col 3 early", m.tdcColumnBin(3, 255));
        assertEquals("col 3 late", m.tdcColumnBin(3, 256));
        assertEquals("col 3 late", m.tdcColumnBin(3, 4094));
        assertEquals("col 3 overflow", m.tdcColumnBin(3, 4095));
        assertEquals(3 * 8, m.declare().points().get(CoverageModel.TDC_COLUMN).size());
    }

    @Test
    void onlyPairsSpecFiveAllowsAreDeclared() {
        CoverageModel m = new CoverageModel(MacroConfig.small(8, 8), 85, 170);
        assertNull(m.opStatus(Op.NOP.code(), Status.CELL_FAIL.code()));
        assertNull(m.opStatus(Op.COMPUTE.code(), Status.BAD_CMD.code()));
        assertNull(m.opStatus(12, Status.OK.code()));
        assertEquals("op 8..15 / BAD_CMD", m.opStatus(12, Status.BAD_CMD.code()));
        assertEquals("READ_RESULT / OVERFLOW", m.opStatus(Op.READ_RESULT.code(), Status.OVERFLOW.code()));
        // 1 + 3 + 3 + 2 + 2 + 3 + 2 + 2 pairs of the op table, plus unknown ops.
        assertEquals(19, m.declare().points().get(CoverageModel.OP_STATUS).size());
    }

    @Test
    void mergeAddsCountsAndRefusesUndeclaredBins() {
        Coverage a = new Coverage();
        a.declare("p", List.of("x", "y"));
        a.hit("p", "x");
        Coverage b = a.copy();
        b.hit("p", "y");
        a.merge(b);
        assertEquals(Map.of("x", 2L, "y", 1L), a.points().get("p"));
        assertEquals(2, a.hit());
        Coverage other = new Coverage();
        other.declare("p", List.of("z"));
        other.hit("p", "z");
        assertThrows(IllegalArgumentException.class, () -> a.merge(other));
        assertThrows(IllegalArgumentException.class, () -> a.hit("q", "x"));
    }
}
