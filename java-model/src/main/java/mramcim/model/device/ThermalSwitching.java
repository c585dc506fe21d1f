package mramcim.model.device;

/**
 * Thermally activated switching of an MTJ by a voltage pulse (Neel-Brown with a linear barrier
 * reduction): the mean waiting time is {@code tau0 * exp(delta * (1 - V / vCrit))}, and a pulse of
 * width t switches with probability {@code 1 - exp(-t / waiting time)}.
 *
 * @param tau0 attempt time, s
 * @param delta thermal stability factor (barrier over kT)
 */
public record ThermalSwitching(double tau0, double delta) {

    /**
     * Probability that one pulse of amplitude {@code v} and width {@code t} switches a device of
     * critical voltage {@code vCrit}.
     */
    public double probability(double v, double vCrit, double t) {
        if (v <= 0 || t <= 0) {
            return 0;
        }
        double waiting = tau0 * Math.exp(delta * (1 - v / vCrit));
        return -Math.expm1(-t / waiting);
    }
}
