package mramcim.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every value of every preset carries a unit and its own source: a value a preset changes from
 * jung2022 must say why the preset chose it (the ideal preset states its own zeros), so that a
 * preset that changes a value without a reason fails here.
 */
class PresetSourcesTest {

    @ParameterizedTest
    @ValueSource(strings = {"jung2022", "ideal", "ideal-fine", "small:8x8", "small:100x7"})
    void everyValueHasAUnitAndTheSourceOfThePresetThatSetIt(String preset) {
        MacroConfig cfg = MacroConfig.preset(preset);
        List<MacroConfig.Entry> base = MacroConfig.jung2022().entries();
        List<MacroConfig.Entry> entries = cfg.entries(MacroConfig.presetSources(preset), "");
        assertEquals(base.size(), entries.size());
        String kind = preset.startsWith("small:") ? "small preset" : preset + " preset";
        int own = 0;
        for (int k = 0; k < entries.size(); k++) {
            MacroConfig.Entry e = entries.get(k);
            assertFalse(e.unit().isBlank(), e.name() + " has a unit");
            assertFalse(e.source().isBlank(), e.name() + " = " + e.value() + " has a source");
            if (!e.value().equals(base.get(k).value())) {
                own++;
                assertTrue(
                        e.source().startsWith(kind) || e.source().startsWith("ideal preset"),
                        preset
                                + ": "
                                + e.name()
                                + " = "
                                + e.value()
                                + " (jung2022: "
                                + base.get(k).value()
                                + ") says why: "
                                + e.source());
            } else {
                assertEquals(base.get(k).source(), e.source(), e.name() + " kept from jung2022 keeps its source");
            }
        }
        assertEquals(
                switch (preset) {
                    case "jung2022" -> 0;
                    case "ideal" -> 9;
                    case "ideal-fine" -> 11;
                    default -> 2;
                },
                own,
                "values " + preset + " sets itself");
    }
}
