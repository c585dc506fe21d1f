package mramcim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config FILE} on the lockstep commands: the run uses the file's macro, and a failure's
 * replay command names the file, so that running it as printed reproduces the failure.
 */
class ConfigFileTest {

    @TempDir
    Path tmp;

    @Test
    void regressCosimAndBenchRunTheFilesMacroAndTheReplayNamesTheFile() throws Exception {
        Path config = tmp.resolve("eco 8x8.json");
        CliRun saved = CliRun.of("config", "--preset", "small:8x8", "--save", config.toString());
        assertEquals(0, saved.code(), saved.err());

        CliRun pass = CliRun.of(
                "regress",
                "--config",
                config.toString(),
                "--seeds",
                "2",
                "--cycles",
                "20000",
                "--no-progress",
                "--out",
                tmp.resolve("pass").toString());
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().startsWith("PASS: config:" + config.toAbsolutePath() + " 8x8, 2 seeds"), pass.out());

        String rtl = Generator.emit("MramCimMacro", 8, 8);
        String bug = rtl.replace("+ {{20{io_offset[7]}}, io_offset};", "- {{20{io_offset[7]}}, io_offset};");
        assertTrue(!bug.equals(rtl), "the offset adder is where the test expects it");
        Path netlist = tmp.resolve("offset_sign.sv");
        Files.writeString(netlist, bug, StandardCharsets.UTF_8);
        CliRun fail = CliRun.of(
                "regress",
                "--config",
                config.toString(),
                "--seeds",
                "1",
                "--cycles",
                "60000",
                "--verilog",
                netlist.toString(),
                "--no-progress",
                "--out",
                tmp.resolve("fail").toString());
        assertEquals(1, fail.code(), fail.out() + fail.err());
        String replay = fail.out()
                .lines()
                .filter(l -> l.trim().startsWith("replay: "))
                .findFirst()
                .orElseThrow()
                .trim()
                .substring("replay: scripts/mramcim ".length());
        assertTrue(replay.startsWith("cosim --config " + config.toAbsolutePath() + " --seed 1"), replay);
        String divergence = fail.out()
                .lines()
                .filter(l -> l.startsWith("FAIL seed 1: "))
                .findFirst()
                .orElseThrow()
                .substring("FAIL seed 1: ".length());

        // The replay as printed (the file name has a space: keep it one argument).
        String path = config.toAbsolutePath().toString();
        String[] argv = Arrays.stream(replay.replace(path, "CONFIG_FILE").split(" "))
                .map(a -> a.equals("CONFIG_FILE") ? path : a)
                .toArray(String[]::new);
        String[] withOut = Arrays.copyOf(argv, argv.length + 4);
        withOut[argv.length] = "--out";
        withOut[argv.length + 1] = tmp.resolve("replay").toString();
        withOut[argv.length + 2] = "--wave";
        withOut[argv.length + 3] = "never";
        CliRun again = CliRun.of(withOut);
        assertEquals(1, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("first divergence at " + divergence), divergence + " vs " + again.out());

        CliRun bench = CliRun.of(
                "bench",
                "--config",
                config.toString(),
                "--cycles",
                "100000",
                "--repeat",
                "1",
                "--out",
                tmp.resolve("bench").toString());
        assertEquals(0, bench.code(), bench.out() + bench.err());
    }
}
