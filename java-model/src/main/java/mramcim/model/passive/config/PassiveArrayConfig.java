package mramcim.model.passive.config;

import mramcim.model.config.Check;
import mramcim.model.config.Param;

/**
 * A passive M x N MTJ crossbar (no selectors) and how it is programmed: seed 004's system, SPEC
 * section 9. Presets are named factories; every number lives in the component records with its unit
 * and source.
 */
public record PassiveArrayConfig(
        @Param(unit = "1", source = "seed 004: 15 x 15 array")
        int rows,

        @Param(unit = "1", source = "seed 004: 15 x 15 array")
        int cols,

        PassiveDeviceParams device,
        CrossbarLines lines,
        ProgrammingParams programming) {

    /** Rows and columns of the seed-004 array. */
    public static final int SEED004_SIZE = 15;

    public PassiveArrayConfig {
        Check.range("rows", rows, 1, 256);
        Check.range("cols", cols, 1, 256);
        Check.present("device", device);
        Check.present("lines", lines);
        Check.present("programming", programming);
    }

    /**
     * The fabricated 15 x 15 array of seed 004 with MTJs of {@code diameterNm} (30, 40, 50 or 60).
     */
    public static PassiveArrayConfig goodwill2022(int diameterNm) {
        return new PassiveArrayConfig(
                SEED004_SIZE,
                SEED004_SIZE,
                PassiveDeviceParams.seed004(diameterNm),
                CrossbarLines.seed004(),
                ProgrammingParams.seed004());
    }

    /**
     * The "ideal model" of seed 004 Fig. 6(c, d): the same mean devices, no line resistance, no
     * device or cycle variation, noiseless reads.
     */
    public static PassiveArrayConfig ideal(int diameterNm) {
        return new PassiveArrayConfig(
                SEED004_SIZE,
                SEED004_SIZE,
                PassiveDeviceParams.seed004(diameterNm).withoutVariation(),
                CrossbarLines.none(),
                ProgrammingParams.seed004().withoutReadNoise());
    }

    /** Every parameter with its value, unit and source ({@code mramcim config --passive}). */
    public java.util.List<mramcim.model.config.MacroConfig.Entry> entries() {
        return mramcim.model.config.MacroConfig.entries(this);
    }

    /** Devices in the array. */
    public int devices() {
        return rows * cols;
    }
}
