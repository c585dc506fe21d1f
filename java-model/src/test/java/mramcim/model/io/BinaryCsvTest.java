package mramcim.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryCsvTest {

    @Test
    void readsPlusMinusOneSkippingCommentsAndBlankLines() {
        int[][] m = BinaryCsv.parse("w.csv", List.of("# weights", "1,-1,+1", "", "-1, -1, 1"), 2, 3);
        assertArrayEquals(new int[] {1, -1, 1}, m[0]);
        assertArrayEquals(new int[] {-1, -1, 1}, m[1]);
        assertArrayEquals(new long[] {0b101}, BinaryCsv.toBits(m[0]));
    }

    @Test
    void refusalsNameLineAndColumn() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> BinaryCsv.parse("w.csv", List.of("1,1,1", "1,0,1"), 2, 3));
        assertEquals("w.csv line 2, column 2: '0' is not +1 or -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BinaryCsv.parse("w.csv", List.of("1,1"), 1, 3));
        assertEquals("w.csv line 1: 2 values, expected 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BinaryCsv.parse("w.csv", List.of("1,1,1"), 2, 3));
        assertEquals("w.csv: 1 lines of values, expected 2", e.getMessage());
    }
}
