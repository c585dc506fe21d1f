package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The controller against SPEC section 5: every out-of-range field of every op answers BAD_CMD at
 * once and starts nothing; COMPUTE holds {@code drv_en} for exactly FRAME_CYCLES cycles and answers
 * with the number of saturated columns; cell ops wait for the sequencer; reset in any busy state
 * returns to idle.
 */
class ControllerRtlTest {

    private static final int OK = 0;
    private static final int CELL_FAIL = 1;
    private static final int BAD_CMD = 2;
    private static final int OVERFLOW = 3;

    /** A command and the block inputs that decide its legality. */
    private record Cmd(String what, int op, int addr, long dataHigh, boolean regWr, boolean regRd, boolean input) {}

    private static BlockBench open(int rows, int cols) {
        BlockBench b = BlockBench.open("Controller", rows, cols);
        b.set("io_cmdValid", 0)
                .set("io_cmdReady", 1)
                .set("io_frameCycles", 180)
                .set("io_tdcDone", 0)
                .set("io_seqDone", 0)
                .reset();
        return b;
    }

    private static void drive(BlockBench b, Cmd c) {
        b.set("io_cmdValid", 1)
                .set("io_cmdReady", 1)
                .set("io_op", c.op())
                .set("io_addr", c.addr())
                .set("io_dataHigh", c.dataHigh())
                .set("io_regWrLegal", c.regWr() ? 1 : 0)
                .set("io_regRdLegal", c.regRd() ? 1 : 0)
                .set("io_inputLegal", c.input() ? 1 : 0)
                .eval();
    }

    private static List<Cmd> badCommands(int rows, int cols) {
        List<Cmd> bad = new ArrayList<>();
        for (int op = 8; op < 16; op++) {
            bad.add(new Cmd("unknown op " + op, op, 0, 0, true, true, true));
        }
        for (int op : new int[] {1, 2}) {
            String name = op == 1 ? "WRITE_CELL" : "READ_CELL";
            for (int row : new int[] {rows, rows + 1, 255}) {
                if (row <= 255) {
                    bad.add(new Cmd(name + " row " + row, op, (row << 8), 0, true, true, true));
                }
            }
            for (int col : new int[] {cols, cols + 1, 255}) {
                if (col <= 255) {
                    bad.add(new Cmd(name + " col " + col, op, col, 0, true, true, true));
                }
            }
        }
        bad.add(new Cmd("WRITE_CELL data bit 1", 1, 0, 1, true, true, true));
        bad.add(new Cmd("WRITE_CELL data bit 63", 1, 0, 1L << 62, true, true, true));
        bad.add(new Cmd("LOAD_INPUT refused by the input register", 3, 0, 0, true, true, false));
        for (int addr : new int[] {cols, cols + 1, 0x100, 0x100 | 1, 0xFFFF}) {
            bad.add(new Cmd("READ_RESULT column " + addr, 5, addr, 0, true, true, true));
        }
        bad.add(new Cmd("WRITE_REG refused by the register file", 6, 2, 0, false, true, true));
        bad.add(new Cmd("READ_REG refused by the register file", 7, 9, 0, true, false, true));
        return bad;
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"8, 8", "128, 128", "100, 7"})
    void everyOutOfRangeFieldAnswersBadCmdAndStartsNothing(int rows, int cols) {
        BlockBench b = open(rows, cols);
        try {
            for (Cmd c : badCommands(rows, cols)) {
                b.set("io_resultData", 0x0ABC5678L).set("io_regRdData", 0x9ABCL).set("io_resultOverflow", 1);
                drive(b, c);
                assertEquals(1, b.get("io_respond"), c.what() + ": answered at once");
                assertEquals(BAD_CMD, b.get("io_status"), c.what() + ": BAD_CMD");
                assertEquals(0, b.get("io_rspData"), c.what() + ": data 0");
                for (String start : new String[] {"io_regWrEn", "io_inputLoad", "io_startWrite", "io_startRead"}) {
                    assertEquals(0, b.get(start), c.what() + ": " + start + " stays low");
                }
                b.step().set("io_cmdValid", 0).eval();
                assertEquals(1, b.get("io_idle"), c.what() + ": still idle");
                assertEquals(0, b.get("io_drvEn"), c.what() + ": no conversion");
            }
            // The same fields one step inside the range are legal.
            Cmd[] good = {
                new Cmd("WRITE_CELL corner", 1, ((rows - 1) << 8) | (cols - 1), 0, true, true, true),
                new Cmd("READ_CELL corner", 2, ((rows - 1) << 8) | (cols - 1), 0, true, true, true),
                new Cmd("READ_RESULT last column", 5, cols - 1, 0, true, true, true)
            };
            for (Cmd c : good) {
                b.reset();
                drive(b, c);
                assertEquals(c.op() == 5 ? 1 : 0, b.get("io_respond"), c.what());
                if (c.op() == 5) {
                    assertEquals(OVERFLOW, b.get("io_status"), c.what() + ": a saturated column reads OVERFLOW");
                    assertEquals(0x0ABC5678L, b.get("io_rspData"), c.what() + ": data is the result word");
                } else {
                    assertEquals(1, b.get(c.op() == 1 ? "io_startWrite" : "io_startRead"), c.what() + " starts");
                }
            }
        } finally {
            b.close();
        }
    }

    @ParameterizedTest(name = "FRAME_CYCLES {0}")
    @ValueSource(ints = {1, 2, 3, 180, 4095})
    void computeHoldsDrvEnForExactlyFrameCyclesAndReportsSaturatedColumns(int frameCycles) {
        BlockBench b = open(64, 64);
        try {
            SplittableRandom rnd = new SplittableRandom(frameCycles);
            for (int run = 0; run < 4; run++) {
                b.set("io_frameCycles", frameCycles);
                drive(b, new Cmd("COMPUTE", 4, 0, 0, true, true, true));
                assertEquals(0, b.get("io_respond"), "COMPUTE is not answered at once");
                b.step().set("io_cmdValid", 0);
                int high = 0;
                while (b.eval().bit("io_drvEn")) {
                    assertEquals(0, b.get("io_idle"), "busy during the frame");
                    high++;
                    b.step();
                    if (high > frameCycles + 1) {
                        break;
                    }
                }
                assertEquals(frameCycles, high, "drv_en high cycles");
                int wait = rnd.nextInt(6);
                for (int c = 0; c < wait; c++) {
                    assertEquals(0, b.eval().get("io_respond"), "no answer before the TDC bank is done");
                    assertEquals(0, b.get("io_idle"), "busy until the TDC bank is done");
                    b.step();
                }
                int saturated = run == 0 ? 0 : rnd.nextInt(1, 65);
                b.set("io_tdcDone", 1).set("io_overflowCount", saturated).eval();
                assertEquals(1, b.get("io_respond"), "answered with the TDC bank's done");
                assertEquals(saturated > 0 ? OVERFLOW : OK, b.get("io_status"), saturated + " saturated columns");
                assertEquals(saturated, b.get("io_rspData"), "data is the number of saturated columns");
                b.step().set("io_tdcDone", 0).eval();
                assertEquals(1, b.get("io_idle"), "idle after the answer");
            }
        } finally {
            b.close();
        }
    }

    @ParameterizedTest(name = "WRITE_CELL fail={0}")
    @ValueSource(booleans = {false, true})
    void cellOpsWaitForTheSequencerAndForwardItsResult(boolean fail) {
        BlockBench b = open(8, 8);
        try {
            drive(b, new Cmd("WRITE_CELL", 1, (3 << 8) | 5, 0, true, true, true));
            assertEquals(1, b.get("io_startWrite"), "the sequencer starts at the accepting edge");
            b.step().set("io_cmdValid", 0).eval();
            assertEquals(0, b.get("io_startWrite"), "start is a one-cycle pulse");
            for (int c = 0; c < 57; c++) {
                assertEquals(0, b.eval().get("io_idle"), "busy while the sequencer runs");
                assertEquals(0, b.get("io_respond"));
                b.step();
            }
            b.set("io_seqDone", 1)
                    .set("io_seqFail", fail ? 1 : 0)
                    .set("io_seqData", 23)
                    .eval();
            assertEquals(1, b.get("io_respond"));
            assertEquals(fail ? CELL_FAIL : OK, b.get("io_status"));
            assertEquals(23, b.get("io_rspData"), "pulses used");
            b.step().set("io_seqDone", 0).eval();
            assertEquals(1, b.get("io_idle"));
        } finally {
            b.close();
        }
    }

    @ParameterizedTest(name = "reset after {0} cycles")
    @ValueSource(ints = {1, 90, 180, 181, 183})
    void resetInTheMiddleOfAConversionOrACellOpReturnsToIdle(int after) {
        BlockBench b = open(8, 8);
        try {
            for (int op : new int[] {4, 1, 2}) {
                drive(b, new Cmd("op " + op, op, 0, 0, true, true, true));
                b.step().set("io_cmdValid", 0).step(after - 1).eval();
                assertEquals(0, b.get("io_idle"), "op " + op + " busy after " + after + " cycles");
                b.reset().eval();
                assertEquals(1, b.get("io_idle"), "op " + op + ": idle after reset");
                assertEquals(0, b.get("io_drvEn"), "op " + op + ": drv_en low after reset");
                // A late done from the interrupted operation must not produce an answer.
                b.set("io_tdcDone", 1).set("io_seqDone", 1).eval();
                assertEquals(0, b.get("io_respond"), "op " + op + ": no stale answer after reset");
                b.set("io_tdcDone", 0).set("io_seqDone", 0);
            }
        } finally {
            b.close();
        }
    }
}
