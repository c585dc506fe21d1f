package mramcim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The pattern streams' keys are part of every calibration and validation pattern: changing one
 * changes every offsets file on record. Pinned here; a new stream takes a new key.
 */
class PatternStreamsTest {

    @Test
    void streamKeysNeverChange() {
        assertEquals(1, Patterns.Stream.CALIBRATION.key());
        assertEquals(2, Patterns.Stream.VALIDATION.key());
        assertEquals(3, Patterns.Stream.OPTION2.key());
        assertEquals(4, Patterns.Stream.ENERGY.key());
        assertEquals(5, Patterns.Stream.TWIN.key());
        assertEquals(6, Patterns.Stream.EMULATION.key());
        assertEquals(6, Patterns.Stream.values().length, "every stream pinned");
    }
}
