package mramcim.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MacroConfigTest {

    private static void refused(String expected, Supplier<?> build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::get);
        assertEquals(expected, e.getMessage());
    }

    @Test
    void invalidValuesAreRefusedNamingParameterValueAndRange() {
        MacroConfig j = MacroConfig.jung2022();
        MtjParams m = j.mtj();
        ColumnParams c = j.column();
        refused(
                "mtj.rP = -3000.0 Ohm is out of range: allowed 100..1e6 Ohm (fabricated MTJs span about 100 Ohm to 1 MOhm)",
                () -> new MtjParams(-3000, m.rPSigma(), m.tmr0(), m.tmrSigma(), m.vHalf(), 0, 0));
        refused(
                "mtj.tmr0 = 0.0 1 is out of range: allowed 0.001..10.0 1",
                () -> new MtjParams(m.rP(), m.rPSigma(), 0, m.tmrSigma(), m.vHalf(), 0, 0));
        refused(
                "column.vRef = 0.8 V is out of range: allowed 0 < vRef < column.vDrv = 0.8 V (the sense node never"
                        + " crosses a reference at or above the drive)",
                () -> new ColumnParams(c.rSeg(), c.cNode(), c.cSense(), c.cSenseSigma(), 0.8, 0.8, 0, 0));
        refused("geometry.rows = 3 is out of range: allowed 4..128", () -> new Geometry(3, 64));
        refused("geometry.cols = 129 is out of range: allowed 4..128", () -> new Geometry(64, 129));
        refused(
                "fet.rOff = 500.0 Ohm is out of range: allowed > fet.rOn = 1000.0 Ohm",
                () -> new FetParams(1000, 0, 500));
        refused("timing.frameCycles = 5000 is out of range: allowed 1..4095", () -> new TimingParams(0.5e-9, 5000, 4));
        refused(
                "column.cSense = 0.0 F is out of range: allowed 1e-16..1e-10 F (a sense capacitor from 0.1 fF to 100 pF:"
                        + " beyond, the column delay leaves any frame or drowns in parasitics)",
                () -> new ColumnParams(c.rSeg(), c.cNode(), 0, 0, c.vDrv(), c.vRef(), 0, 0));
        refused(
                "column.cSense = 1.0E308 F is out of range: allowed 1e-16..1e-10 F (a sense capacitor from 0.1 fF to 100 pF:"
                        + " beyond, the column delay leaves any frame or drowns in parasitics)",
                () -> new ColumnParams(c.rSeg(), c.cNode(), 1e308, 0, c.vDrv(), c.vRef(), 0, 0));
        refused(
                "fet.rOff = 1.0E308 Ohm is out of range: allowed 1..1e15 Ohm (an off transistor leaks at least a femtoampere"
                        + " at 1 V)",
                () -> new FetParams(1000, 0, 1e308));
        // A frame shorter than the fastest column's delay: every conversion would overflow. By
        // hand: a
        // matching cell is (1 k + 3 k) || (1 G + 6.6 k) = 4.0 k, plus 10 Ohm of wire; 64 of them
        // charge
        // 230 fF to half the drive: ln 2 * 230 fF * 64 * 4010 Ohm = 40.9 ns, in cycle 82 of 0.5 ns.
        IllegalArgumentException frame =
                assertThrows(IllegalArgumentException.class, () -> j.withTiming(new TimingParams(0.5e-9, 1, 4)));
        assertTrue(
                frame.getMessage()
                        .startsWith("timing.frameCycles = 1 is out of range: the fastest column (every cell"
                                + " matching) fires after 4.09"),
                frame.getMessage());
        assertTrue(
                frame.getMessage().contains("in cycle 82 of")
                        && frame.getMessage().contains("allowed 82..4095"),
                frame.getMessage());
        j.withTiming(new TimingParams(0.5e-9, 82, 4)); // 41 ns: the fastest column just fires
        // A jitter comparable with the delay would make delays negative.
        IllegalArgumentException jitter = assertThrows(
                IllegalArgumentException.class,
                () -> MacroConfig.small(4, 4)
                        .withColumn(new ColumnParams(
                                c.rSeg(), c.cNode(), c.cSense(), c.cSenseSigma(), c.vDrv(), c.vRef(), 0, 1e-9)));
        assertTrue(
                jitter.getMessage()
                        .startsWith("column.jitterSigma = 1.000e-09 s is out of range: allowed up to 0.10 of"
                                + " the fastest column's delay, 2.557e-10 s"),
                jitter.getMessage());
        refused(
                "mtj.stuckAtP + mtj.stuckAtAP = 1.2 1 is out of range: allowed 0.0..1.0 1",
                () -> new MtjParams(m.rP(), 0, m.tmr0(), 0, m.vHalf(), 0.6, 0.6));
        refused(
                "energy.vThLogic = 0.5 V is out of range: allowed below energy.vTdc = 0.45 V and energy.vTdcNominal = 1.0 V"
                        + " (the logic does not switch at or below threshold)",
                () -> new EnergyParams(0.45, 1.0, 0.5, 1.3, 3e9, 1e-15, 1e-15, 1e-15));
        refused(
                "timing.tClk = 5.000e-10 s (2.000e+09 Hz) is out of range: the counters run at most at 1.917e+09 Hz at energy.vTdc"
                        + " = 0.700 V, so allowed tClk >= 5.218e-10 s",
                () -> MacroConfig.jung2022()
                        .withEnergy(MacroConfig.jung2022().energy().withVTdc(0.7)));
        refused(
                "preset = nope is unknown: allowed jung2022, ideal, ideal-fine, small:RxC",
                () -> MacroConfig.preset("nope"));
    }

    @Test
    void presetsDifferOnlyWhereTheirNamesSay() {
        MacroConfig ideal = MacroConfig.ideal();
        assertEquals(0, ideal.mtj().rPSigma());
        assertEquals(0, ideal.column().jitterSigma());
        assertEquals(0, ideal.column().cmpOffsetSigma());
        assertEquals(0, ideal.column().cNode(), "ideal: a lumped column, linear in the mismatches");
        assertEquals(MacroConfig.jung2022().mtj().rP(), ideal.mtj().rP());
        MacroConfig small = MacroConfig.preset("small:8x12");
        assertEquals(8, small.rows());
        assertEquals(12, small.cols());
        assertEquals(MacroConfig.jung2022().column(), small.column());
        // 180 cycles of 0.5 ns: the 11.1 MHz of seed 000.
        assertEquals(11.1e6, MacroConfig.jung2022().timing().operatingFrequency(), 0.05e6);
    }

    @Test
    void jsonRoundTripsAndRefusesUnknownMissingAndInvalidFields() {
        MacroConfig j = MacroConfig.jung2022();
        String json = ConfigJson.toJson(j);
        assertEquals(j, ConfigJson.fromJson(json));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigJson.fromJson(json.replace("\"rP\" : 3000.0", "\"rP\" : -1.0")));
        assertTrue(e.getMessage().startsWith("mtj.rP = -1.0 Ohm is out of range"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigJson.fromJson(json.replace("\"rSeg\"", "\"rSegment\" : 1.0, \"rSeg\"")));
        assertTrue(
                e.getMessage()
                        .matches("line \\d+, column \\d+, configuration field column.rSegment: unknown field; known"
                                + " here: cNode, cSense, .*"),
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class, () -> ConfigJson.fromJson(json.replace("\"rSeg\" : 10.0,", "")));
        assertTrue(
                e.getMessage()
                        .matches("line \\d+, column \\d+, configuration field column.rSeg: missing; every field must"
                                + " be given"),
                e.getMessage());
    }

    @Test
    void jsonIsReadStrictlyAndErrorsSayWhereWithoutJavaNames() {
        String json = ConfigJson.toJson(MacroConfig.small(8, 8));
        String[][] cases = {
            {
                "\"rows\" : 8,",
                "\"rows\" : \"8\",",
                "configuration field geometry.rows: expected an integer, found a string (\"8\")"
            },
            {"\"rows\" : 8,", "\"rows\" : 8.7,", "configuration field geometry.rows: expected an integer, found 8.7"},
            {
                "\"rP\" : 3000.0",
                "\"rP\" : \"3000\"",
                "configuration field mtj.rP: expected a number, found a string (\"3000\")"
            },
            {"\"rP\" : 3000.0", "\"rP\" : true", "configuration field mtj.rP: expected a number, found a boolean"},
            {"\"rows\" : 8,", "\"rows\" : 8, \"rows\" : 9,", "a key is given twice ('rows'); give each key once"},
            {
                "\"geometry\" : {",
                "\"geometry\" : null, \"unused\" : {",
                "configuration field geometry: null; give a value"
            },
        };
        for (String[] c : cases) {
            assertTrue(json.contains(c[0]), c[0]);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> ConfigJson.fromJson(json.replace(c[0], c[1])), c[1]);
            assertTrue(
                    e.getMessage().matches("line \\d+, column \\d+, .*")
                            && e.getMessage().endsWith(c[2]),
                    e.getMessage());
            assertFalse(
                    e.getMessage().matches(".*(java\\.|`|DeserializationFeature|MapperFeature|mramcim\\.model).*"),
                    "no Java or Jackson names: " + e.getMessage());
        }
        IllegalArgumentException trailing =
                assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson(json + "{}"));
        assertTrue(
                trailing.getMessage().endsWith("content after the end of the configuration document; remove it"),
                trailing.getMessage());
        IllegalArgumentException garbage =
                assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson(json + "x"));
        assertTrue(garbage.getMessage().contains("not valid JSON"), garbage.getMessage());
        IllegalArgumentException empty =
                assertThrows(IllegalArgumentException.class, () -> ConfigJson.fromJson("null"));
        assertTrue(empty.getMessage().contains("configuration is empty"), empty.getMessage());
        IllegalArgumentException huge = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigJson.fromJson(json.replace("\"rP\" : 3000.0", "\"rP\" : 1e400")));
        assertTrue(huge.getMessage().startsWith("mtj.rP = Infinity Ohm is out of range"), huge.getMessage());
        IllegalArgumentException nan = assertThrows(
                IllegalArgumentException.class,
                () -> ConfigJson.fromJson(json.replace("\"rP\" : 3000.0", "\"rP\" : NaN")));
        assertTrue(nan.getMessage().contains("not valid JSON"), nan.getMessage());
    }

    @Test
    void everyParameterHasAUnitAndASource() {
        var entries = MacroConfig.jung2022().entries();
        assertTrue(entries.size() >= 30, "entries: " + entries.size());
        for (var en : entries) {
            assertTrue(!en.unit().isBlank() && !en.source().isBlank(), en.name());
        }
        assertTrue(entries.stream()
                .anyMatch(en -> en.name().equals("column.cSense")
                        && en.unit().equals("F")
                        && en.value().equals(230e-15)));
    }
}
