package mramcim.model.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterRngTest {

    @Test
    void inverseNormalCdfMatchesTabulatedQuantiles() {
        // Standard normal quantiles (Abramowitz and Stegun, Table 26.5).
        assertEquals(1.959963985, CounterRng.inverseNormalCdf(0.975), 1e-8);
        assertEquals(-2.326347874, CounterRng.inverseNormalCdf(0.01), 1e-8);
        assertEquals(3.090232306, CounterRng.inverseNormalCdf(0.999), 1e-8);
        assertEquals(0.0, CounterRng.inverseNormalCdf(0.5), 1e-12);
    }

    @Test
    void gaussianDrawsHaveUnitVarianceAndNormalTails() {
        long key = CounterRng.key(123, Purpose.CONVERSION_JITTER, 4);
        int n = 2_000_000;
        double sum = 0;
        double sumSq = 0;
        int beyond3 = 0;
        int beyond4 = 0;
        for (int b = 0; b < n; b++) {
            double z = CounterRng.gaussian(key, b);
            sum += z;
            sumSq += z * z;
            beyond3 += Math.abs(z) > 3 ? 1 : 0;
            beyond4 += Math.abs(z) > 4 ? 1 : 0;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        assertEquals(0, mean, 0.003);
        assertEquals(1, sd, 0.003);
        // P(|z| > 3) = 0.0026998, P(|z| > 4) = 6.334e-5: expected 5400 and 127 of 2e6.
        assertEquals(5400, beyond3, 5 * Math.sqrt(5400));
        assertEquals(127, beyond4, 5 * Math.sqrt(127));
    }

    @Test
    void streamsAreSeparatedBySeedPurposeAndIndex() {
        double a = CounterRng.uniform(1, Purpose.MTJ_RP, 5, 0);
        assertEquals(a, CounterRng.uniform(1, Purpose.MTJ_RP, 5, 0), 0.0);
        assertNotEquals(a, CounterRng.uniform(2, Purpose.MTJ_RP, 5, 0));
        assertNotEquals(a, CounterRng.uniform(1, Purpose.MTJ_TMR, 5, 0));
        assertNotEquals(a, CounterRng.uniform(1, Purpose.MTJ_RP, 6, 0));
        assertNotEquals(a, CounterRng.uniform(1, Purpose.MTJ_RP, 5, 1));
        double u = CounterRng.uniform(9, 0);
        assertTrue(u >= 0 && u < 1);
    }
}
