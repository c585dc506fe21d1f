package mramcim.calibration.measured;

import java.util.LinkedHashMap;
import java.util.Map;
import mramcim.calibration.CalibrationRun;
import mramcim.model.config.MacroConfig;

/**
 * What a bench run measures (docs/measurements.md): SPEC 6 step 1 always, then K calibration
 * patterns and held-out patterns (each a fresh weight set, as {@code mramcim calibrate} runs them),
 * then the twin's fit patterns (a few weight sets, many inputs each: programming is the slow part
 * on a chip) and the repeated patterns the jitter is measured from.
 *
 * @param calibration K, SPEC 6 step 2 patterns
 * @param heldout held-out patterns (SPEC 6 step 3; the fit's held-out check)
 * @param fitSets weight sets of the fit patterns
 * @param fitInputs input vectors per fit weight set
 * @param repeatPatterns patterns converted repeatedly (one weight set)
 * @param repeatTimes conversions of each repeated pattern
 */
public record BenchPlan(int calibration, int heldout, int fitSets, int fitInputs, int repeatPatterns, int repeatTimes) {

    /** Fit weight sets of the {@code twin} plan. */
    public static final int TWIN_FIT_SETS = 8;

    /**
     * Fit inputs per weight set of the {@code twin} plan, per row: each column has four delay
     * contributions per cell to fit, so 8 sets x 4 ROWS inputs give eight conversions per unknown.
     */
    public static final int TWIN_FIT_INPUTS_PER_ROW = 4;

    /** Repeated patterns of the {@code twin} plan, and how often each is converted. */
    public static final int TWIN_REPEAT_PATTERNS = 50;

    public static final int TWIN_REPEAT_TIMES = 4;

    /** Most conversions a plan may ask for. */
    public static final long MAX_CONVERSIONS = 10_000_000L;

    public BenchPlan {
        check("calibration", calibration, 1);
        check("heldout", heldout, 1);
        check("fit sets", fitSets, 0);
        check("fit inputs", fitInputs, 0);
        check("repeat patterns", repeatPatterns, 0);
        check("repeat times", repeatTimes, 0);
        if ((fitSets == 0) != (fitInputs == 0)) {
            throw new IllegalArgumentException("--plan fit = " + fitSets + "x" + fitInputs
                    + " is out of range: allowed SETSxINPUTS both 0 (no fit patterns) or both 1 or more");
        }
        if ((repeatPatterns == 0) != (repeatTimes == 0) || repeatTimes == 1) {
            throw new IllegalArgumentException("--plan repeat = " + repeatPatterns + "x" + repeatTimes
                    + " is out of range: allowed PATTERNSxTIMES with TIMES 2 or more, or 0x0");
        }
        if (conversions() > MAX_CONVERSIONS) {
            throw new IllegalArgumentException(
                    "--plan asks for " + conversions() + " conversions: allowed at most " + MAX_CONVERSIONS);
        }
    }

    private static void check(String what, int v, int min) {
        if (v < min || v > MAX_CONVERSIONS) {
            throw new IllegalArgumentException(
                    "--plan " + what + " = " + v + " is out of range: allowed " + min + ".." + MAX_CONVERSIONS);
        }
    }

    /** Conversions of the plan (step 1 counts 2, or 3 with its reference). */
    public long conversions() {
        return 3L + calibration + heldout + (long) fitSets * fitInputs + (long) repeatPatterns * repeatTimes;
    }

    /** Weight sets the plan programs (step 1's all +1 included). */
    public int weightSets() {
        return 1 + calibration + heldout + fitSets + (repeatPatterns > 0 ? 1 : 0);
    }

    /**
     * The fraction of +1 weights in fit set {@code s} of {@code sets}: (s + 1/2) / sets, from
     * nearly all -1 to nearly all +1. With inputs of every density this puts every column at every
     * number of mismatches, so that the codes sweep through every position within a code: with
     * uniform patterns alone a column whose delay grows by about one code per mismatch shows the
     * same rounding in every code, and the split between low and high cells is lost in it.
     */
    public static double fitWeightDensity(int s, int sets) {
        return (s + 0.5) / sets;
    }

    /** The plan names {@link #parse} accepts. */
    public static final String NAMES = "calibrate, twin, or KEY=VALUE,... with calibration=K, heldout=N,"
            + " fit=SETSxINPUTS, repeat=PATTERNSxTIMES (the twin plan's values for the keys not given)";

    /**
     * {@code calibrate} (step 1, K and held-out patterns as {@code mramcim calibrate}'s defaults),
     * {@code twin} (those and the fit and repeat patterns), or {@code KEY=VALUE} pairs that
     * change the twin plan.
     */
    public static BenchPlan parse(String text, MacroConfig design) {
        int k = CalibrationRun.Options.option1Patterns(design.cols());
        if (text.equals("calibrate")) {
            return new BenchPlan(k, k, 0, 0, 0, 0);
        }
        Map<String, String> given = new LinkedHashMap<>();
        if (!text.equals("twin")) {
            for (String pair : text.split(",", -1)) {
                String[] kv = pair.split("=", -1);
                if (kv.length != 2 || !kv[0].matches("calibration|heldout|fit|repeat")) {
                    throw new IllegalArgumentException(
                            "--plan = " + text + " is malformed at '" + pair + "': allowed " + NAMES);
                }
                if (given.put(kv[0], kv[1]) != null) {
                    throw new IllegalArgumentException(
                            "--plan = " + text + ": " + kv[0] + " is given twice; give each key once");
                }
            }
        }
        int calibration = number(given.getOrDefault("calibration", "" + k), "calibration");
        int heldout = number(given.getOrDefault("heldout", "" + k), "heldout");
        int[] fit =
                pair(given.getOrDefault("fit", TWIN_FIT_SETS + "x" + TWIN_FIT_INPUTS_PER_ROW * design.rows()), "fit");
        int[] repeat = pair(given.getOrDefault("repeat", TWIN_REPEAT_PATTERNS + "x" + TWIN_REPEAT_TIMES), "repeat");
        return new BenchPlan(calibration, heldout, fit[0], fit[1], repeat[0], repeat[1]);
    }

    private static int number(String s, String key) {
        if (!s.matches("\\d{1,8}")) {
            throw new IllegalArgumentException(
                    "--plan " + key + " = " + s + " is malformed: allowed a whole number, for example 25");
        }
        return Integer.parseInt(s);
    }

    private static int[] pair(String s, String key) {
        if (!s.matches("\\d{1,8}x\\d{1,8}")) {
            throw new IllegalArgumentException(
                    "--plan " + key + " = " + s + " is malformed: allowed AxB, for example 8x256");
        }
        String[] p = s.split("x");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    @Override
    public String toString() {
        return "calibration=" + calibration + ",heldout=" + heldout + ",fit=" + fitSets + "x" + fitInputs + ",repeat="
                + repeatPatterns + "x" + repeatTimes;
    }
}
