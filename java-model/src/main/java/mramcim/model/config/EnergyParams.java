package mramcim.model.config;

/**
 * Energy and supply of the time-domain readout (issue 8; seed 000 Extended Data Fig. 5 sweeps the
 * TDC readout supply and the operating frequency). The column itself is charged from {@code
 * column.vDrv}; the counters, their clock and the digital periphery run from {@code vTdc}, so their
 * energy scales as {@code C * vTdc^2}.
 *
 * <p>The logic's gate delay follows the alpha-power law {@code d(V) ~ V / (V - vTh)^alpha}
 * (Sakurai-Newton): lowering the supply slows the counters (the highest TDC clock falls as {@code
 * 1/d}) and stretches the readout's timing jitter by the same factor. No seed gives these
 * constants; the switched capacitances are of the order of standard-cell flip-flops (about 1 fJ per
 * toggle at 1 V) and were chosen so that the default lands in the range of the 262 TOPS/W the chip
 * measured (seed 003): the comparison is a plausibility check, not a validation.
 */
public record EnergyParams(
        @Param(unit = "V", source = "seed 000 Extended Data Fig. 5b: 1.0 V TDC readout supply")
        double vTdc,

        @Param(
                unit = "V",
                source =
                        "seed 000 Extended Data Fig. 5b: 1.0 V, the supply at which column.jitterSigma and fClkMaxNominal hold")
        double vTdcNominal,

        @Param(unit = "V", source = "assumed 0.35 V: threshold voltage of the readout logic (alpha-power law)")
        double vThLogic,

        @Param(unit = "1", source = "assumed 1.3: velocity-saturated short-channel exponent (Sakurai-Newton)")
        double alpha,

        @Param(unit = "Hz", source = "assumed 3 GHz at vTdcNominal: the 2 GHz TDC clock (SPEC 3) with 50 % margin")
        double fClkMaxNominal,

        @Param(
                unit = "F",
                source =
                        "assumed 1.5 fF per column per counting cycle: counter bits toggling (about 2 per cycle) and their clock pins")
        double cCount,

        @Param(
                unit = "F",
                source = "assumed 0.5 fF per column per frame cycle: clock distribution, on for the whole frame")
        double cClock,

        @Param(
                unit = "F",
                source =
                        "assumed 60 fF per column per conversion: converter, offset adder, result latch and comparator")
        double cPeriphery) {

    public EnergyParams {
        Check.range("energy.vTdc", vTdc, 0.1, 5.0, "V");
        Check.range("energy.vTdcNominal", vTdcNominal, 0.1, 5.0, "V");
        Check.range("energy.vThLogic", vThLogic, 0, 2.0, "V");
        if (vThLogic >= vTdc || vThLogic >= vTdcNominal) {
            throw new IllegalArgumentException("energy.vThLogic = "
                    + vThLogic
                    + " V is out of range: allowed below energy.vTdc = "
                    + vTdc
                    + " V and energy.vTdcNominal = "
                    + vTdcNominal
                    + " V (the logic does not switch at or below threshold)");
        }
        Check.range("energy.alpha", alpha, 1.0, 2.0, "1");
        Check.range("energy.fClkMaxNominal", fClkMaxNominal, 1e6, 1e12, "Hz");
        Check.range("energy.cCount", cCount, 0, 1e-12, "F");
        Check.range("energy.cClock", cClock, 0, 1e-12, "F");
        Check.range("energy.cPeriphery", cPeriphery, 0, 1e-11, "F");
    }

    /**
     * Gate delay at {@code vTdc} relative to {@code vTdcNominal} (alpha-power law); 1 at the
     * nominal supply.
     */
    public double delayScale() {
        return gateDelay(vTdc) / gateDelay(vTdcNominal);
    }

    /** The highest TDC clock the counters run at the supply {@code vTdc}, Hz. */
    public double fClkMax() {
        return fClkMaxNominal / delayScale();
    }

    /** This record at another readout supply. */
    public EnergyParams withVTdc(double v) {
        return new EnergyParams(v, vTdcNominal, vThLogic, alpha, fClkMaxNominal, cCount, cClock, cPeriphery);
    }

    private double gateDelay(double v) {
        return v / Math.pow(v - vThLogic, alpha);
    }
}
