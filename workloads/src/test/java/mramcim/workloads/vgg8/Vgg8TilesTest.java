package mramcim.workloads.vgg8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mramcim.workloads.mnist.TileSchedule;
import org.junit.jupiter.api.Test;

/** The digital side of a replicated tile: the copies' sum back to the dot product. */
class Vgg8TilesTest {

    /** A pass of {@code inputs} used rows on a 64 x 64 array (weights do not matter here). */
    private static TileSchedule.Pass pass(int inputs) {
        return new TileSchedule.Pass(0, 0, 0, inputs, 0, 1, new int[64][64]);
    }

    @Test
    void aNineInputPatchIsWrittenSevenTimesAndErrorsBelowSevenVanish() {
        TileSchedule.Pass p = pass(9);
        assertEquals(7, Vgg8Tiles.copies(p));
        assertEquals(1, Vgg8Tiles.padding(p));
        assertEquals(1, Vgg8Tiles.paddingSum(p));
        for (int dp = -9; dp <= 9; dp += 2) {
            for (int e = -6; e <= 6; e++) {
                // On the array: seven copies of dp, +1 from the one padding row, and the error.
                assertEquals(dp, Vgg8Tiles.partialSum(p, 7 * dp + 1 + e), "dp " + dp + ", error " + e);
            }
        }
        // An error of a whole step lands on the next dot product, within the inputs' range.
        assertEquals(-7, Vgg8Tiles.partialSum(p, 7 * -9 + 1 + 14));
        assertEquals(9, Vgg8Tiles.partialSum(p, 7 * 9 + 1 + 14), "clamped to +9");
        assertEquals(-9, Vgg8Tiles.partialSum(p, 7 * -9 + 1 - 30), "clamped to -9");
    }

    @Test
    void evenAndFullTilesKeepTheirParityOrTheirRawResult() {
        TileSchedule.Pass p16 = pass(16);
        assertEquals(4, Vgg8Tiles.copies(p16));
        assertEquals(0, Vgg8Tiles.padding(p16));
        for (int dp = -16; dp <= 16; dp += 2) {
            for (int e = -3; e <= 3; e++) {
                assertEquals(dp, Vgg8Tiles.partialSum(p16, 4 * dp + e));
            }
        }
        TileSchedule.Pass p40 = pass(40);
        assertEquals(1, Vgg8Tiles.copies(p40), "40 rows do not fit twice");
        assertEquals(24, Vgg8Tiles.padding(p40));
        // One copy: the result less the padding's sum, odd errors and all.
        assertEquals(5, Vgg8Tiles.partialSum(p40, 5));
        TileSchedule.Pass p64 = pass(64);
        assertEquals(-3, Vgg8Tiles.partialSum(p64, -3));
    }
}
