package mramcim.model.random;

/**
 * What a random number is for. Part of every stream key, so that draws for different purposes never
 * share a stream and adding a purpose never shifts the numbers of another. The keys are written
 * out: reordering the declarations must not change every die (StableIdsTest).
 */
public enum Purpose {
    MTJ_RP(0),
    MTJ_TMR(1),
    MTJ_VCRIT(2),
    MTJ_FAULT(3),
    FET_RON(4),
    COLUMN_CSENSE(5),
    COMPARATOR_OFFSET(6),
    CONVERSION_JITTER(7),
    WRITE_SWITCH(8),
    PASSIVE_G_OFF(9),
    PASSIVE_TMR(10),
    PASSIVE_V_SWITCH(11),
    PASSIVE_INITIAL_STATE(12),
    PASSIVE_SWITCH_CYCLE(13),
    PASSIVE_G_CYCLE(14),
    PASSIVE_READ_NOISE(15);

    private final int key;

    Purpose(int key) {
        this.key = key;
    }

    /** This purpose's part of a stream key; never reused, never changed. */
    public int key() {
        return key;
    }
}
