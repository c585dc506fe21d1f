package mramcim.verification.mutation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mramcim.results.StableId;
import mramcim.verification.yosys.Yosys;

/**
 * Decides with yosys' own SAT solver whether a surviving mutant can be told from the original at
 * all. First yosys' equivalence flow ({@code equiv_make}, {@code equiv_simple}, {@code
 * equiv_induct}): every register and every signal outside the mutation's combinational fan-out is
 * paired with the original's of the same name, and the pairs and the outputs are proven equal
 * together by induction from a common state, which closes for the mutants that force a bit to the
 * value it always has or whose effect the logic after it masks. What that cannot prove goes to a
 * miter of original and mutant ({@code miter -equiv}) and a temporal induction ({@code sat
 * -tempinduct -prove trigger 0}) from the reset state, bounded to {@code maxSteps} cycles: a
 * counterexample makes the mutant not equivalent (a hole in the regression), induction closing
 * makes it equivalent, and neither within the bound leaves it undecided, which counts as not
 * detected.
 */
public final class EquivalenceCheck {

    /** The classification of a survivor; stable ids. */
    public enum Result implements StableId {
        /** Proven to behave as the original for every input sequence: excluded from the score. */
        EQUIVALENT("equivalent"),
        /** A counterexample exists: the regression missed a real difference. */
        NOT_EQUIVALENT("not-equivalent"),
        /** Neither proven nor refuted within the bound: counted as not detected. */
        UNDECIDED("undecided");

        private final String id;

        Result(String id) {
            this.id = id;
        }

        @JsonValue
        @Override
        public String id() {
            return id;
        }

        @JsonCreator
        public static Result of(String id) {
            return StableId.of(Result.class, id, "equivalence result");
        }
    }

    /**
     * What the check found.
     *
     * @param method how: "equiv_induct", "sat -tempinduct", or the bound reached
     * @param cycle for a counterexample, the cycle (from reset) at which the outputs first differ;
     *     else 0
     */
    public record Verdict(Result result, String method, int cycle, double seconds) {}

    private static final Pattern BASE_PROVEN = Pattern.compile("Base case for induction length (\\d+) proven");

    private EquivalenceCheck() {}

    /**
     * Checks mutant {@code m} of {@code top} in {@code designIl} (the flattened design as RTLIL),
     * in the working directory {@code y}.
     */
    public static Verdict check(Yosys y, String designIl, String top, Mutant m, int maxSteps, int timeoutSeconds) {
        // timeoutSeconds bounds the whole check of one survivor (yosys is stopped there), and
        // each SAT call within it.
        long t0 = System.nanoTime();
        String name = "eq-" + m.index();
        // The named signals the mutation can change within the cycle (its cell's combinational
        // fan-out, up to the next registers), less the top's outputs: they are not paired, so the
        // proof does not stop at an internal difference the outputs and registers never see (a
        // bit the output clamp removes). Every other signal, and every register, stays paired: the
        // cut points that keep the SAT problems small (the two multipliers are never compared).
        String coneFile = name + "-cone.txt";
        String outsFile = name + "-outputs.txt";
        y.run(
                name + "-cone",
                List.of(
                        "read_rtlil " + designIl,
                        "cd " + top,
                        "select -write " + coneFile + " c:" + m.cell() + " %co*:-$dff w:* %i",
                        "select -write " + outsFile + " o:*"));
        y.write(name + "-blacklist.txt", String.join("\n", unpaired(y.read(coneFile), y.read(outsFile), top)) + "\n");
        String log;
        try {
            log = y.run(
                    name + "-equiv",
                    List.of(
                            goldAndGate(designIl, top, m),
                            "opt_clean",
                            "equiv_make -blacklist " + name + "-blacklist.txt gold gate equiv",
                            "hierarchy -top equiv",
                            "equiv_simple -seq 5",
                            "equiv_induct -seq 5",
                            "equiv_status"),
                    java.time.Duration.ofSeconds(timeoutSeconds));
        } catch (Yosys.TimeoutException e) {
            return new Verdict(
                    Result.UNDECIDED,
                    "the induction proof did not finish within " + timeoutSeconds + " s",
                    0,
                    seconds(t0));
        }
        if (log.contains("Equivalence successfully proven") || log.contains("and 0 are unproven")) {
            return new Verdict(Result.EQUIVALENT, "equiv_induct", 0, seconds(t0));
        }
        String sat;
        double left = Math.max(1, timeoutSeconds - seconds(t0));
        try {
            sat = y.run(
                    name + "-sat",
                    List.of(
                            goldAndGate(designIl, top, m),
                            "miter -equiv -flatten -make_outputs -ignore_gold_x gold gate miter",
                            "hierarchy -top miter",
                            "sat -tempinduct -prove trigger 0 -set-init-zero -set-at 1 in_reset 1 -maxsteps "
                                    + maxSteps
                                    + " -timeout "
                                    + timeoutSeconds
                                    + " miter"),
                    java.time.Duration.ofMillis((long) (left * 1000)));
        } catch (Yosys.TimeoutException e) {
            return new Verdict(
                    Result.UNDECIDED,
                    "no proof and no counterexample within "
                            + timeoutSeconds
                            + " s (the base case holds"
                            + " for "
                            + baseProven(e.log())
                            + " cycles from reset)",
                    0,
                    seconds(t0));
        } catch (IllegalStateException e) {
            return new Verdict(
                    Result.UNDECIDED,
                    "sat failed: " + e.getMessage().lines().findFirst().orElse(""),
                    0,
                    seconds(t0));
        }
        if (sat.contains("model found for base case: FAIL")) {
            return new Verdict(
                    Result.NOT_EQUIVALENT, "sat -tempinduct counterexample", baseProven(sat) + 1, seconds(t0));
        }
        if (sat.contains("SUCCESS")) {
            return new Verdict(Result.EQUIVALENT, "sat -tempinduct", 0, seconds(t0));
        }
        return new Verdict(
                Result.UNDECIDED, "no proof and no counterexample within " + maxSteps + " cycles", 0, seconds(t0));
    }

    /**
     * The public wire names of {@code cone} (yosys' {@code select -write} list, "top/name" per
     * line) that are not outputs of the top: the signals {@code equiv_make} is told not to pair.
     */
    static List<String> unpaired(String cone, String outputs, String top) {
        java.util.Set<String> outs =
                new java.util.HashSet<>(outputs.lines().map(String::strip).toList());
        return cone.lines()
                .map(String::strip)
                .filter(l -> l.startsWith(top + "/") && !outs.contains(l))
                .map(l -> l.substring(top.length() + 1))
                .filter(n -> !n.startsWith("$"))
                .sorted()
                .toList();
    }

    /**
     * The longest induction length whose base case yosys proved: no difference within that many
     * cycles of reset.
     */
    private static int baseProven(String log) {
        int proven = 0;
        Matcher b = BASE_PROVEN.matcher(log);
        while (b.find()) {
            proven = Math.max(proven, Integer.parseInt(b.group(1)));
        }
        return proven;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /**
     * yosys commands: the original as module {@code gold}, the mutant (mutation always on) as
     * {@code gate}.
     */
    private static String goldAndGate(String designIl, String top, Mutant m) {
        return String.join(
                "\n", "read_rtlil " + designIl, "copy " + top + " gate", "rename " + top + " gold", m.always("gate"));
    }
}
