package mramcim.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import mramcim.model.config.MacroConfig;
import mramcim.model.config.TimingParams;
import org.junit.jupiter.api.Test;

class EnergyModelTest {

    /** The ideal preset has C_node = 0: the column is exactly a lumped RC. */
    private static final MacroConfig LUMPED = MacroConfig.ideal();

    @Test
    void columnDriveEqualsTheSupplyEnergyOfAnRcChargedForOneFrame() {
        var col = LUMPED.column();
        double c = col.cSense();
        double frame = LUMPED.timing().frameCycles() * LUMPED.timing().tClk();
        for (double r : new double[] {100e3, 250e3, 400e3}) {
            // Independent: integrate the supply power vDrv * (vDrv - v) / R of the RC over the
            // frame (RK4).
            int steps = 200_000;
            double dt = frame / steps;
            double v = 0;
            double energy = 0;
            for (int s = 0; s < steps; s++) {
                double k1 = (col.vDrv() - v) / (r * c);
                double k2 = (col.vDrv() - (v + dt / 2 * k1)) / (r * c);
                double k3 = (col.vDrv() - (v + dt / 2 * k2)) / (r * c);
                double k4 = (col.vDrv() - (v + dt * k3)) / (r * c);
                double dv = dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
                energy += col.vDrv() * c * dv;
                v += dv;
            }
            double tau = r * c * col.logFactor(col.vRef());
            assertEquals(energy, new EnergyModel(LUMPED).columnDrive(tau), energy * 1e-6, "R = " + r);
        }
    }

    @Test
    void aColumnThatSettlesWithinTheFrameDrawsCVSquared() {
        var col = LUMPED.column();
        double tau = 1e-12;
        assertEquals(col.cSense() * col.vDrv() * col.vDrv(), new EnergyModel(LUMPED).columnDrive(tau), 1e-24);
    }

    @Test
    void countersCountUntilTheComparatorFiresAndTheClockRunsTheWholeFrame() {
        MacroConfig cfg = MacroConfig.small(4, 4);
        var e = cfg.energy();
        int frame = cfg.timing().frameCycles();
        EnergyModel.Breakdown b = new EnergyModel(cfg)
                .conversion(new double[] {1e-9, 1e-6, 2e-9, 3e-9}, new int[] {10, frame + 500, 20, 30});
        double v2 = e.vTdc() * e.vTdc();
        assertEquals(e.cCount() * v2 * (10 + frame + 20 + 30), b.counters(), 1e-27);
        assertEquals(4 * e.cClock() * v2 * frame, b.clock(), 1e-27);
        assertEquals(4 * e.cPeriphery() * v2, b.periphery(), 1e-27);
    }

    @Test
    void lowerReadoutSupplyScalesTheDigitalEnergyWithVSquaredAndLeavesTheColumnAlone() {
        MacroConfig nominal = MacroConfig.jung2022();
        MacroConfig low = nominal.withEnergy(nominal.energy().withVTdc(0.8));
        double[] tau = {40e-9, 60e-9, 80e-9};
        int[] firing = {80, 120, 160};
        EnergyModel.Breakdown a = new EnergyModel(nominal).conversion(tau, firing);
        EnergyModel.Breakdown b = new EnergyModel(low).conversion(tau, firing);
        assertEquals(a.columnDrive(), b.columnDrive());
        assertEquals(0.64, b.counters() / a.counters(), 1e-12);
        assertEquals(0.64, b.clock() / a.clock(), 1e-12);
        assertEquals(0.64, b.periphery() / a.periphery(), 1e-12);
    }

    @Test
    void efficiencyIsOperationsPerJoule() {
        MacroConfig cfg = MacroConfig.jung2022();
        assertEquals(8192, EnergyModel.operations(cfg));
        // 262 TOPS/W (seed 003) on 64 x 64 is 8192 operations per 31.27 pJ.
        assertEquals(262, EnergyModel.topsPerWatt(cfg, 8192 / 262e12), 1e-9);
    }

    @Test
    void aSlowerFrameChargesTheColumnFurther() {
        MacroConfig cfg = MacroConfig.jung2022();
        MacroConfig slow = cfg.withTiming(new TimingParams(1e-9, 180, 4));
        double tau = 60e-9;
        double fast = new EnergyModel(cfg).columnDrive(tau);
        double longer = new EnergyModel(slow).columnDrive(tau);
        double cvv = (cfg.column().cSense() + cfg.column().cNode() * (cfg.rows() - 1))
                * Math.pow(cfg.column().vDrv(), 2);
        assertEquals(true, fast < longer && longer < cvv, fast + " < " + longer + " < " + cvv);
    }
}
