package mramcim.verification.regression;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import mramcim.results.StableId;

/** When a lockstep writes waveforms. The ids are the {@code --wave} values. */
public enum WaveMode implements StableId {
    /** Never. */
    NEVER("never"),
    /** The whole run. */
    ALWAYS("always"),
    /** The window before the first failure, by a bit-exact replay of the seed. */
    ON_FAIL("on-fail");

    private final String id;

    WaveMode(String id) {
        this.id = id;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The mode of a {@code --wave} value, or a refusal naming the allowed ones. */
    @JsonCreator
    public static WaveMode of(String id) {
        return StableId.of(WaveMode.class, id, "--wave");
    }
}
