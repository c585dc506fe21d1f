package mramcim.model.passive.array;

import mramcim.model.passive.config.PassiveArrayConfig;
import mramcim.model.passive.config.PassiveDeviceParams;
import mramcim.model.passive.config.ProgrammingParams;
import mramcim.model.random.CounterRng;
import mramcim.model.random.Purpose;

/**
 * A fabricated passive MTJ crossbar in some state, operated only through its pads as in seed 004:
 * port-to-port reads at V_read with the other lines grounded ({@link #read}) and V/2 write pulses
 * ({@link #pulse}) that switch whichever junctions see more than their switching voltage, the
 * target and any half-selected device (disturb). Linear junctions (seed 004 App. B).
 *
 * <p>Randomness: device-to-device values are drawn from (seed, device); cycle-to-cycle draws from
 * (seed, stream, event counter), so an array and its {@link #fresh} copies replay exactly.
 */
public final class PassiveArray {

    /**
     * Floor of a drawn value relative to its mean: a normal draw must not make a conductance or
     * voltage negative.
     */
    private static final double MIN_RELATIVE = 0.05;

    /**
     * Pulse-to-pulse sigmas below the threshold at which a switching draw is skipped (it could not
     * switch).
     */
    private static final double SKIP_SIGMAS = 8;

    /** Probability that a junction is on as fabricated (random states, cleared before use). */
    private static final double AS_FABRICATED_ON = 0.5;

    private final PassiveArrayConfig config;
    private final CrossbarNetwork network;
    private final long seed;
    private final long stream;
    private final double[] gOffDevice;
    private final double[] gOnDevice;
    private final double[] vSwitchOn;
    private final double[] vSwitchOff;
    private final double[] effectiveSwitching;
    private final double maxWriteVoltage;
    private final boolean[] on;
    private final ResponseMatrix response;
    private final double[] volts;
    private long pulses;
    private long reads;
    private long switches;
    private long disturbs;

    private PassiveArray(PassiveArrayConfig config, long seed) {
        this.config = config;
        this.seed = seed;
        this.stream = 0;
        network = new CrossbarNetwork(config.rows(), config.cols(), config.lines());
        int n = config.devices();
        PassiveDeviceParams dev = config.device();
        gOffDevice = new double[n];
        gOnDevice = new double[n];
        vSwitchOn = new double[n];
        vSwitchOff = new double[n];
        on = new boolean[n];
        long kg = CounterRng.key(seed, Purpose.PASSIVE_G_OFF, 0);
        long kt = CounterRng.key(seed, Purpose.PASSIVE_TMR, 0);
        long kv = CounterRng.key(seed, Purpose.PASSIVE_V_SWITCH, 0);
        long ks = CounterRng.key(seed, Purpose.PASSIVE_INITIAL_STATE, 0);
        for (int d = 0; d < n; d++) {
            gOffDevice[d] = dev.gOff() * Math.max(MIN_RELATIVE, 1 + dev.gOffSigma() * CounterRng.gaussian(kg, d));
            double tmr = dev.tmr() * Math.max(MIN_RELATIVE, 1 + dev.tmrSigma() * CounterRng.gaussian(kt, d));
            gOnDevice[d] = gOffDevice[d] * (1 + tmr);
            vSwitchOn[d] =
                    dev.vSwitch() * Math.max(MIN_RELATIVE, 1 + dev.vSwitchSigma() * CounterRng.gaussian(kv, 2L * d));
            vSwitchOff[d] = dev.vSwitch()
                    * Math.max(MIN_RELATIVE, 1 + dev.vSwitchSigma() * CounterRng.gaussian(kv, 2L * d + 1));
        }
        // Effective switching voltage (seed 004 Fig. 2(d, e)): the V_apply at the pads that puts
        // the
        // device's own switching voltage across it, measured with the rest of the array off.
        double[] offG = gOffDevice.clone();
        ResponseMatrix allOff = new ResponseMatrix(network, offG);
        effectiveSwitching = new double[n];
        double[] v = new double[n];
        double min = Double.POSITIVE_INFINITY;
        for (int d = 0; d < n; d++) {
            int i = d / config.cols();
            int j = d % config.cols();
            allOff.deviceVolts(i, -0.5, config.rows() + j, 0.5, v);
            effectiveSwitching[d] = vSwitchOn[d] / v[d];
            min = Math.min(min, Math.min(vSwitchOn[d], vSwitchOff[d]) / v[d]);
        }
        // "The maximum applicable voltage is limited to twice the smallest switching voltage in the
        // array to eliminate the risk of switching unwanted devices" (seed 004 II.B).
        maxWriteVoltage = 2 * min;
        double[] g = new double[n];
        for (int d = 0; d < n; d++) {
            on[d] = CounterRng.uniform(ks, d) < AS_FABRICATED_ON;
            g[d] = on[d] ? gOnDevice[d] : gOffDevice[d];
        }
        response = new ResponseMatrix(network, g);
        volts = new double[n];
    }

    private PassiveArray(PassiveArray o, long stream) {
        config = o.config;
        network = o.network;
        seed = o.seed;
        this.stream = stream;
        gOffDevice = o.gOffDevice;
        gOnDevice = o.gOnDevice;
        vSwitchOn = o.vSwitchOn;
        vSwitchOff = o.vSwitchOff;
        effectiveSwitching = o.effectiveSwitching;
        maxWriteVoltage = o.maxWriteVoltage;
        on = o.on.clone();
        response = o.response.copy();
        volts = new double[o.volts.length];
    }

    /** Fabricates the die of {@code seed}: device variation drawn, junctions in random states. */
    public static PassiveArray fabricate(PassiveArrayConfig config, long seed) {
        return new PassiveArray(config, seed);
    }

    /**
     * A copy of this die in its current state whose cycle-to-cycle randomness is stream {@code
     * stream}: one fresh array per weight solution, all from the same die.
     */
    public PassiveArray fresh(long stream) {
        return new PassiveArray(this, stream);
    }

    public PassiveArrayConfig config() {
        return config;
    }

    public CrossbarNetwork network() {
        return network;
    }

    public int rows() {
        return config.rows();
    }

    public int cols() {
        return config.cols();
    }

    /** True if the junction at (i, j) is in the on (parallel, high-conductance) state. */
    public boolean isOn(int i, int j) {
        return on[i * cols() + j];
    }

    /** Conductance of the junction alone at (i, j) now, S (what no measurement sees directly). */
    public double junctionConductance(int i, int j) {
        return response.deviceG(i * cols() + j);
    }

    /** Junction conductances of every device now, S, element i*N+j. */
    public double[] junctionConductances() {
        double[] g = new double[config.devices()];
        for (int d = 0; d < g.length; d++) {
            g[d] = response.deviceG(d);
        }
        return g;
    }

    /**
     * Effective switching voltage of (i, j) at the pads with the array off, V (seed 004 Fig. 2(d,
     * e)).
     */
    public double effectiveSwitchingVoltage(int i, int j) {
        return effectiveSwitching[i * cols() + j];
    }

    /** The write-verify ramp's limit: twice the smallest effective switching voltage, V. */
    public double maxWriteVoltage() {
        return maxWriteVoltage;
    }

    /**
     * Port-to-port read of (i, j): V_read on row i, all other lines grounded, the current into
     * column j's grounded pad (with measurement noise) divided by V_read. S.
     */
    public double read(int i, int j) {
        ProgrammingParams p = config.programming();
        double current = response.readCurrent(i, j, p.vRead());
        if (p.readNoise() > 0) {
            current += p.readNoise()
                    * CounterRng.gaussian(CounterRng.key(seed, Purpose.PASSIVE_READ_NOISE, stream), reads);
        }
        reads++;
        return current / p.vRead();
    }

    /** Reads every device serially, row by row (the "read operation" of seed 004 Fig. 3(c)). S. */
    public double[][] readAll() {
        double[][] g = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                g[i][j] = read(i, j);
            }
        }
        return g;
    }

    /**
     * One V/2 write pulse of amplitude {@code vApply} on (i, j): positive drives the bit line above
     * the word line and switches toward on, negative toward off. Every junction whose voltage
     * exceeds its switching voltage (with the pulse-to-pulse spread) switches.
     *
     * @return number of junctions other than (i, j) that switched (disturbs)
     */
    public int pulse(int i, int j, double vApply) {
        int target = i * cols() + j;
        response.deviceVolts(i, -vApply / 2, rows() + j, vApply / 2, volts);
        PassiveDeviceParams dev = config.device();
        long key = CounterRng.key(seed, Purpose.PASSIVE_SWITCH_CYCLE, stream);
        double sigma = dev.vSwitchCycleSigma();
        int disturbed = 0;
        for (int d = 0; d < volts.length; d++) {
            double v = volts[d];
            boolean toOn = !on[d] && v > 0;
            boolean toOff = on[d] && v < 0;
            if (!toOn && !toOff) {
                continue;
            }
            double vc = toOn ? vSwitchOn[d] : vSwitchOff[d];
            double mag = Math.abs(v);
            if (mag < vc * (1 - SKIP_SIGMAS * sigma)) {
                continue;
            }
            double threshold = vc * (1 + sigma * CounterRng.gaussian(key, pulses * volts.length + d));
            if (mag >= threshold) {
                flip(d);
                if (d != target) {
                    disturbed++;
                }
            }
        }
        pulses++;
        disturbs += disturbed;
        return disturbed;
    }

    private void flip(int d) {
        on[d] = !on[d];
        double mean = on[d] ? gOnDevice[d] : gOffDevice[d];
        double c = config.device().cycleSigma();
        double g = c == 0
                ? mean
                : mean
                        * Math.max(
                                MIN_RELATIVE,
                                1
                                        + c
                                                * CounterRng.gaussian(
                                                        CounterRng.key(seed, Purpose.PASSIVE_G_CYCLE, stream),
                                                        switches));
        switches++;
        response.setDeviceG(d, g);
    }

    /** Write pulses applied so far. */
    public long pulses() {
        return pulses;
    }

    /** Junctions switched by a pulse aimed at another device so far. */
    public long disturbs() {
        return disturbs;
    }
}
