package mramcim.verification.mutation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.model.config.MacroConfig;
import mramcim.model.periphery.Hierarchy;
import mramcim.results.Parallel;
import mramcim.results.StableId;
import mramcim.rtl.Generator;
import mramcim.verification.coverage.CodeCoverage;
import mramcim.verification.coverage.MutationScore;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.regression.Regression;
import mramcim.verification.regression.RegressionSummary;
import mramcim.verification.regression.SeedJob;
import mramcim.verification.regression.SeedResult;
import mramcim.verification.regression.Shard;
import mramcim.verification.regression.WaveMode;
import mramcim.verification.regression.WorkerPool;
import mramcim.verification.yosys.Yosys;

/**
 * How many real RTL bugs the regression catches (YosysHQ MCY's method): mutations sampled from the
 * flattened generated macro with yosys' {@code mutate -list}, all built into one netlist in which
 * the input {@code mutsel} selects one mutation (0: none), so Verilator compiles once. Each mutant
 * runs the regression budget (seeds 1..K of the regression's stimulus) in lockstep with the Java
 * model until its first failing seed: it is killed. A survivor goes to {@link EquivalenceCheck};
 * the score is killed / (all - equivalent). Every survivor is reported with its source line and the
 * code-coverage points of that line that the regression never hit.
 */
public final class MutationCampaign {

    /** The input that selects the mutation. */
    public static final String MUTSEL = "mutsel";

    /**
     * What to run.
     *
     * @param mutants how many mutations to sample
     * @param seed yosys' sampling seed
     * @param seedsPerMutant the regression budget: seeds 1..K per mutant
     * @param cycles cycles per seed
     * @param satSteps bound of the equivalence check's temporal induction, cycles
     * @param satTimeout time a single SAT call may take, seconds
     * @param codeCoverage also run the code coverage of the original on the same seeds, for the
     *     holes
     */
    public record Options(
            MacroConfig config,
            String preset,
            int mutants,
            long seed,
            int jobs,
            int seedsPerMutant,
            long cycles,
            int satSteps,
            int satTimeout,
            WorkerPool.Limits limits,
            boolean codeCoverage) {
        public Options {
            if (mutants < 1 || mutants > MAX_MUTANTS) {
                throw new IllegalArgumentException(
                        "--mutants = " + mutants + " is out of range: allowed 1.." + MAX_MUTANTS);
            }
            if (seedsPerMutant < 1 || seedsPerMutant > 1000) {
                throw new IllegalArgumentException("--seeds = " + seedsPerMutant + " is out of range: allowed 1..1000");
            }
        }
    }

    /** Most mutants of a campaign (the width of {@code mutsel} follows). */
    public static final int MAX_MUTANTS = 10_000;

    /** What became of a mutant; stable ids. */
    public enum Status implements StableId {
        /** A seed failed on it. */
        KILLED("killed"),
        /**
         * Every seed of the budget passed, and the equivalence check proved it cannot be told
         * apart.
         */
        EQUIVALENT("equivalent"),
        /**
         * Every seed passed, and it can be told apart (a counterexample) or could not be proven
         * equivalent within the SAT check's bound: a hole in the regression, or unproven.
         */
        NOT_DETECTED("not-detected");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        @JsonValue
        @Override
        public String id() {
            return id;
        }

        @JsonCreator
        public static Status of(String id) {
            return StableId.of(Status.class, id, "mutant status");
        }

        /** Column of the status in the report's tables: killed, equivalent, not detected. */
        int ordinalIndex() {
            return ordinal();
        }
    }

    /**
     * One mutant's outcome.
     *
     * @param killedBy the seed that killed it, or null
     * @param detail the killing seed's first failure, or the equivalence check's finding
     * @param source the generated Verilog line the mutated cell comes from
     * @param coverageHoles code-coverage points of that line that the regression never hit
     */
    public record MutantResult(
            int index,
            String mode,
            String target,
            List<Integer> sourceLines,
            String source,
            Status status,
            Long killedBy,
            String detail,
            double seconds,
            EquivalenceCheck.Verdict equivalence,
            List<String> coverageHoles) {}

    /**
     * The campaign.
     *
     * @param notDetected survivors not proven equivalent
     * @param undecided of those, the ones with neither a proof nor a counterexample within the
     *     bound
     * @param score killed / (all - equivalent), percent
     * @param designSha256 SHA-256 of the generated Verilog the mutants were drawn from
     */
    public record Result(
            String preset,
            int rows,
            int cols,
            int mutants,
            long yosysSeed,
            int seedsPerMutant,
            long cycles,
            int killed,
            int equivalent,
            int notDetected,
            int undecided,
            double score,
            double seconds,
            double buildSeconds,
            double secondsPerMutant,
            List<MutantResult> results,
            CodeCoverage.Summary codeCoverage,
            String designSha256) {}

    private MutationCampaign() {}

    /**
     * The campaign's netlist: the generated top with every sampled mutation behind {@code mutsel}
     * ({@code mutsel = k} switches mutant k on, 0 none).
     *
     * @param file the Verilog yosys wrote
     * @param mutants the mutations, in {@code mutsel} order
     */
    public record MutatedNetlist(Path file, List<Mutant> mutants) {}

    /**
     * Samples the options' mutations with yosys and writes the netlist holding them all, in {@code
     * work}.
     */
    public static MutatedNetlist mutatedNetlist(Options o, Path work, Consumer<String> log) {
        String top = Hierarchy.TOP;
        String verilog = Generator.emit(top, o.config().rows(), o.config().cols());
        Yosys y = Yosys.in(work);
        y.write("design.sv", verilog);
        log.accept("sampling " + o.mutants() + " mutations with yosys mutate -list (seed " + o.seed() + ")");
        y.run(
                "list",
                List.of(
                        "read_verilog -sv design.sv",
                        "prep -top " + top,
                        "flatten",
                        "opt_clean",
                        "write_rtlil design.il",
                        // -none puts a "none" entry first and counts it among the -list N (yosys
                        // 0.23):
                        // ask for one more so that the campaign has exactly --mutants mutations.
                        "mutate -list " + (o.mutants() + 1) + " -seed " + o.seed() + " -none -o mutations.txt"));
        List<Mutant> mutants = Mutant.parse(y.read("mutations.txt"));
        int width = Math.max(1, 32 - Integer.numberOfLeadingZeros(mutants.size()));
        List<String> build = new ArrayList<>(List.of("read_rtlil design.il"));
        mutants.forEach(m -> build.add(m.controlled(top, MUTSEL, width)));
        build.addAll(List.of("opt_clean", "write_verilog -noattr mutated.v"));
        y.run("mutated", build);
        return new MutatedNetlist(y.dir().resolve("mutated.v"), mutants);
    }

    /**
     * Runs the campaign with its files in {@code out}; {@code log} hears of each step, {@code done}
     * of each mutant.
     */
    public static Result run(Options o, Path out, AtomicBoolean stop, Consumer<String> log, LongConsumer done)
            throws InterruptedException {
        long t0 = System.nanoTime();
        String top = Hierarchy.TOP;
        String verilog = Generator.emit(top, o.config().rows(), o.config().cols());
        MutatedNetlist netlist = mutatedNetlist(o, out.resolve("work"), log);
        List<Mutant> mutants = netlist.mutants();
        Yosys y = Yosys.in(out.resolve("work"));

        List<Long> seeds = Shard.whole(1, o.seedsPerMutant()).seeds();
        CosimRun.Options base = new CosimRun.Options(
                o.config(), o.preset(), 1, o.cycles(), List.of(netlist.file()), false, false, Map.of(MUTSEL, 0L));
        // yosys writes explicit-width-free expressions, so Verilator warns (WIDTH) on its netlist
        // by
        // the dozen: of no interest here, as the mutsel = 0 check below proves the rewrite
        // faithful.
        NativeBuild lib = CosimRun.library(base, line -> {
            if (!line.startsWith("verilator: %Warning") && !line.startsWith("verilator: ... ")) {
                log.accept(line);
            }
        });
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        SeedJob job = SeedJob.of(base, WaveMode.NEVER, 1, out, true, false, lib);
        WorkerPool pool = new WorkerPool(
                job,
                o.limits(),
                out.toAbsolutePath(),
                out.toAbsolutePath().resolve(Regression.LOG_DIR),
                stop,
                n -> {},
                null);

        // The netlist with no mutation switched on must be the original: every seed passes.
        log.accept("checking the mutated netlist with " + MUTSEL + " = 0 against the model");
        for (SeedResult r : pool.run(seeds, o.jobs())) {
            if (!r.status().id().equals("PASS")) {
                throw new IllegalStateException("the mutated netlist with "
                        + MUTSEL
                        + " = 0 fails seed "
                        + r.seed()
                        + " ("
                        + r.detail()
                        + "): yosys' rewrite of the design is not the original");
            }
        }

        log.accept("running "
                + mutants.size()
                + " mutants, "
                + seeds.size()
                + " seeds x "
                + o.cycles()
                + " cycles each at most");
        List<WorkerPool.Task<Killing>> tasks = new ArrayList<>();
        for (Mutant m : mutants) {
            tasks.add(new WorkerPool.Task<>() {
                @Override
                public Killing run(WorkerPool.Runner runner) throws InterruptedException {
                    long s0 = System.nanoTime();
                    try {
                        for (long seed : seeds) {
                            SeedResult r = runner.seed(seed, Map.of(MUTSEL, (long) m.index()));
                            if (r.failed()) {
                                return new Killing(
                                        seed, r.status().id() + " (" + r.cause().id() + "): " + r.detail(), secs(s0));
                            }
                        }
                        return new Killing(null, null, secs(s0));
                    } finally {
                        done.accept(1);
                    }
                }

                @Override
                public Killing notRun() {
                    return new Killing(null, "not run (stopped)", 0);
                }
            });
        }
        List<Killing> kills = pool.runTasks(tasks, o.jobs());
        if (stop.get()) {
            throw new InterruptedException("stopped");
        }

        CodeCoverage.Summary coverage = o.codeCoverage() ? referenceCoverage(o, seeds, out, stop, log) : null;
        List<Integer> survivors = new ArrayList<>();
        for (int k = 0; k < mutants.size(); k++) {
            if (kills.get(k).seed() == null) {
                survivors.add(k);
            }
        }
        log.accept(String.format(Locale.ROOT, "%d mutants run in %.0f s", mutants.size(), secs(t0) - buildSeconds));
        log.accept("checking "
                + survivors.size()
                + " survivors for equivalence (yosys equiv_*, then sat -tempinduct up to "
                + o.satSteps()
                + " cycles)");
        List<EquivalenceCheck.Verdict> verdicts = Parallel.map(survivors, o.jobs(), "equivalence", k -> {
            EquivalenceCheck.Verdict v =
                    EquivalenceCheck.check(y, "design.il", top, mutants.get(k), o.satSteps(), o.satTimeout());
            log.accept(String.format(
                    Locale.ROOT,
                    "mutant %d: %s (%s) in %.1f s",
                    mutants.get(k).index(),
                    v.result().id(),
                    v.method(),
                    v.seconds()));
            return v;
        });

        String[] lines = verilog.split("\n", -1);
        List<MutantResult> results = new ArrayList<>();
        int killed = 0;
        int equivalent = 0;
        int undecided = 0;
        for (int k = 0; k < mutants.size(); k++) {
            Mutant m = mutants.get(k);
            Killing kill = kills.get(k);
            List<Integer> src = m.sourceLines();
            String source =
                    src.isEmpty() || src.get(0) < 1 || src.get(0) > lines.length ? "" : lines[src.get(0) - 1].strip();
            if (kill.seed() != null) {
                killed++;
                results.add(new MutantResult(
                        m.index(),
                        m.mode(),
                        m.target(),
                        src,
                        source,
                        Status.KILLED,
                        kill.seed(),
                        kill.detail(),
                        kill.seconds(),
                        null,
                        List.of()));
                continue;
            }
            EquivalenceCheck.Verdict v = verdicts.get(survivors.indexOf(k));
            String detail = v.result().id()
                    + " ("
                    + v.method()
                    + (v.cycle() > 0 ? ", differs at cycle " + v.cycle() : "")
                    + ")";
            Status status = v.result() == EquivalenceCheck.Result.EQUIVALENT ? Status.EQUIVALENT : Status.NOT_DETECTED;
            equivalent += status == Status.EQUIVALENT ? 1 : 0;
            undecided += v.result() == EquivalenceCheck.Result.UNDECIDED ? 1 : 0;
            results.add(new MutantResult(
                    m.index(),
                    m.mode(),
                    m.target(),
                    src,
                    source,
                    status,
                    null,
                    detail,
                    kill.seconds(),
                    v,
                    holes(coverage, src)));
        }
        int n = mutants.size();
        int notDetected = n - killed - equivalent;
        double score = n - equivalent == 0 ? 100 : 100.0 * killed / (n - equivalent);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(
                o.preset(),
                o.config().rows(),
                o.config().cols(),
                n,
                o.seed(),
                o.seedsPerMutant(),
                o.cycles(),
                killed,
                equivalent,
                notDetected,
                undecided,
                score,
                seconds,
                buildSeconds,
                (seconds - buildSeconds) / Math.max(1, n),
                results,
                coverage,
                MutationScore.designSha256(verilog));
    }

    private record Killing(Long seed, String detail, double seconds) {}

    /** The code coverage of the original design on the campaign's seeds. */
    private static CodeCoverage.Summary referenceCoverage(
            Options o, List<Long> seeds, Path out, AtomicBoolean stop, Consumer<String> log)
            throws InterruptedException {
        log.accept("running the original with --code-coverage on the same seeds, for the holes the survivors point to");
        Shard shard = Shard.whole(1, seeds.size());
        Regression.Options r = new Regression.Options(
                o.config(), o.preset(), seeds, o.cycles(), o.jobs(), List.of(), 1, shard, o.limits(), true);
        NativeBuild lib = CosimRun.library(r.seed(1), log);
        Path dir = out.resolve("reference");
        RegressionSummary s = Regression.run(r, lib, dir, stop, n -> {});
        return s.codeCoverage();
    }

    /** The never-hit coverage points on the mutant's source lines. */
    private static List<String> holes(CodeCoverage.Summary c, List<Integer> lines) {
        if (c == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String h : c.uncovered()) {
            for (int l : lines) {
                if (h.contains(":" + l + " ")) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
