package mramcim.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mramcim.calibration.OffsetsFile;
import mramcim.cli.CliRun;
import mramcim.cli.Main;
import mramcim.model.config.ConfigJson;
import mramcim.model.config.MacroConfig;
import mramcim.results.OutputDir;
import mramcim.verification.regression.Regression;
import mramcim.verification.regression.RegressionReport;
import mramcim.verification.regression.Shard;
import mramcim.verification.regression.WorkerPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile but realistic input to every command, in the test's JVM: configuration files, options,
 * offsets files, summaries for merge, output directories. Each kind asserts its outcome: a refusal
 * with exit 2 and one line naming what is wrong (and no Java or Jackson names), or a FAIL /
 * INCOMPLETE verdict with exit 1 -- never a PASS, a crash or a hang. Netlists are in {@link
 * HostileNetlistTest}, signals and kills in {@link HostileProcessTest}. A new kind of bad input
 * found in the field is added here.
 */
class HostileInputTest {

    @TempDir
    static Path tmp;

    static final String PRESET = "small:8x8";
    static String config;
    static Path weights;
    static Path inputs;
    static Path offsets;
    static Path shardA;
    static Path shardB;
    static Path shardOfThree;
    static Path unfinished;

    /** What one kind of hostile input is and what must come of it. */
    record Case(String kind, Function<Path, String[]> args, int exit, String expect, Consumer<Path> after) {
        @Override
        public String toString() {
            return kind;
        }
    }

    @BeforeAll
    static void fixtures() throws Exception {
        config = ConfigJson.toJson(MacroConfig.preset(PRESET));
        weights = tmp.resolve("w.csv");
        inputs = tmp.resolve("in.csv");
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            w.append(i % 2 == 0 ? "1,-1,1,-1,1,-1,1,-1\n" : "-1,-1,1,1,-1,-1,1,1\n");
        }
        Files.writeString(weights, w);
        Files.writeString(inputs, "1,1,1,1,-1,-1,-1,-1\n");
        offsets = tmp.resolve("offsets.json");
        new OffsetsFile(8, 8, null, new int[8], null, PRESET, MacroConfig.preset(PRESET)).write(offsets);
        shardA = tmp.resolve("shard-1of2");
        shardB = tmp.resolve("shard-2of2");
        shardOfThree = tmp.resolve("shard-2of3");
        for (String[] s : new String[][] {
            {"1/2", "4", shardA.toString()},
            {"2/2", "4", shardB.toString()},
            {"2/3", "6", shardOfThree.toString()}
        }) {
            CliRun r = CliRun.of(
                    "regress",
                    "--preset",
                    PRESET,
                    "--seeds",
                    s[1],
                    "--cycles",
                    "3000",
                    "--shard",
                    s[0],
                    "--jobs",
                    "1",
                    "--no-progress",
                    "--out",
                    s[2]);
            assertEquals(0, r.code(), r.out() + r.err());
        }
        // A shard whose run was killed: what the files say while a run is going on.
        unfinished = tmp.resolve("shard-1of2-killed");
        Shard one = new Shard(1, 4, 1, 2);
        Regression.Options o = new Regression.Options(
                MacroConfig.preset(PRESET),
                PRESET,
                one.seeds(),
                3000,
                1,
                null,
                300,
                one,
                WorkerPool.Limits.defaults(3000));
        RegressionReport.write(
                Regression.placeholder(o), OutputDir.claim(unfinished, "regress", RegressionReport.FILES, List.of()));
    }

    static Path file(String name, String text) {
        try {
            Path f = tmp.resolve(name);
            Files.writeString(f, text, StandardCharsets.ISO_8859_1);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code mramcim array} on the configuration with {@code from} replaced by {@code to}. */
    static Case config(String kind, String from, String to, String expect) {
        return new Case(
                "config: " + kind,
                t -> {
                    assertTrue(config.contains(from), "fixture holds " + from);
                    Path f = file(kind.replaceAll("\\W", "_") + ".json", config.replace(from, to));
                    return new String[] {
                        "array",
                        "--config",
                        f.toString(),
                        "--weights",
                        weights.toString(),
                        "--inputs",
                        inputs.toString()
                    };
                },
                2,
                expect,
                null);
    }

    static Case refused(String kind, String expect, String... args) {
        return new Case(kind, t -> args, 2, expect, null);
    }

    static Case refusedIn(String kind, String expect, Function<Path, String[]> args) {
        return new Case(kind, args, 2, expect, null);
    }

    static String[] a(String... s) {
        return s;
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // Configuration files: physical bounds, cross checks, strict JSON.
        c.add(config(
                "sense capacitance 1e308 F",
                "\"cSense\" : 2.3E-13",
                "\"cSense\" : 1e308",
                "column.cSense = 1.0E308 F is out of range: allowed 1e-16..1e-10 F"));
        c.add(config(
                "sense capacitance 1e-300 F",
                "\"cSense\" : 2.3E-13",
                "\"cSense\" : 1e-300",
                "column.cSense = 1.0E-300 F is out of range"));
        c.add(config(
                "FET off resistance 1e308 Ohm",
                "\"rOff\" : 1.0E9",
                "\"rOff\" : 1e308",
                "fet.rOff = 1.0E308 Ohm is out of range"));
        c.add(config(
                "a frame of one cycle",
                "\"frameCycles\" : 180",
                "\"frameCycles\" : 1",
                "timing.frameCycles = 1 is out of range: the fastest column"));
        c.add(config(
                "a string for an integer",
                "\"rows\" : 8,",
                "\"rows\" : \"8\",",
                "geometry.rows: expected an integer, found a string"));
        c.add(config(
                "a fraction for an integer",
                "\"rows\" : 8,",
                "\"rows\" : 64.7,",
                "geometry.rows: expected an integer, found 64.7"));
        c.add(config(
                "a string for a number",
                "\"rP\" : 3000.0",
                "\"rP\" : \"3000\"",
                "mtj.rP: expected a number, found a string"));
        c.add(config(
                "a boolean for a number",
                "\"rP\" : 3000.0",
                "\"rP\" : true",
                "mtj.rP: expected a number, found a boolean"));
        c.add(config(
                "a duplicate key", "\"rows\" : 8,", "\"rows\" : 8, \"rows\" : 9,", "a key is given twice ('rows')"));
        c.add(config(
                "trailing content", "\n}", "\n} {\"more\": 1}", "content after the end of the configuration document"));
        c.add(config("trailing garbage", "\n}", "\n} garbage", "not valid JSON"));
        c.add(config(
                "a null section",
                "\"geometry\" : {",
                "\"geometry\" : null, \"g\" : {",
                "geometry: null; give a value"));
        c.add(config("an unknown field", "\"rSeg\"", "\"rSegment\" : 1.0, \"rSeg\"", "column.rSegment: unknown field"));
        c.add(config("a missing field", "\"rSeg\" : 10.0,", "", "column.rSeg: missing; every field must be given"));
        c.add(config("NaN", "\"rP\" : 3000.0", "\"rP\" : NaN", "NaN and Infinity are not JSON numbers"));
        c.add(config(
                "a number beyond double",
                "\"rP\" : 3000.0",
                "\"rP\" : 1e400",
                "mtj.rP = Infinity Ohm is out of range"));
        c.add(config("an array for the document", config, "[" + config + "]", "expected an object, found an array"));
        c.add(config(
                "a negative jitter",
                "\"jitterSigma\" : 5.0E-11",
                "\"jitterSigma\" : -1e-12",
                "column.jitterSigma = -1.0E-12 s"));
        c.add(config(
                "a reference at the drive", "\"vRef\" : 0.4", "\"vRef\" : 0.8", "column.vRef = 0.8 V is out of range"));
        c.add(config(
                "a jitter near the delay",
                "\"jitterSigma\" : 5.0E-11",
                "\"jitterSigma\" : 9e-10",
                "column.jitterSigma = 9.000e-10 s is out of range: allowed up to 0.10 of the fastest column's delay"));
        c.add(config(
                "two rows", "\"rows\" : 8,", "\"rows\" : 2,", "geometry.rows = 2 is out of range: allowed 4..128"));
        c.add(config(
                "a fault fraction above one",
                "\"stuckAtP\" : 0.0",
                "\"stuckAtP\" : 1.5",
                "mtj.stuckAtP = 1.5 1 is out of range"));
        c.add(refusedIn(
                "config: an empty file",
                "is empty: the file holds no JSON document",
                t -> a("config", "--config", file("empty.json", "").toString())));
        c.add(refusedIn(
                "config: binary bytes",
                "is not a text file (not UTF-8)",
                t -> a(
                        "config",
                        "--config",
                        file("binary.json", "\u0000\u00ff\u00fe{").toString())));
        c.add(refusedIn("config: a directory", "is not a readable file", t -> a("config", "--config", tmp.toString())));
        c.add(refusedIn(
                "config: a missing file",
                "is not a readable file",
                t -> a("config", "--config", tmp.resolve("nowhere.json").toString())));
        c.add(refusedIn("config: --save onto its own --config", "is the --config input", t -> {
            Path f = file("own.json", config);
            return a("config", "--config", f.toString(), "--save", f.toString());
        }));

        // Options out of range or malformed.
        c.add(refused("regress: no seeds", "--seeds = 0 is out of range", "regress", "--seeds", "0"));
        c.add(refused(
                "regress: two million seeds", "--seeds = 2000000 is out of range", "regress", "--seeds", "2000000"));
        c.add(refused("regress: shard beyond its count", "--shard = 3/2 is out of range", "regress", "--shard", "3/2"));
        c.add(refused("regress: malformed shard", "--shard = abc is malformed", "regress", "--shard", "abc"));
        c.add(refused(
                "regress: a shard with no seed",
                "--shard = 5/8 holds no seed",
                "regress",
                "--seeds",
                "4",
                "--shard",
                "5/8"));
        c.add(refused("regress: no cycles", "--cycles = 0 is out of range", "regress", "--cycles", "0"));
        c.add(refused(
                "regress: a trillion cycles",
                "--cycles = 1000000000000 is out of range",
                "regress",
                "--cycles",
                "1000000000000"));
        c.add(refused("regress: cycles not a number", "'abc' is not a long", "regress", "--cycles", "abc"));
        c.add(refused("regress: no workers", "--jobs = 0 is out of range", "regress", "--jobs", "0"));
        c.add(refused("regress: a thousand workers", "--jobs = 1000 is out of range", "regress", "--jobs", "1000"));
        c.add(refused("regress: a negative seed", "--seed = -1 is out of range", "regress", "--seed", "-1"));
        c.add(refused("regress: --seeds with --seed", "exclude each other", "regress", "--seeds", "3", "--seed", "4"));
        c.add(refusedIn(
                "regress: a missing netlist",
                "is not a readable file",
                t -> a("regress", "--verilog", tmp.resolve("none.sv").toString())));
        c.add(refusedIn(
                "regress: a directory as netlist",
                "is not a readable file",
                t -> a("regress", "--verilog", tmp.toString())));
        c.add(refusedIn(
                "regress: --out below a regular file",
                "--out = ",
                t -> a(
                        "regress",
                        "--preset",
                        PRESET,
                        "--seeds",
                        "1",
                        "--out",
                        weights.resolve("sub").toString())));
        c.add(refused(
                "regress: zero seed timeout",
                "--seed-timeout = 0 s is out of range",
                "regress",
                "--seed-timeout",
                "0"));
        c.add(refused(
                "regress: zero stall timeout",
                "--stall-timeout = 0 s is out of range",
                "regress",
                "--stall-timeout",
                "0"));
        c.add(refused("regress: an unknown preset", "preset = nope is unknown", "regress", "--preset", "nope"));
        c.add(refused(
                "regress: a 2x2 preset", "geometry.rows = 2 is out of range", "regress", "--preset", "small:2x2"));
        c.add(refused(
                "cosim: an unknown wave mode",
                "--wave = bogus is unknown: allowed never, always, on-fail",
                "cosim",
                "--wave",
                "bogus"));
        c.add(refused(
                "cosim: an unknown engine",
                "--engine = warp is not an engine: allowed cycle, batched, pipelined",
                "cosim",
                "--engine",
                "warp"));
        c.add(refused(
                "regress: an engine named in capitals",
                "--engine = BATCHED is not an engine: allowed cycle, batched, pipelined",
                "regress",
                "--engine",
                "BATCHED"));
        c.add(refused(
                "calibrate: an empty engine",
                "--engine =  is not an engine: allowed cycle, batched, pipelined",
                "calibrate",
                "--rtl",
                "--engine",
                ""));
        c.add(refused("cosim: an empty window", "--window = 0 is out of range", "cosim", "--window", "0"));
        c.add(refused("cosim: negative cycles", "--cycles = -5 is out of range", "cosim", "--cycles", "-5"));
        c.add(refusedIn(
                "cosim: a binary file as netlist",
                "is not a text file",
                t -> a(
                        "cosim",
                        "--preset",
                        PRESET,
                        "--verilog",
                        file("binary.sv", "module\u0000").toString(),
                        "--out",
                        tmp.resolve("o-bin").toString())));
        c.add(refused("bench: one cycle", "--cycles = 1 is out of range: allowed 100000..", "bench", "--cycles", "1"));
        c.add(refused("bench: no rounds", "--repeat = 0 is out of range", "bench", "--repeat", "0"));
        c.add(refused(
                "calibrate: two billion patterns",
                "--patterns = 2000000000 is out of range",
                "calibrate",
                "--patterns",
                "2000000000"));
        c.add(refused(
                "calibrate: a column injected twice", "column 5 is given twice", "calibrate", "--inject", "5=30,5=40"));
        c.add(refused(
                "calibrate: a malformed injection", "--inject = abc is malformed", "calibrate", "--inject", "abc"));
        c.add(refused("calibrate: an injection beyond int", "is malformed", "calibrate", "--inject", "99999999999=1"));
        c.add(refused(
                "calibrate: a trillion option-2 conversions",
                "--option2 = 1000000x1000000 is out of range",
                "calibrate",
                "--option2",
                "1000000x1000000"));
        c.add(refused(
                "calibrate: a hundred thousand threads",
                "--threads = 100000 is out of range",
                "calibrate",
                "--threads",
                "100000"));
        c.add(refused(
                "calibrate: a negative threshold",
                "--threshold = -1.0 is out of range",
                "calibrate",
                "--threshold",
                "-1"));
        c.add(refused(
                "calibrate: no validation patterns",
                "--validation = 0 is out of range",
                "calibrate",
                "--validation",
                "0"));
        c.add(refused(
                "wine: a hundred thousand threads",
                "--threads = 100000 is out of range",
                "wine",
                "--threads",
                "100000"));
        c.add(refused("wine: a diameter not fabricated", "45", "wine", "--diameter", "45"));
        c.add(refused("wine: no solutions", "--solutions = 0 is out of range", "wine", "--solutions", "0"));
        c.add(refused(
                "mnist: negative co-simulated digits",
                "--cosim-digits = -1 is out of range",
                "mnist",
                "--cosim-digits",
                "-1"));
        Path notes = tmp.resolve("notes.md");
        c.add(new Case(
                "mnist: --train over a file that is no network",
                t -> {
                    file("notes.md", "# my notes\n");
                    return a(
                            "mnist",
                            "--train",
                            "--network",
                            notes.toString(),
                            "--out",
                            tmp.resolve("o-mnist").toString());
                },
                2,
                "exists and is not a network mramcim wrote",
                t -> {
                    try {
                        assertEquals("# my notes\n", Files.readString(notes), "the file is untouched");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }));
        c.add(refusedIn(
                "validate: a missing offsets file",
                "cannot be read",
                t -> a(
                        "validate",
                        "--preset",
                        PRESET,
                        "--offsets",
                        tmp.resolve("none.json").toString())));
        c.add(refusedIn(
                "validate: offsets with a duplicate key",
                "a key is given twice",
                t -> a(
                        "validate",
                        "--preset",
                        PRESET,
                        "--offsets",
                        file("dup-offsets.json", "{\"format\":\"mramcim-offsets/1\",\"rows\":8,\"rows\":8}")
                                .toString())));
        c.add(refusedIn(
                "validate: offsets with trailing content",
                "content after the end",
                t -> a(
                        "validate",
                        "--preset",
                        PRESET,
                        "--offsets",
                        file("trail-offsets.json", read(offsets) + "{}").toString())));
        c.add(refusedIn(
                "validate: offsets of the wrong length",
                "offsets has 4 entries: expected 8",
                t -> a(
                        "validate",
                        "--preset",
                        PRESET,
                        "--offsets",
                        file(
                                        "short-offsets.json",
                                        read(offsets)
                                                .replaceAll("\"offsets\" : \\[[^]]*]", "\"offsets\" : [0, 0, 0, 0]"))
                                .toString())));
        c.add(refusedIn(
                "validate: an offset beyond 8 bits",
                "is out of range: allowed -128..127",
                t -> a(
                        "validate",
                        "--preset",
                        PRESET,
                        "--offsets",
                        file(
                                        "big-offsets.json",
                                        read(offsets).replaceFirst("\"offsets\" : \\[ 0", "\"offsets\" : [ 300"))
                                .toString())));
        c.add(refused(
                "rtl: 200 rows",
                "rows = 200 is out of range: allowed 4..128",
                "rtl",
                "--rows",
                "200",
                "--cols",
                "8",
                "--out",
                "x"));
        c.add(refusedIn(
                "array: a malformed weight CSV",
                "line 2, column 3",
                t -> a(
                        "array",
                        "--preset",
                        PRESET,
                        "--weights",
                        file("bad-w.csv", "1,1,1,1,1,1,1,1\n1,1,x,1,1,1,1,1\n").toString(),
                        "--inputs",
                        inputs.toString())));
        c.add(refused(
                "array: an unknown solver",
                "expected one of [exact, fast, both]",
                "array",
                "--solver",
                "bogus",
                "--weights",
                "w",
                "--inputs",
                "i"));
        c.add(refused("an unknown command", "Unmatched argument", "frobnicate"));
        c.add(refused("an unknown option", "Unknown option: '--frobnicate'", "regress", "--frobnicate"));

        // Merging shards.
        c.add(new Case(
                "merge: one shard of two alone",
                t -> a("merge", shardA.toString(), "--out", tmp.resolve("m1").toString()),
                1,
                "INCOMPLETE",
                t -> assertNoPass(tmp.resolve("m1"))));
        c.add(refusedIn(
                "merge: shards of different counts",
                "only shards of one regression can be merged",
                t -> a(
                        "merge",
                        shardA.toString(),
                        shardOfThree.toString(),
                        "--out",
                        tmp.resolve("m2").toString())));
        c.add(new Case(
                "merge: --out onto an input shard",
                t -> a("merge", shardA.toString(), shardB.toString(), "--out", shardA.toString()),
                2,
                "is an input of this run",
                t -> assertTrue(
                        RegressionReport.read(shardA.resolve("summary.json"))
                                .shard()
                                .equals("1/2"),
                        "the shard's summary is untouched")));
        c.add(mergeEdited(
                "a truncated summary", "is not a readable regression summary", t -> t.substring(0, t.length() / 2)));
        c.add(mergeEdited(
                "a summary of an older format",
                "is a summary of format mramcim-regress-summary/2",
                t -> t.replace(mramcim.verification.regression.RegressionSummary.FORMAT, "mramcim-regress-summary/2")));
        c.add(refusedIn(
                "merge: one shard twice",
                "shard 1/2 is given twice",
                t -> a(
                        "merge",
                        shardA.toString(),
                        shardA.resolve("summary.json").toString(),
                        "--out",
                        tmp.resolve("m6").toString())));
        c.add(mergeEdited(
                "a shard whose seeds were edited",
                "holds seeds",
                t -> t.replaceFirst("\"seed\" : 2,", "\"seed\" : 3,")));
        c.add(mergeEdited(
                "a summary with a duplicate key",
                "a key is given twice ('preset')",
                t -> t.replaceFirst("\\{", "{ \"preset\" : \"x\",")));
        c.add(new Case(
                "merge: a shard that was killed",
                t -> a(
                        "merge",
                        unfinished.toString(),
                        shardB.toString(),
                        "--out",
                        tmp.resolve("m9").toString()),
                1,
                "INCOMPLETE",
                t -> assertNoPass(tmp.resolve("m9"))));
        c.add(refusedIn(
                "merge: a missing directory",
                "does not exist",
                t -> a("merge", tmp.resolve("nowhere").toString())));
        traces(c);
        slurm(c);
        bench(c);
        return c.stream();
    }

    private static Path bench;

    /** A small bench run of the 8x8 preset (issue 24), written once. */
    static synchronized Path bench(Path t) {
        if (bench == null) {
            Path d = t.resolve("bench");
            CliRun r = CliRun.of(
                    "measure",
                    "--preset",
                    PRESET,
                    "--plan",
                    "calibration=4,heldout=4,fit=2x16,repeat=4x2",
                    "--date",
                    "2026-12-01",
                    "--out",
                    d.toString(),
                    "--no-progress");
            assertEquals(0, r.code(), r.out() + r.err());
            bench = d;
        }
        return bench;
    }

    /** A copy of the bench run with one code of conversions.csv line 5 replaced by {@code code}. */
    static Path benchWithCode(Path t, String name, String code) {
        Path d = t.resolve(name);
        try {
            Files.createDirectories(d);
            for (String file : mramcim.calibration.measured.MeasurementFiles.FILES) {
                Files.copy(bench(t).resolve(file), d.resolve(file));
            }
            Path f = d.resolve("conversions.csv");
            List<String> lines = new ArrayList<>(Files.readAllLines(f));
            String l = lines.get(4);
            lines.set(4, l.substring(0, l.lastIndexOf(',') + 1) + code);
            Files.write(f, lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return d;
    }

    /** Bench runs and fits (issue 24): the measurement format and the options around it. */
    static void bench(List<Case> c) {
        c.add(refused(
                "vgg8: an unknown error mode",
                "--errors = bogus is not a mode: allowed measured, fastpath, both",
                "vgg8",
                "--errors",
                "bogus"));
        c.add(refused(
                "vgg8: negative co-simulated digits",
                "--cosim-images = -1 is out of range",
                "vgg8",
                "--cosim-images",
                "-1"));
        c.add(refused(
                "measure: an unknown plan", "--plan = bogus is malformed at 'bogus'", "measure", "--plan", "bogus"));
        c.add(refused(
                "measure: a pattern repeated once",
                "--plan repeat = 5x1 is out of range",
                "measure",
                "--plan",
                "repeat=5x1"));
        c.add(refused(
                "measure: a key given twice", "heldout is given twice", "measure", "--plan", "heldout=3,heldout=4"));
        c.add(refused(
                "measure: no held-out patterns",
                "--plan heldout = 0 is out of range",
                "measure",
                "--plan",
                "heldout=0"));
        c.add(refused(
                "measure: an injected column beyond the die",
                "--inject column = 99 is out of range",
                "measure",
                "--preset",
                PRESET,
                "--inject",
                "99=20"));
        c.add(refused(
                "measure: a day that does not exist",
                "--date = 2026-02-30 is not a date",
                "measure",
                "--date",
                "2026-02-30"));
        c.add(refused("measure: a die name with a space", "is not a die name", "measure", "--die", "my chip"));
        c.add(refused("fit: no measurement", "Missing required option", "fit"));
        c.add(refusedIn(
                "fit: a measurement directory that does not exist",
                "is not a directory",
                t -> a(
                        "fit",
                        "--measured",
                        t.resolve("no-bench").toString(),
                        "--out",
                        t.resolve("f1").toString())));
        c.add(refusedIn(
                "fit: a design of another size",
                "is 8 x 8 but the design small:16x16 is 16 x 16",
                t -> a(
                        "fit",
                        "--measured",
                        bench(t).toString(),
                        "--preset",
                        "small:16x16",
                        "--out",
                        t.resolve("f2").toString())));
        c.add(refusedIn(
                "fit: a design with another frame",
                "used frameCycles = 180 but the design",
                t -> a(
                        "fit",
                        "--measured",
                        bench(t).toString(),
                        "--config",
                        file("frame.json", config.replace("\"frameCycles\" : 180", "\"frameCycles\" : 200"))
                                .toString(),
                        "--out",
                        t.resolve("f3").toString())));
        c.add(refusedIn(
                "calibrate: --inject with --measured",
                "--inject does not apply with --measured",
                t -> a(
                        "calibrate",
                        "--measured",
                        bench(t).toString(),
                        "--inject",
                        "1=20",
                        "--out",
                        t.resolve("c1").toString())));
        c.add(refusedIn(
                "calibrate: --patterns that the measurement does not hold",
                "--patterns = 9 does not match the measurement: it holds 4",
                t -> a(
                        "calibrate",
                        "--measured",
                        bench(t).toString(),
                        "--patterns",
                        "9",
                        "--out",
                        t.resolve("c2").toString())));
        c.add(refusedIn(
                "calibrate: a measured code beyond the counter",
                "conversions.csv line 5, column",
                t -> a(
                        "calibrate",
                        "--measured",
                        benchWithCode(t, "bench-big", "70000").toString(),
                        "--out",
                        t.resolve("c3").toString())));
        c.add(refusedIn(
                "calibrate: a measured code that is not a number",
                "code_7 = '1e3' is not an integer",
                t -> a(
                        "calibrate",
                        "--measured",
                        benchWithCode(t, "bench-text", "1e3").toString(),
                        "--out",
                        t.resolve("c4").toString())));
        c.add(refusedIn(
                "validate: offsets of another size on a measured die",
                "made for a 4 x 4 macro, this one is 8 x 8",
                t -> {
                    Path o = t.resolve("offsets-4x4.json");
                    new OffsetsFile(4, 4, null, new int[4], null, null, null).write(o);
                    return a(
                            "validate",
                            "--measured",
                            bench(t).toString(),
                            "--offsets",
                            o.toString(),
                            "--out",
                            t.resolve("v1").toString());
                }));
    }

    /** A trace of the 8x8 preset that passes on the generated RTL (three commands). */
    static Path passingTrace(Path t) {
        return write(
                t.resolve("passing.trace"),
                "trace 1 seed=1 design=" + PRESET
                        + "\n+0 WRITE_REG addr=0x2 data=0x20\n+2 COMPUTE\n+40 READ_RESULT\nend +3\n");
    }

    /** Regressions on Slurm (issue 23), without a Slurm controller. */
    static void slurm(List<Case> c) {
        c.add(refused(
                "regress: --shards without --scheduler slurm",
                "--shards needs --scheduler slurm",
                "regress",
                "--shards",
                "4"));
        c.add(refused(
                "regress: an unknown scheduler",
                "--scheduler = lsf is not known: allowed local, slurm",
                "regress",
                "--scheduler",
                "lsf"));
        c.add(refused(
                "regress: no shard for Slurm",
                "--shards = 0 is out of range",
                "regress",
                "--scheduler",
                "slurm",
                "--shards",
                "0"));
        c.add(refused(
                "regress: more shards than seeds",
                "--shards = 9 is out of range: allowed 1..8",
                "regress",
                "--scheduler",
                "slurm",
                "--shards",
                "9",
                "--seeds",
                "8"));
        c.add(refusedIn(
                "regress: --rerun-missing of a directory no Slurm run wrote",
                "no slurm/job.json there",
                t -> a("regress", "--scheduler", "slurm", "--rerun-missing", t.toString())));
        c.add(refusedIn(
                "regress on Slurm without a controller",
                "sbatch",
                t -> a(
                        "regress",
                        "--preset",
                        PRESET,
                        "--seeds",
                        "2",
                        "--cycles",
                        "100",
                        "--scheduler",
                        "slurm",
                        "--shards",
                        "2",
                        "--no-corpus",
                        "--out",
                        t.resolve("no-controller").toString())));
    }

    /** Command traces, shrinking, the corpus and waveform pictures (issue 22). */
    static void traces(List<Case> c) {
        c.add(refusedIn(
                "cosim: a trace file that is not there",
                "--trace",
                t -> a("cosim", "--trace", t.resolve("none.trace").toString())));
        c.add(refusedIn(
                "cosim: a trace cut off before its end line",
                "no 'end +N' line",
                t -> a(
                        "cosim",
                        "--trace",
                        write(t.resolve("cut.trace"), "trace 1 seed=1 design=" + PRESET + "\n+0 COMPUTE\n")
                                .toString())));
        c.add(refusedIn(
                "cosim: a trace with a binary line",
                "cut2.trace:2:1:",
                t -> a(
                        "cosim",
                        "--trace",
                        write(
                                        t.resolve("cut2.trace"),
                                        "trace 1 seed=1 design=" + PRESET + "\n\u0001\u0002\u00ff\nend +0\n")
                                .toString())));
        c.add(refusedIn(
                "cosim: a trace of an unknown preset",
                "small:0x0",
                t -> a(
                        "cosim",
                        "--trace",
                        write(t.resolve("unknown.trace"), "trace 1 seed=1 design=small:0x0\nend +0\n")
                                .toString())));
        c.add(refusedIn(
                "cosim: a trace with another --seed",
                "runs on the die of seed 1",
                t -> a("cosim", "--trace", passingTrace(t).toString(), "--seed", "2")));
        c.add(refusedIn(
                "cosim: a trace with another --preset",
                "runs on the design " + PRESET,
                t -> a("cosim", "--trace", passingTrace(t).toString(), "--preset", "jung2022")));
        c.add(refusedIn(
                "shrink: a trace that passes",
                "there is no failure to shrink",
                t -> a(
                        "shrink",
                        "--trace",
                        passingTrace(t).toString(),
                        "--out",
                        t.resolve("sh1").toString())));
        c.add(refused(
                "shrink: a replay that is not a cosim command",
                "is not a cosim command",
                "shrink",
                "--replay",
                "rm -rf /"));
        c.add(refused(
                "shrink: a replay with an option shrink does not replay",
                "'--count-all' is not an option shrink replays",
                "shrink",
                "--replay",
                "scripts/mramcim cosim --count-all --seed 1"));
        c.add(refused(
                "shrink: a replay with a seed that is not a number",
                "--seed 'one' is not a count",
                "shrink",
                "--replay",
                "scripts/mramcim cosim --seed one"));
        c.add(refusedIn(
                "shrink: both --trace and --replay",
                "mutually exclusive",
                t -> a("shrink", "--trace", passingTrace(t).toString(), "--replay", "cosim --seed 1")));
        c.add(refused(
                "shrink: a budget of 0 s",
                "--budget = 0 is out of range",
                "shrink",
                "--replay",
                "cosim",
                "--budget",
                "0"));
        c.add(refusedIn(
                "corpus add: a name with a slash",
                "is not a trace name",
                t -> a(
                        "corpus",
                        "add",
                        passingTrace(t).toString(),
                        "--name",
                        "../x",
                        "--corpus",
                        t.resolve("cp").toString())));
        c.add(refusedIn(
                "regress: a corpus that is not there",
                "--corpus",
                t -> a(
                        "regress",
                        "--preset",
                        PRESET,
                        "--corpus",
                        t.resolve("no-corpus").toString())));
        c.add(refusedIn(
                "wave: --from past the run",
                "is past the run's last edge",
                t -> a(
                        "wave",
                        "--trace",
                        passingTrace(t).toString(),
                        "--from",
                        "100000",
                        "--out",
                        t.resolve("w.svg").toString())));
        c.add(refusedIn(
                "wave: a row that does not exist",
                "--rows: no row 'rsp_dta'",
                t -> a(
                        "wave",
                        "--trace",
                        passingTrace(t).toString(),
                        "--rows",
                        "rsp_dta",
                        "--out",
                        t.resolve("w2.svg").toString())));
    }

    /** Merge of shard 1/2 with shard 2/2's summary edited by {@code edit}. */
    static Case mergeEdited(String kind, String expect, java.util.function.UnaryOperator<String> edit) {
        return refusedIn("merge: " + kind, expect, t -> {
            Path d = tmp.resolve(kind.replaceAll("\\W+", "-"));
            copy(shardB, d);
            write(d.resolve("summary.json"), edit.apply(read(d.resolve("summary.json"))));
            return a(
                    "merge",
                    shardA.toString(),
                    d.toString(),
                    "--out",
                    d.resolveSibling(d.getFileName() + "-merged").toString());
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileInputGivesItsNamedOutcome(Case c) {
        CliRun r = CliRun.of(c.args().apply(tmp));
        String line =
                c.exit() == 2 ? r.firstErrorLine() : r.out().lines().findFirst().orElse("");
        System.out.println("HOSTILE | " + c.kind() + " | exit " + r.code() + " | " + line);
        assertEquals(c.exit(), r.code(), c.kind() + ": out=" + r.out() + " err=" + r.err());
        String where = c.exit() == 2 ? r.err() : r.out();
        assertTrue(where.contains(c.expect()), c.kind() + ": expected '" + c.expect() + "' in: " + where);
        if (c.exit() == 2) {
            assertFalse(
                    line.matches(".*\\b(java|javax|sun|com\\.fasterxml|picocli|mramcim)\\.[a-z]+\\..*")
                            || line.contains("Exception")
                            || line.contains("`"),
                    c.kind() + ": a Java name in the message: " + line);
        }
        if (c.exit() != 0) {
            assertFalse(
                    r.out().lines().anyMatch(l -> l.startsWith("PASS")), c.kind() + ": a PASS was printed: " + r.out());
        }
        if (c.after() != null) {
            c.after().accept(tmp);
        }
    }

    @Test
    void everyCommandAnswersHelp() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
            CliRun r = CliRun.of(name, "--help");
            assertEquals(0, r.code(), name + " --help: " + r.err());
            assertTrue(r.out().contains("Usage: mramcim " + name), name + " --help prints its usage: " + r.out());
        }
    }

    static void assertNoPass(Path dir) {
        NoPass.assertNone(dir);
    }

    static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path write(Path f, String text) {
        try {
            Files.writeString(f, text);
            return f;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            Files.copy(
                    from.resolve("summary.json"),
                    to.resolve("summary.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
