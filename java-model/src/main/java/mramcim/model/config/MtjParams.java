package mramcim.model.config;

/**
 * Magnetic tunnel junction (SPEC section 2, "MTJ"). Device-to-device variation is drawn once per
 * device at fabrication; {@code TMR(V) = tmr0 / (1 + (V / vHalf)^2)}.
 */
public record MtjParams(
        @Param(unit = "Ohm", source = "SPEC 2: assumed 3.0 kOhm")
        double rP,

        @Param(unit = "rel", source = "SPEC 2: assumed 2 %") double rPSigma,
        @Param(unit = "1", source = "SPEC 2: assumed 120 %") double tmr0,

        @Param(unit = "rel", source = "SPEC 2: assumed 5 % relative")
        double tmrSigma,

        @Param(unit = "V", source = "SPEC 2: assumed 0.5 V") double vHalf,

        @Param(unit = "1", source = "SPEC 2: configurable fault fraction; assumed 0 for a good die")
        double stuckAtP,

        @Param(unit = "1", source = "SPEC 2: configurable fault fraction; assumed 0 for a good die")
        double stuckAtAP) {

    /** The range of a fabricated MTJ's parallel-state resistance, Ohm: about 100 Ohm to 1 MOhm. */
    public static final double RP_MIN = 100;

    public static final double RP_MAX = 1e6;

    /** The range of a TMR ratio. */
    public static final double TMR_MIN = 1e-3;

    public static final double TMR_MAX = 10;

    public MtjParams {
        Check.range("mtj.rP", rP, RP_MIN, RP_MAX, "Ohm", "fabricated MTJs span about 100 Ohm to 1 MOhm");
        Check.range("mtj.rPSigma", rPSigma, 0, 0.2, "rel");
        Check.range("mtj.tmr0", tmr0, TMR_MIN, TMR_MAX, "1");
        Check.range("mtj.tmrSigma", tmrSigma, 0, 0.2, "rel");
        Check.range("mtj.vHalf", vHalf, 0.01, 10, "V", "the TMR roll-off bias of real junctions is tenths of a volt");
        Check.range("mtj.stuckAtP", stuckAtP, 0, 1, "1");
        Check.range("mtj.stuckAtAP", stuckAtAP, 0, 1, "1");
        Check.range("mtj.stuckAtP + mtj.stuckAtAP", stuckAtP + stuckAtAP, 0, 1, "1");
    }

    /** Nominal antiparallel resistance at zero bias, {@code rP * (1 + tmr0)}. */
    public double rAP() {
        return rP * (1 + tmr0);
    }
}
