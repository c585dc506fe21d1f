package mramcim.model.device;

import mramcim.model.random.CounterRng;

/**
 * One magnetic tunnel junction: its fabricated parameters (drawn once per device) and its state.
 *
 * <p>Resistance: {@code R_P} in P, {@code R_P * (1 + TMR(V))} in AP, with {@code TMR(V) = TMR0 / (1
 * + (V / V_h)^2)} (SPEC section 2). Each switching pulse draws its outcome from the device's own
 * counter-based stream, indexed by the device's pulse count, so the outcome of a pulse does not
 * depend on what happened to other devices.
 */
public final class Mtj {

    private final double rP;
    private final double tmr0;
    private final double vHalf;
    private final double vCrit;
    private final Fault fault;
    private final long switchKey;
    private MtjState state;
    private long pulses;

    /**
     * @param rP parallel resistance of this device, Ohm
     * @param tmr0 zero-bias tunnel magnetoresistance of this device
     * @param vHalf bias at which the TMR halves, V
     * @param vCrit critical switching voltage of this device, V
     * @param fault manufacturing fault
     * @param switchKey key of this device's switching stream ({@link CounterRng#key})
     * @param initial state after fabrication (a stuck device is in its stuck state regardless)
     */
    public Mtj(double rP, double tmr0, double vHalf, double vCrit, Fault fault, long switchKey, MtjState initial) {
        this.rP = rP;
        this.tmr0 = tmr0;
        this.vHalf = vHalf;
        this.vCrit = vCrit;
        this.fault = fault;
        this.switchKey = switchKey;
        this.state = switch (fault) {
            case STUCK_P -> MtjState.P;
            case STUCK_AP -> MtjState.AP;
            case NONE -> initial;
        };
    }

    public MtjState state() {
        return state;
    }

    public Fault fault() {
        return fault;
    }

    public double rP() {
        return rP;
    }

    public double tmr0() {
        return tmr0;
    }

    public double vCrit() {
        return vCrit;
    }

    /** Number of write pulses this device has received. */
    public long pulses() {
        return pulses;
    }

    /** Bias-dependent TMR, SPEC section 2. */
    public double tmr(double bias) {
        double x = bias / vHalf;
        return tmr0 / (1 + x * x);
    }

    /** Resistance in the present state at the given bias, Ohm. */
    public double resistance(double bias) {
        return resistance(state, bias);
    }

    /** Resistance this device would have in state {@code s} at the given bias, Ohm. */
    public double resistance(MtjState s, double bias) {
        return s == MtjState.P ? rP : rP * (1 + tmr(bias));
    }

    /**
     * Applies one write pulse toward {@code target}. A device already in the target state, or a
     * stuck device, does not change; otherwise it switches with the probability of {@code model}.
     * Every pulse consumes one draw of the device's stream.
     *
     * @return the state after the pulse
     */
    public MtjState pulse(MtjState target, double amplitude, double width, ThermalSwitching model) {
        long draw = pulses++;
        if (fault != Fault.NONE || state == target) {
            return state;
        }
        if (CounterRng.uniform(switchKey, draw) < model.probability(amplitude, vCrit, width)) {
            state = target;
        }
        return state;
    }

    /**
     * Sets the state directly (ideal programming for the transaction-level path); stuck devices
     * ignore it.
     */
    public void force(MtjState s) {
        if (fault == Fault.NONE) {
            state = s;
        }
    }
}
