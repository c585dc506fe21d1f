package mramcim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import mramcim.model.random.Purpose;
import mramcim.spec.Status;
import org.junit.jupiter.api.Test;

/**
 * Numbers that leave the process or key randomness, pinned: a status code is on the pins and in
 * every summary (SPEC 5: 0 OK, 1 CELL_FAIL, 2 BAD_CMD, 3 OVERFLOW); a purpose key is part of every
 * random stream, so changing one changes every die and breaks the replay of every seed on record.
 * Adding a new one is fine; changing or reusing one must be a visible decision, here.
 */
class StableIdsTest {

    @Test
    void statusCodesAreSpec5s() {
        Map<Status, Integer> spec = new LinkedHashMap<>();
        spec.put(Status.OK, 0);
        spec.put(Status.CELL_FAIL, 1);
        spec.put(Status.BAD_CMD, 2);
        spec.put(Status.OVERFLOW, 3);
        assertEquals(spec.keySet(), java.util.Set.of(Status.values()), "every status pinned");
        spec.forEach((s, code) -> {
            assertEquals(code, s.code(), s.name());
            assertEquals(s, Status.of(code));
        });
        assertThrows(IllegalArgumentException.class, () -> Status.of(4));
    }

    @Test
    void randomPurposeKeysNeverChange() {
        String[] pinned = {
            "MTJ_RP",
            "MTJ_TMR",
            "MTJ_VCRIT",
            "MTJ_FAULT",
            "FET_RON",
            "COLUMN_CSENSE",
            "COMPARATOR_OFFSET",
            "CONVERSION_JITTER",
            "WRITE_SWITCH",
            "PASSIVE_G_OFF",
            "PASSIVE_TMR",
            "PASSIVE_V_SWITCH",
            "PASSIVE_INITIAL_STATE",
            "PASSIVE_SWITCH_CYCLE",
            "PASSIVE_G_CYCLE",
            "PASSIVE_READ_NOISE"
        };
        for (int k = 0; k < pinned.length; k++) {
            assertEquals(k, Purpose.valueOf(pinned[k]).key(), pinned[k]);
        }
        assertEquals(
                Purpose.values().length,
                Arrays.stream(Purpose.values())
                        .mapToInt(Purpose::key)
                        .distinct()
                        .count(),
                "no key used twice");
    }
}
