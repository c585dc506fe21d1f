package mramcim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mramcim.model.array.AnalogArray;
import mramcim.model.array.Conversion;
import mramcim.model.array.Readout;
import mramcim.model.array.Solver;
import mramcim.model.config.MacroConfig;
import mramcim.model.io.BinaryCsv;
import mramcim.model.macro.HostPort;
import mramcim.model.macro.Macro;
import mramcim.spec.Offsets;
import org.junit.jupiter.api.Test;

/**
 * Option 2 stands in for the macro only if the fast path returns what READ_RESULT returns: the
 * cycle-accurate macro (pins, TDC counters, converter and offsets clocked cycle by cycle) against
 * the transaction-level formula on a copy of the die holding the same weights, conversion by
 * conversion.
 */
class FastPathAgreementTest {

    @Test
    void theFastPathReturnsWhatTheCycleAccurateMacroReadsOut() {
        MacroConfig cfg = MacroConfig.small(16, 16);
        long seed = 21;
        Macro macro = Macro.create(cfg, seed);
        Patterns patterns = Patterns.of(cfg, seed);
        GlobalCalibration g = GlobalCalibration.measure(macro).global();
        g.program(macro);
        int[] offsets = new int[cfg.cols()];
        for (int j = 0; j < offsets.length; j++) {
            offsets[j] = (j % 5) - 2;
            macro.writeReg(Offsets.BASE + j, offsets[j]);
        }
        int compared = 0;
        for (int set = 0; set < 4; set++) {
            macro.program(patterns.weights(Patterns.Stream.VALIDATION, set));
            AnalogArray copy = AnalogArray.fabricate(cfg, seed);
            copy.program(macro.array().weights());
            Readout fast = Readout.of(copy, Solver.FAST);
            for (int i = 0; i < 8; i++) {
                int[] in = patterns.input(Patterns.Stream.VALIDATION, set, i);
                long index = macro.analog().conversions();
                HostPort.Mvm mvm = macro.mvm(in);
                Conversion conv = fast.convert(BinaryCsv.toBits(in), index);
                for (int j = 0; j < cfg.cols(); j++) {
                    int expected = FastValidation.result(
                            cfg.rows(), cfg.timing().frameCycles(), g, offsets[j], conv.code()[j]);
                    assertEquals(expected, mvm.dotProducts()[j], "set " + set + " input " + i + " column " + j);
                    compared++;
                }
            }
        }
        assertEquals(4 * 8 * 16, compared);
    }
}
