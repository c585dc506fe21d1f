package mramcim.calibration.measured;

import mramcim.model.config.MacroConfig;
import mramcim.spec.Sizes;

/**
 * The small JSON header of a bench run ({@code measurement.json}, docs/measurements.md): what the
 * die is and how it was measured, and how much data the two CSV files must hold.
 *
 * @param format always {@link #FORMAT}
 * @param die the die's name (it names the fitted twin)
 * @param date the day of the measurement, ISO 8601 (YYYY-MM-DD)
 * @param rows bit cells per column (inputs)
 * @param cols columns (outputs)
 * @param frameCycles the FRAME_CYCLES register during the run
 * @param clockHz the TDC clock, Hz
 * @param supplyV the readout (TDC) supply, V
 * @param codeMax the raw code a saturated counter reports
 * @param weightSets weight sets in weights.csv
 * @param conversions conversions in conversions.csv
 * @param source who wrote the files (a lab script, or mramcim measure with its command line)
 */
public record MeasurementHeader(
        String format,
        String die,
        String date,
        int rows,
        int cols,
        int frameCycles,
        double clockHz,
        double supplyV,
        int codeMax,
        int weightSets,
        int conversions,
        String source) {

    /** The format this version reads and writes. */
    public static final String FORMAT = "mramcim-measurement/1";

    public MeasurementHeader {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException(
                    "measurement.json: format = " + format + " is not supported: allowed " + FORMAT);
        }
        checkDie("measurement.json: die", die);
        checkDate("measurement.json: date", date);
        if (!Sizes.allowed(rows) || !Sizes.allowed(cols)) {
            throw new IllegalArgumentException("measurement.json: rows x cols = " + rows + " x " + cols
                    + " is out of range: allowed " + Sizes.MIN + ".." + Sizes.MAX + " each");
        }
        range("frameCycles", frameCycles, 1, Sizes.codeMax() - 1);
        if (!(clockHz > 0 && clockHz < 1e12)) {
            throw new IllegalArgumentException(
                    "measurement.json: clockHz = " + clockHz + " is out of range: allowed 0 < clockHz < 1e12 Hz");
        }
        if (!(supplyV > 0 && supplyV < 10)) {
            throw new IllegalArgumentException(
                    "measurement.json: supplyV = " + supplyV + " is out of range: allowed 0 < supplyV < 10 V");
        }
        if (codeMax <= frameCycles || codeMax > Sizes.codeMax()) {
            throw new IllegalArgumentException("measurement.json: codeMax = " + codeMax
                    + " is out of range: allowed frameCycles + 1 .. " + Sizes.codeMax()
                    + " (the value of a saturated counter)");
        }
        range("weightSets", weightSets, 1, 1_000_000);
        range("conversions", conversions, 1, 100_000_000);
        if (source == null) {
            throw new IllegalArgumentException("measurement.json: source is missing: say who wrote the files");
        }
    }

    /** Refuses a die name that is not 1 to 64 letters, digits, '.', '_' or '-'. */
    public static void checkDie(String what, String die) {
        if (die == null || !die.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException(
                    what + " = " + die + " is not a die name: allowed 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    /** Refuses a date that is not a calendar day written YYYY-MM-DD. */
    public static void checkDate(String what, String date) {
        try {
            if (date != null && date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                java.time.LocalDate.parse(date);
                return;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // refused below
        }
        throw new IllegalArgumentException(what + " = " + date + " is not a date: allowed YYYY-MM-DD");
    }

    private static void range(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(
                    "measurement.json: " + field + " = " + v + " is out of range: allowed " + lo + ".." + hi);
        }
    }

    /** The TDC clock period, s. */
    public double tClk() {
        return 1 / clockHz;
    }

    /**
     * Refuses a design that this measurement does not describe: another size, frame or clock.
     */
    public void checkDesign(MacroConfig design, String designName) {
        if (design.rows() != rows || design.cols() != cols) {
            throw new IllegalArgumentException("the measurement of die " + die + " is " + rows + " x " + cols
                    + " but the design " + designName + " is " + design.rows() + " x " + design.cols()
                    + ": give the design the die was made to (--preset or --config)");
        }
        if (design.timing().frameCycles() != frameCycles) {
            throw new IllegalArgumentException("the measurement of die " + die + " used frameCycles = "
                    + frameCycles + " but the design " + designName + " has timing.frameCycles = "
                    + design.timing().frameCycles() + ": measure and model with the same frame");
        }
        double t = design.timing().tClk();
        if (Math.abs(t * clockHz - 1) > 1e-6) {
            throw new IllegalArgumentException("the measurement of die " + die + " used clockHz = " + clockHz
                    + " but the design " + designName + " has timing.tClk = " + t + " s (" + 1 / t
                    + " Hz): measure and model with the same clock");
        }
    }
}
