package mramcim.stimulus;

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
import mramcim.model.periphery.Op;
import mramcim.model.periphery.RegisterMap;
import mramcim.model.periphery.Status;
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
        DirectedSequences.restore(config, global[0], global[1]).forEach(c -> macro.execute((int) c[0], (int) c[1], c[2]));
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
            assertEquals(global[0], macro.execute(Op.READ_REG.code(), RegisterMap.C0, 0).data(), "C0 after " + e.getKey());
            assertEquals(global[1], macro.execute(Op.READ_REG.code(), RegisterMap.GAIN, 0).data(), "GAIN after " + e.getKey());
            assertEquals(config.timing().frameCycles(),
                    macro.execute(Op.READ_REG.code(), RegisterMap.FRAME_CYCLES, 0).data(), "FRAME_CYCLES after " + e.getKey());
        }
    }
}
