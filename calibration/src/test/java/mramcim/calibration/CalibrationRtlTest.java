package mramcim.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.lockstep.LockstepHost;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.Macro;
import org.junit.jupiter.api.Test;

/**
 * Done-when 3 of issue 8: the same calibration through the RTL in lockstep gives what the Java
 * macro gives.
 */
class CalibrationRtlTest {

    @Test
    void calibrationOnTheRtlProgramsTheSameOffsetsAsOnTheJavaModel() {
        MacroConfig cfg = MacroConfig.jung2022();
        long seed = 7;
        int k = 8;
        Injection injection = new Injection(Map.of(9, 0.02, 50, -0.02));
        Macro java = Macro.create(cfg, seed);
        injection.apply(java.array());
        Calibration onJava = Calibrator.run(java, Patterns.of(cfg, seed), k, 0.5, n -> {});

        NativeBuild build = RtlLibraries.forTop("MramCimMacro", cfg.rows(), cfg.cols(), line -> {});
        Calibration onRtl;
        long compared;
        try (Lockstep ls = Lockstep.open(cfg, seed, build)) {
            injection.apply((v, col) -> ls.injectComparatorOffset(col, v));
            onRtl = Calibrator.run(LockstepHost.on(ls), Patterns.of(cfg, seed), k, 0.5, n -> {});
            compared = ls.cycle();
        }
        assertEquals(onJava.global(), onRtl.global());
        assertArrayEquals(onJava.offsets(), onRtl.offsets());
        for (int j = 0; j < cfg.cols(); j++) {
            assertEquals(onJava.errors().columnMean(j), onRtl.errors().columnMean(j), "column " + j + " mean error");
        }
        assertEquals(onJava.cycles(), onRtl.cycles(), "the host handshake is cycle for cycle the same");
        assertTrue(
                onRtl.offsets()[9] > 0 && onRtl.offsets()[50] < 0,
                "the injected columns are corrected in the expected direction");
        assertTrue(compared > 1_000_000, "lockstep compared " + compared + " cycles");
    }
}
