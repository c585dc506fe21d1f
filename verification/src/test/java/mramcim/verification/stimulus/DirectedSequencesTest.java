package mramcim.verification.stimulus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.Macro;
import mramcim.model.macro.Response;
import mramcim.spec.Offsets;
import mramcim.spec.Op;
import mramcim.spec.Register;
import mramcim.spec.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every op has a directed sequence, and run on the Java macro each reaches the statuses SPEC 5
 * gives that op (legal and illegal fields, an overflowing conversion, a failing write), and leaves
 * the registers as the random traffic expects them.
 */
class DirectedSequencesTest {

    @ParameterizedTest
    @ValueSource(strings = {"small:8x8", "small:100x7", "jung2022"})
    void eachOpsSequenceReachesItsStatusesAndRestoresTheRegisters(String preset) {
        MacroConfig config = MacroConfig.preset(preset);
        int[] global = RandomHost.globalCalibration(config, 5);
        Map<Op, List<long[]>> all = DirectedSequences.all(config, global[0], global[1], new SplittableRandom(5));
        assertEquals(EnumSet.allOf(Op.class), all.keySet());
        Map<Op, Set<Status>> expected = Map.of(
                Op.NOP, Set.of(Status.OK),
                Op.WRITE_CELL, Set.of(Status.OK, Status.CELL_FAIL, Status.BAD_CMD),
                Op.READ_CELL, Set.of(Status.OK, Status.BAD_CMD),
                Op.LOAD_INPUT, Set.of(Status.OK, Status.BAD_CMD),
                Op.COMPUTE, Set.of(Status.OK, Status.OVERFLOW),
                Op.READ_RESULT, Set.of(Status.OK, Status.BAD_CMD),
                Op.WRITE_REG, Set.of(Status.OK, Status.BAD_CMD),
                Op.READ_REG, Set.of(Status.OK, Status.BAD_CMD));
        Macro macro = Macro.create(config, 5);
        // As RandomHost starts: the registers the random traffic expects.
        DirectedSequences.restore(config, global[0], global[1])
                .forEach(c -> macro.execute((int) c[0], (int) c[1], c[2]));
        for (Map.Entry<Op, List<long[]>> e : all.entrySet()) {
            Set<Status> seen = EnumSet.noneOf(Status.class);
            boolean unknownRefused = true;
            for (long[] c : e.getValue()) {
                Response r = macro.execute((int) c[0], (int) c[1], c[2]);
                if (c[0] == e.getKey().code()) {
                    seen.add(r.status());
                } else if (Op.of((int) c[0]) == null) {
                    unknownRefused &= r.status() == Status.BAD_CMD;
                }
            }
            assertTrue(seen.containsAll(expected.get(e.getKey())), e.getKey() + " reached " + seen);
            assertTrue(unknownRefused, "ops 8..15 answer BAD_CMD");
            assertEquals(
                    global[0],
                    macro.execute(Op.READ_REG.code(), Register.C0.index(), 0).data(),
                    "C0 after " + e.getKey());
            assertEquals(
                    global[1],
                    macro.execute(Op.READ_REG.code(), Register.GAIN.index(), 0).data(),
                    "GAIN after " + e.getKey());
            assertEquals(
                    config.timing().frameCycles(),
                    macro.execute(Op.READ_REG.code(), Register.FRAME_CYCLES.index(), 0)
                            .data(),
                    "FRAME_CYCLES after " + e.getKey());
        }
    }

    /**
     * The walked bits of the data that SPEC 5 requires to be zero (or, for a signed offset, a copy
     * of the sign): every one a BAD_CMD that changes nothing, on a 64-row macro too (where
     * LOAD_INPUT has no bit beyond ROWS and walks nothing).
     */
    @ParameterizedTest
    @ValueSource(strings = {"small:8x8", "small:100x7", "jung2022"})
    void everyWalkedBitIsRefused(String preset) {
        MacroConfig config = MacroConfig.preset(preset);
        Macro macro = Macro.create(config, 5);
        int before = macro.execute(Op.READ_REG.code(), Offsets.BASE, 0).data();
        List<long[]> walked = new java.util.ArrayList<>();
        walked.addAll(DirectedSequences.walk(Op.WRITE_CELL, 0, 1, 1, false));
        walked.addAll(DirectedSequences.walk(Op.WRITE_REG, Register.C0.index(), 0, 16, false));
        walked.addAll(DirectedSequences.walk(Op.WRITE_REG, Offsets.BASE, 0, 7, false));
        walked.addAll(DirectedSequences.walk(Op.WRITE_REG, Offsets.BASE, -1L, 7, true));
        int rows = config.rows();
        if (rows % 64 != 0) {
            walked.addAll(DirectedSequences.walk(Op.LOAD_INPUT, rows / 64, 0, rows % 64, false));
        }
        for (long[] c : walked) {
            Response r = macro.execute((int) c[0], (int) c[1], c[2]);
            assertEquals(Status.BAD_CMD, r.status(), Op.of((int) c[0]) + " data 0x" + Long.toHexString(c[2]));
        }
        assertEquals(before, macro.execute(Op.READ_REG.code(), Offsets.BASE, 0).data(), "nothing changed");
        List<List<long[]>> groups = DirectedSequences.walks(config, new SplittableRandom(5));
        for (List<long[]> g : groups) {
            for (long[] c : g) {
                Response r = macro.execute((int) c[0], (int) c[1], c[2]);
                assertEquals(
                        Status.BAD_CMD,
                        r.status(),
                        Op.of((int) c[0]) + " " + c[1] + " data 0x" + Long.toHexString(c[2]));
            }
        }
        assertTrue(
                groups.get(0).stream().anyMatch(c -> c[0] == Op.WRITE_CELL.code() && c[2] == (1L << 63 | 1)),
                "the WRITE_CELL walk goes up to bit 63");
        assertEquals(before, macro.execute(Op.READ_REG.code(), Offsets.BASE, 0).data(), "nothing changed");
    }

    /**
     * The register walk sets every bit of every writable register alone (widths from SPEC 5: C0 and
     * GAIN 16 bits, FRAME_CYCLES 12, WR_PULSE and RD_CYCLES 8, WR_AMP_START and WR_MAX_TRIES 4,
     * WR_MODE 1, each offset 8 signed) and reads it straight back, every write accepted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"small:8x8", "jung2022"})
    void theRegisterWalkSetsEveryBitOfEveryRegisterAloneAndReadsItBack(String preset) {
        MacroConfig config = MacroConfig.preset(preset);
        Map<Integer, Integer> width = new java.util.HashMap<>(Map.of(
                Register.C0.index(),
                16,
                Register.GAIN.index(),
                16,
                Register.FRAME_CYCLES.index(),
                12,
                Register.WR_PULSE.index(),
                8,
                Register.RD_CYCLES.index(),
                8,
                Register.WR_AMP_START.index(),
                4,
                Register.WR_MAX_TRIES.index(),
                4,
                Register.WR_MODE.index(),
                1));
        for (int c = 0; c < config.cols(); c++) {
            width.put(Offsets.BASE + c, 8);
        }
        List<long[]> seq = DirectedSequences.registerWalk(config, 100, 300);
        Macro macro = Macro.create(config, 5);
        Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < seq.size(); k++) {
            long[] c = seq.get(k);
            Response r = macro.execute((int) c[0], (int) c[1], c[2]);
            assertEquals(Status.OK, r.status(), Op.of((int) c[0]) + " " + c[1] + " data " + c[2]);
            if (c[0] == Op.WRITE_REG.code()
                    && k + 1 < seq.size()
                    && seq.get(k + 1)[0] == Op.READ_REG.code()
                    && seq.get(k + 1)[1] == c[1]) {
                long bits = c[2] & 0xFF_FFL;
                if (Long.bitCount(bits & ((1L << width.get((int) c[1])) - 1)) == 1) {
                    seen.add(c[1] + ":" + Long.numberOfTrailingZeros(bits));
                }
            }
        }
        for (Map.Entry<Integer, Integer> e : width.entrySet()) {
            for (int b = 0; b < e.getValue(); b++) {
                assertTrue(
                        seen.contains(e.getKey() + ":" + b),
                        "register " + e.getKey() + " bit " + b + " set alone and read back");
            }
        }
    }
}
