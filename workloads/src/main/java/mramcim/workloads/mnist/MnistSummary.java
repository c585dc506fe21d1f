package mramcim.workloads.mnist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * summary.json of {@code mramcim mnist}, for machines: the accuracies beside seed 000's, the
 * calibration the array ran with and the co-simulation's agreement. Fractions are 0..1.
 *
 * @param format {@link #FORMAT}
 * @param preset the macro configuration's name
 * @param seed die and training seed
 * @param network the network file used
 * @param trained whether this run trained it (or loaded it)
 * @param heldOutDigits digits the accuracies are over
 * @param softwareAccuracy exact integer inference, fraction
 * @param arrayAccuracy on the macro (fast path, calibrated), fraction
 * @param paperSoftware seed 000's software accuracy, fraction
 * @param paperArray seed 000's array accuracy, fraction
 * @param disagreements digits on which array and software predict differently
 * @param c0 the calibration's C0
 * @param gain the calibration's GAIN (Q8.8)
 * @param offsetColumns columns given a digital offset
 * @param tilePasses reprogramming passes of the 784-128-10 network over the macro
 * @param cosimDigits digits also run on the RTL in lockstep (0: none)
 * @param cosimColumns column outputs compared with the fast path
 * @param cosimMismatches of them different (must be 0)
 * @param trainSeconds training or loading time, s
 * @param arraySeconds array inference of every held-out digit, s
 */
public record MnistSummary(
        String format,
        String preset,
        long seed,
        String network,
        boolean trained,
        int heldOutDigits,
        double softwareAccuracy,
        double arrayAccuracy,
        double paperSoftware,
        double paperArray,
        int disagreements,
        int c0,
        int gain,
        int offsetColumns,
        int tilePasses,
        int cosimDigits,
        long cosimColumns,
        long cosimMismatches,
        double trainSeconds,
        double arraySeconds) {

    /** The file format's identifier; a change of meaning gets a new one. */
    public static final String FORMAT = "mramcim-mnist-summary/1";

    static MnistSummary of(MnistRun.Result r) {
        MnistRun.Options o = r.options();
        return new MnistSummary(
                FORMAT,
                o.preset(),
                o.seed(),
                o.network().toString(),
                r.trained(),
                r.test().size(),
                r.softwareAccuracy(),
                r.arrayAccuracy(),
                MnistReport.PAPER_SOFTWARE / 100,
                MnistReport.PAPER_ARRAY / 100,
                r.disagreements(),
                r.calibration().global().c0(),
                r.calibration().global().gain(),
                r.calibration().correctedColumns().size(),
                r.schedule().passes().size(),
                r.cosimDigits(),
                r.cosimColumns(),
                r.cosimMismatches(),
                r.trainSeconds(),
                r.arraySeconds());
    }

    byte[] toJson() throws com.fasterxml.jackson.core.JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(this);
    }
}
