package mramcim.cosim.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The host interface against SPEC section 5: a response, once produced, stays on {@code rsp_*}
 * unchanged for as long as the host holds {@code rsp_ready} low, leaves at the first edge that sees
 * {@code rsp_ready} high, and no command is accepted ({@code cmd_ready} low) while it waits.
 */
class HostInterfaceRtlTest {

    private BlockBench b;

    @BeforeEach
    void open() {
        b = BlockBench.open("HostInterface", 8, 8);
        b.set("io_ctrlIdle", 1).set("io_respond", 0).set("io_rspReady", 0).reset();
    }

    @AfterEach
    void close() {
        b.close();
    }

    @Test
    void everyResponseIsHeldThroughLongBackPressureAndTakenExactlyOnce() {
        SplittableRandom rnd = new SplittableRandom(20261122);
        assertEquals(0, b.get("io_rspValid"), "no response after reset");
        for (int n = 0; n < 300; n++) {
            int status = rnd.nextInt(4);
            long data = rnd.nextLong() & 0xFFFFFFFFL;
            // Some responses find the host ready at once, some wait up to 200 cycles.
            int stall = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1, 200);
            boolean idle = rnd.nextBoolean();
            b.set("io_ctrlIdle", idle ? 1 : 0).eval();
            assertEquals(idle ? 1 : 0, b.get("io_cmdReady"), "cmd_ready follows the controller when nothing waits");
            b.set("io_respond", 1)
                    .set("io_status", status)
                    .set("io_data", data)
                    .set("io_rspReady", stall == 0 ? 1 : 0)
                    .step();
            // The controller's response inputs change at once: the held copy must not follow them.
            b.set("io_respond", 0).set("io_status", rnd.nextInt(4)).set("io_data", rnd.nextLong() & 0xFFFFFFFFL);
            for (int c = 0; c < stall; c++) {
                b.set("io_rspReady", 0).set("io_ctrlIdle", 1).eval();
                assertEquals(1, b.get("io_rspValid"), "response " + n + " held at cycle " + c + " of " + stall);
                assertEquals(status, b.get("io_rspStatus"), "status of response " + n + " held");
                assertEquals(data, b.get("io_rspData"), "data of response " + n + " held");
                assertEquals(0, b.get("io_cmdReady"), "no command accepted while response " + n + " waits");
                b.step();
            }
            b.set("io_rspReady", 1).eval();
            assertEquals(1, b.get("io_rspValid"), "response " + n + " offered");
            assertEquals(data, b.get("io_rspData"));
            b.step().set("io_rspReady", rnd.nextInt(2)).eval();
            assertEquals(0, b.get("io_rspValid"), "response " + n + " taken exactly once");
        }
    }

    @Test
    void resetWhileAResponseWaitsDropsItAndReadiesTheInterface() {
        b.set("io_respond", 1)
                .set("io_status", 3)
                .set("io_data", 0xABCDL)
                .step()
                .set("io_respond", 0);
        b.step(17).eval();
        assertEquals(1, b.get("io_rspValid"), "waiting before the reset");
        b.reset().eval();
        assertEquals(0, b.get("io_rspValid"), "rsp_valid after reset");
        assertEquals(0, b.get("io_rspStatus"), "rsp_status after reset");
        assertEquals(0, b.get("io_rspData"), "rsp_data after reset");
        assertEquals(1, b.get("io_cmdReady"), "cmd_ready after reset");
    }
}
