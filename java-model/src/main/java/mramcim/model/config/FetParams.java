package mramcim.model.config;

/** Access FET of a bit-cell branch (SPEC section 2, "Bit cell"). */
public record FetParams(
        @Param(unit = "Ohm", source = "SPEC 2: assumed 1.0 kOhm")
        double rOn,

        @Param(unit = "rel", source = "SPEC 2: assumed 3 %") double rOnSigma,

        @Param(unit = "Ohm", source = "SPEC 2: assumed 1 GOhm")
        double rOff) {

    /** The range of an on transistor of a bit cell, Ohm. */
    public static final double RON_MIN = 1;

    public static final double RON_MAX = 1e6;

    public FetParams {
        Check.range("fet.rOn", rOn, RON_MIN, RON_MAX, "Ohm", "an on transistor of a bit cell, 1 Ohm to 1 MOhm");
        Check.range("fet.rOnSigma", rOnSigma, 0, 0.2, "rel");
        Check.range("fet.rOff", rOff, 1, 1e15, "Ohm", "an off transistor leaks at least a femtoampere at 1 V");
        if (rOff <= rOn) {
            throw new IllegalArgumentException(
                    "fet.rOff = " + rOff + " Ohm is out of range: allowed > fet.rOn = " + rOn + " Ohm");
        }
    }
}
