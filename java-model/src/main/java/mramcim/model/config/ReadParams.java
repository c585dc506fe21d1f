package mramcim.model.config;

/**
 * Read path (SPEC section 2): a small voltage across the selected branch; the sense amplifier
 * compares the branch current with a reference midway between the nominal P and AP currents.
 */
public record ReadParams(
        @Param(unit = "V", source = "assumed 0.1 V: small enough not to disturb (far below write.vCrit)")
        double vRead) {

    public ReadParams {
        Check.range("read.vRead", vRead, 1e-3, 1, "V", "a read bias well below any write pulse");
    }
}
