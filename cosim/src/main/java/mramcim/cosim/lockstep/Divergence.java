package mramcim.cosim.lockstep;

import java.util.List;

/**
 * The first (or one) cycle at which the RTL and the Java model disagree.
 *
 * @param cycle the clock edge (counted from 1, resets included) after which the outputs differ
 * @param signal the pin
 * @param model the Java model's value, hexadecimal
 * @param rtl the RTL's value, hexadecimal
 * @param lastCommands the last commands accepted before the divergence, oldest first
 */
public record Divergence(long cycle, Signal signal, String model, String rtl, List<String> lastCommands) {

    /** One line: cycle, signal and both values. */
    public String summary() {
        return "cycle " + cycle + ": " + signal.port() + " model=0x" + model + " rtl=0x" + rtl;
    }
}
