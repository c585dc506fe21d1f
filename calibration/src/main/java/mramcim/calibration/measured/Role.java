package mramcim.calibration.measured;

/**
 * What a conversion of a bench run is for (the {@code role} column of {@code conversions.csv}).
 * The names are the file format's: never renamed, a new role takes a new name.
 */
public enum Role {
    /** SPEC 6 step 1: every weight +1, every input +1 (no mismatch, DP = +ROWS). */
    GLOBAL_MATCH("global-match"),
    /** SPEC 6 step 1: every weight +1, every input -1 (DP = -ROWS). */
    GLOBAL_MISMATCH("global-mismatch"),
    /**
     * SPEC 6 step 1 when most columns overflowed at DP = -ROWS: the first half of the inputs -1
     * (DP = 0).
     */
    GLOBAL_REFERENCE("global-reference"),
    /** SPEC 6 step 2: the K random patterns the offsets come from. */
    CALIBRATION("calibration"),
    /** SPEC 6 step 3: held-out patterns, never used to calibrate or to fit. */
    HELDOUT("heldout"),
    /** Extra random patterns for the fit of the digital twin. */
    FIT("fit"),
    /** Patterns converted several times: the jitter is measured from their spread. */
    REPEAT("repeat");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The name in the file. */
    public String id() {
        return id;
    }

    /** The role named {@code id}, or null. */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id.equals(id)) {
                return r;
            }
        }
        return null;
    }

    /** Every role's name, for messages. */
    public static String names() {
        StringBuilder sb = new StringBuilder();
        for (Role r : values()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(r.id);
        }
        return sb.toString();
    }
}
