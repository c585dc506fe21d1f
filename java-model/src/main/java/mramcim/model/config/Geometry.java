package mramcim.model.config;

import mramcim.spec.Sizes;

/**
 * Array size (SPEC section 1).
 *
 * @param rows bit cells per column, the number of inputs
 * @param cols columns, the number of outputs
 */
public record Geometry(
        @Param(unit = "1", source = "SPEC 1: default 64 (seed 000: 64 x 64 array); 4..128 supported")
        int rows,

        @Param(unit = "1", source = "SPEC 1: default 64 (seed 000: 64 x 64 array); 4..128 supported")
        int cols) {

    /** Smallest supported size, SPEC section 1. */
    public static final int MIN = Sizes.MIN;

    /** Largest supported size, SPEC section 1. */
    public static final int MAX = Sizes.MAX;

    public Geometry {
        Check.range("geometry.rows", rows, MIN, MAX);
        Check.range("geometry.cols", cols, MIN, MAX);
    }
}
