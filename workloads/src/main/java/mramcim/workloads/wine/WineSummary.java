package mramcim.workloads.wine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * summary.json of {@code mramcim wine}, for machines: the g_norm sweep's optima and the median
 * accuracies beside seed 004's. Conductances in siemens, accuracies as fractions 0..1.
 *
 * @param format {@link #FORMAT}
 * @param diameterNm MTJ diameter of the array, nm
 * @param ideal an ideal array (no device variation) rather than a fabricated one
 * @param dieSeed die seed
 * @param solutions network solutions evaluated
 * @param candidates solutions trained to pick them from
 * @param accuracyOptimumS g_norm of the highest median accuracy, S
 * @param medianAccuracyAtOptimum median training accuracy there
 * @param minAccuracyAtOptimum the worst solution's there
 * @param maxAccuracyAtOptimum the best solution's there
 * @param rmsOptimumS g_norm of the smallest median Delta_RMS, S
 * @param estimateS the estimate mean(g_on) - mean(g_off), S
 * @param medianAccuracyAtEstimate median accuracy at the estimate
 * @param writeAccuracy fraction of devices the V/2 write-verify left in their target state
 * @param paperMedianAccuracy seed 004 (30 nm): median accuracy at its optimum
 * @param paperAccuracyOptimumS seed 004: accuracy-optimal g_norm, S
 * @param paperEstimateS seed 004: the estimate, S
 * @param paperAtEstimate seed 004: median accuracy at the estimate
 * @param trainSeconds training time, s
 * @param programSeconds programming and sweep time, s
 */
public record WineSummary(
        String format,
        int diameterNm,
        boolean ideal,
        long dieSeed,
        int solutions,
        int candidates,
        double accuracyOptimumS,
        double medianAccuracyAtOptimum,
        double minAccuracyAtOptimum,
        double maxAccuracyAtOptimum,
        double rmsOptimumS,
        double estimateS,
        double medianAccuracyAtEstimate,
        double writeAccuracy,
        double paperMedianAccuracy,
        double paperAccuracyOptimumS,
        double paperEstimateS,
        double paperAtEstimate,
        double trainSeconds,
        double programSeconds) {

    /** The file format's identifier; a change of meaning gets a new one. */
    public static final String FORMAT = "mramcim-wine-summary/1";

    private static final double PERCENT = 100;
    private static final double US = 1e-6;

    static WineSummary of(WineRun.Result r) {
        int ka = r.accuracyOptimum();
        double[] atOptimum =
                r.solutions().stream().mapToDouble(s -> s.trainAccuracy()[ka]).toArray();
        WineRun.Options o = r.options();
        return new WineSummary(
                FORMAT,
                o.diameterNm(),
                o.ideal(),
                o.dieSeed(),
                r.solutions().size(),
                r.candidates(),
                r.grid()[ka],
                r.medianAccuracy()[ka],
                Stats.quantile(atOptimum, 0),
                Stats.quantile(atOptimum, 1),
                r.grid()[r.rmsOptimum()],
                r.estimate(),
                Stats.quantile(r.atEstimate(), 0.5),
                r.writeAccuracy(),
                WineReport.PAPER_MEDIAN_ACCURACY / PERCENT,
                WineReport.PAPER_G_ACCURACY * US,
                WineReport.PAPER_G_ESTIMATE * US,
                WineReport.PAPER_AT_ESTIMATE / PERCENT,
                r.trainSeconds(),
                r.programSeconds());
    }

    byte[] toJson() throws com.fasterxml.jackson.core.JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
    }
}
