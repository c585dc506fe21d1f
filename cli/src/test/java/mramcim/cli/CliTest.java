package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionNamesTheToolAndTheChiselItWasBuiltWith() {
        Run r = run("version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("(?s)mramcim \\d+\\.\\d+\\.\\d+.*chisel 6\\.7\\.0 on scala 2\\.13\\.15.*"), r.out());
    }

    @Test
    void rtlWritesTheTopsVerilogForTheRequestedSize() throws Exception {
        Run r = run("rtl", "--rows", "16", "--cols", "12", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        String sv = Files.readString(tmp.resolve("MramCimMacro.sv"));
        assertTrue(sv.contains("module MramCimMacro("), "the macro is the default top");
        assertTrue(sv.contains("input  [11:0] cmp"), "one comparator input per column");
        assertTrue(sv.contains("output [15:0] in_vec"), "one input line per row");
        assertTrue(sv.contains("output [3:0]  acc_row"), "a row index of ceil(log2(16)) bits");

        Run bank = run("rtl", "--top", "TdcBank", "--rows", "16", "--cols", "12", "--out", tmp.toString());
        assertEquals(0, bank.code(), bank.err());
        String tdc = Files.readString(tmp.resolve("TdcBank.sv"));
        assertTrue(tdc.contains("code_11") && !tdc.contains("code_12"), "one code output per column");
    }

    @Test
    void outOfRangeSizeIsBadUsageNamingTheParameter() {
        Run r = run("rtl", "--rows", "200", "--cols", "8", "--out", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("rows = 200 is out of range: allowed 4..128"), r.err());
    }

    @Test
    void regressAndMergeRefuseBadUsageNamingTheParameter() throws Exception {
        Run shard = run("regress", "--preset", "small:8x8", "--shard", "3/2", "--out", tmp.toString());
        assertEquals(2, shard.code());
        assertTrue(shard.err().contains("--shard = 3/2 is out of range"), shard.err());
        Run seeds = run("regress", "--preset", "small:8x8", "--seeds", "0", "--out", tmp.toString());
        assertEquals(2, seeds.code());
        assertTrue(seeds.err().contains("--seeds = 0 is out of range: allowed 1..1000000"), seeds.err());
        Run both = run("regress", "--seeds", "3", "--seed", "4");
        assertEquals(2, both.code());
        Run missing = run(
                "merge",
                tmp.resolve("nowhere").toString(),
                "--out",
                tmp.resolve("m").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nowhere does not exist"), missing.err());
        Files.writeString(tmp.resolve("summary.json"), "{\"not\": \"a summary\"}");
        Run malformed = run("merge", tmp.toString(), "--out", tmp.resolve("m").toString());
        assertEquals(2, malformed.code());
        assertTrue(malformed.err().contains("is not a"), malformed.err());
    }
}
