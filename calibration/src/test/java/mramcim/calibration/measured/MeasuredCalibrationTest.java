package mramcim.calibration.measured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import mramcim.calibration.Calibration;
import mramcim.calibration.Calibrator;
import mramcim.calibration.HostValidation;
import mramcim.calibration.Patterns;
import mramcim.calibration.Validation;
import mramcim.model.config.MacroConfig;
import mramcim.model.macro.Macro;
import mramcim.results.OutputDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 24, point 2: SPEC 6 on the codes of a bench run gives what SPEC 6 through host commands
 * gives on the die itself with the same patterns: C0, GAIN, every offset, and the validation's
 * errors before and after, conversion for conversion (the bench run converts in the same order, so
 * even the jitter draws are the same).
 */
class MeasuredCalibrationTest {

    @Test
    void calibrationFromMeasuredCodesEqualsCalibrationOnTheDie(@TempDir Path tmp) throws Exception {
        MacroConfig design = HiddenDie.design(16, 16);
        long seed = 7;
        Measurement m = HiddenDie.measure(design, seed, "calibrate");
        // Through the files, as a lab's would arrive.
        OutputDir dir = OutputDir.claim(tmp.resolve("bench"), "measure", MeasurementFiles.FILES, java.util.List.of());
        MeasurementFiles.write(m, dir);
        dir.finish("PASS");
        Measurement read = MeasurementFiles.read(dir.path());
        Calibration measured = MeasuredCalibration.calibrate(read, Calibrator.DEFAULT_THRESHOLD);

        Macro die = Macro.create(HiddenDie.hidden(design), seed);
        HiddenDie.injection(design.cols()).apply(die.array());
        Patterns patterns = Patterns.of(design, seed);
        int k = m.of(Role.CALIBRATION).size();
        Calibration onDie = Calibrator.run(die, patterns, k, Calibrator.DEFAULT_THRESHOLD, n -> {});

        assertEquals(onDie.global(), measured.global());
        assertArrayEquals(onDie.offsets(), measured.offsets());
        assertEquals(onDie.errors().mae(), measured.errors().mae(), 0);
        assertTrue(
                measured.correctedColumns().size() >= 3,
                "the three injected columns are offset: " + measured.correctedColumns());
        for (int col : HiddenDie.injection(design.cols()).comparatorOffsets().keySet()) {
            assertTrue(measured.offsets()[col] != 0, "injected column " + col + " got an offset");
        }

        int v = m.of(Role.HELDOUT).size();
        Validation onDieValidation = HostValidation.run(die, patterns, v, onDie.global(), onDie.offsets(), n -> {});
        Validation fromCodes = MeasuredCalibration.validate(read, measured.global(), measured.offsets());
        assertEquals(onDieValidation.before().mae(), fromCodes.before().mae(), 0);
        assertEquals(onDieValidation.after().mae(), fromCodes.after().mae(), 0);
        assertTrue(fromCodes.after().mae() < fromCodes.before().mae(), "the offsets help on the held-out codes");
    }
}
