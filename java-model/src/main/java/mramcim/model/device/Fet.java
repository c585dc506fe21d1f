package mramcim.model.device;

/**
 * Access transistor of one bit-cell branch, as a switch with an on and an off resistance.
 *
 * @param rOn on resistance of this device, Ohm
 * @param rOff off resistance, Ohm
 */
public record Fet(double rOn, double rOff) {

    /** Resistance with the gate driven on or off. */
    public double resistance(boolean on) {
        return on ? rOn : rOff;
    }
}
