package mramcim.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacroParamsTest {

    @Test
    void sizeOutsideFourTo128IsRefusedNamingParameterValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MacroParams(3, 8, 4095));
        assertEquals("rows = 3 is out of range: allowed 4..128", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MacroParams(8, 129, 4095));
        assertEquals("cols = 129 is out of range: allowed 4..128", e.getMessage());
    }

    @Test
    void counterWidthHoldsTheLargestFrame() {
        // 180 cycles need 8 bits; 255 still fits 8 bits; 256 needs 9.
        assertEquals(8, new MacroParams(8, 8, 180).codeWidth());
        assertEquals(8, new MacroParams(8, 8, 255).codeWidth());
        assertEquals(9, new MacroParams(8, 8, 256).codeWidth());
        MacroParams p = new MacroParams(8, 8, 4095);
        assertTrue(p.codeMax() >= 4095);
    }

    @Test
    void unknownTopIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Generator.emit("Nope", 8, 8));
        assertTrue(e.getMessage().contains("top = Nope is unknown"), e.getMessage());
    }
}
