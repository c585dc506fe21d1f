package mramcim.verification.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import mramcim.model.array.AnalogFault;
import mramcim.spec.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text format of docs/traces.md: what it reads, and where it refuses a broken file. */
class TraceFormatTest {

    static final String HEADER = "trace 1 seed=7 design=small:8x8\n";

    @Test
    void aHandWrittenTraceReadsAsWritten() {
        Trace t = TraceFormat.parse(
                "# comment line\n"
                        + HEADER
                        + "+0 WRITE_REG addr=0x2 data=0x40   # trailing comment\n"
                        + "+3 COMPUTE stall=12 fault=dead:0-3,7;shift:8-9=-2;sense:1\n"
                        + "+17 reset idle=6:a2\n"
                        + "+1 0xC addr=65535 data=0xFFFFFFFFFFFFFFFF\n"
                        + "end +20\n",
                "hand");
        assertEquals("small:8x8", t.design());
        assertEquals(7, t.seed());
        assertEquals(3, t.commands());
        assertEquals(20, t.endWait());
        TraceLine write = t.lines().get(0);
        assertEquals(Op.WRITE_REG.code(), write.op());
        assertEquals(0x40, write.data());
        TraceLine compute = t.lines().get(1);
        assertEquals(12, compute.stall());
        AnalogFault f = compute.fault();
        assertEquals(0b1000_1111L, f.dead()[0]);
        assertEquals(-2, f.shift()[8]);
        assertEquals(-2, f.shift()[9]);
        assertEquals(0, f.shift()[7]);
        assertEquals(1, f.senseStuck());
        TraceLine reset = t.lines().get(2);
        assertTrue(reset.isReset());
        // "a2": nibble a = 0b1010 holds edges 0..3, nibble 2 = 0b0010 edges 4..5, low bit first
        List<Boolean> ready = List.of(false, true, false, true, false, true);
        for (int i = 0; i < 6; i++) {
            assertEquals(ready.get(i), reset.idle().ready(i), "idle edge " + i);
        }
        assertTrue(reset.idle().ready(6), "past the recorded edges rsp_ready is high");
        TraceLine bad = t.lines().get(3);
        assertEquals(0xC, bad.op());
        assertEquals(-1L, bad.data());
        assertEquals(t, TraceFormat.parse(TraceFormat.write(t), "again"), "writing and reading keep every field");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no header | +0 COMPUTE\\nend +0 | 1 | 1 | expected the header",
                "version 2 | trace 2 seed=1 design=x\\nend +0 | 1 | 7 | format version '2' is not known",
                "seed negative | trace 1 seed=-1 design=x\\nend +0 | 1 | 9 | out of range",
                "no end | trace 1 seed=1 design=x\\n+0 COMPUTE | 2 | 1 | no 'end +N' line",
                "after end | trace 1 seed=1 design=x\\nend +0\\n+0 COMPUTE | 3 | 1 | nothing may follow",
                "unknown op | trace 1 seed=1 design=x\\n+0 COMPUTER\\nend +0 | 2 | 4 | unknown op 'COMPUTER'",
                "op too big | trace 1 seed=1 design=x\\n+0 16\\nend +0 | 2 | 4 | op = 16 is out of range",
                "addr too big | trace 1 seed=1 design=x\\n+0 COMPUTE addr=0x10000\\nend +0 | 2 | 12 | addr = 0x10000",
                "data 17 digits | trace 1 seed=1 design=x\\n+0 COMPUTE data=0x11111111111111111\\nend +0 | 2 | 12 | not a 64-bit word",
                "field twice | trace 1 seed=1 design=x\\n+0 COMPUTE stall=1 stall=2\\nend +0 | 2 | 20 | given twice",
                "unknown field | trace 1 seed=1 design=x\\n+0 COMPUTE wait=3\\nend +0 | 2 | 12 | unknown field 'wait'",
                "no offset | trace 1 seed=1 design=x\\nCOMPUTE\\nend +0 | 2 | 1 | expected the edge offset",
                "reset with data | trace 1 seed=1 design=x\\n+0 reset data=1\\nend +0 | 2 | 10 | a reset line takes only idle",
                "bad fault kind | trace 1 seed=1 design=x\\n+0 COMPUTE fault=dread:1\\nend +0 | 2 | 12 | unknown kind 'dread'",
                "fault column | trace 1 seed=1 design=x\\n+0 COMPUTE fault=dead:300\\nend +0 | 2 | 12 | out of range",
                "idle digits | trace 1 seed=1 design=x\\n+0 COMPUTE idle=9:f\\nend +0 | 2 | 12 | need 3 hex digits",
                "idle beyond | trace 1 seed=1 design=x\\n+0 COMPUTE idle=2:f\\nend +0 | 2 | 12 | bits set beyond",
                "wait too long | trace 1 seed=1 design=x\\n+1000000001 COMPUTE\\nend +0 | 2 | 1 | out of range",
            })
    void aBrokenTraceIsRefusedWithItsLineAndColumn(String what, String text, int line, int column, String message) {
        TraceFormatException e = assertThrows(
                TraceFormatException.class, () -> TraceFormat.parse(text.replace("\\n", "\n"), "t.trace"), what);
        assertEquals(line, e.line(), what + ": " + e.getMessage());
        assertEquals(column, e.column(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().startsWith("t.trace:" + line + ":" + column + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), what + ": " + e.getMessage());
    }
}
