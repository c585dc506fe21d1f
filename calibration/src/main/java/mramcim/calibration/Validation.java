package mramcim.calibration;

/**
 * Errors of the same held-out conversions read without and with the offsets (SPEC 6 step 3).
 *
 * @param before C0/GAIN programmed, every OFFSET 0
 * @param after the same conversions with the offsets
 * @param failedCells WRITE_CELLs answered CELL_FAIL (host path; 0 on the fast path, which sets
 *     weights directly)
 * @param cycles macro clock cycles (host path; 0 on the fast path)
 * @param energy mean energy per conversion (fast path; null on the host path)
 * @param seconds wall time
 */
public record Validation(
        ErrorStats before,
        ErrorStats after,
        int failedCells,
        long cycles,
        EnergyModel.Breakdown energy,
        double seconds) {}
