package mramcim.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacroParamsTest {

    @Test
    void sizeOutsideFourTo128IsRefusedNamingParameterValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MacroParams(3, 8));
        assertEquals("rows = 3 is out of range: allowed 4..128", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MacroParams(8, 129));
        assertEquals("cols = 129 is out of range: allowed 4..128", e.getMessage());
    }

    @Test
    void counterWidthHoldsTheLargestFrameAndNoMore() {
        // The longest frame is 4095 cycles (SPEC 5 FRAME_CYCLES, docs/architecture.md): 12 bits,
        // saturating at 4095.
        MacroParams p = new MacroParams(8, 8);
        assertEquals(4095, p.maxFrameCycles());
        assertEquals(12, p.codeWidth());
        assertEquals(4095, p.codeMax());
        // Index widths: ceil(log2 n), at least one bit.
        assertEquals(3, p.rowBits());
        assertEquals(7, new MacroParams(128, 5).rowBits());
        assertEquals(3, new MacroParams(128, 5).colBits());
        assertEquals(2, new MacroParams(128, 5).inputWords());
    }

    @Test
    void unknownTopIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generator.emit("Nope", 8, 8));
        assertTrue(e.getMessage().contains("top = Nope is unknown"), e.getMessage());
    }
}
