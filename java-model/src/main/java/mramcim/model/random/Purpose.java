package mramcim.model.random;

/**
 * What a random number is for. Part of every stream key, so that draws for different purposes
 * never share a stream and adding a purpose never shifts the numbers of another.
 */
public enum Purpose {
    MTJ_RP,
    MTJ_TMR,
    MTJ_VCRIT,
    MTJ_FAULT,
    FET_RON,
    COLUMN_CSENSE,
    COMPARATOR_OFFSET,
    CONVERSION_JITTER,
    WRITE_SWITCH,
    PASSIVE_G_OFF,
    PASSIVE_TMR,
    PASSIVE_V_SWITCH,
    PASSIVE_INITIAL_STATE,
    PASSIVE_SWITCH_CYCLE,
    PASSIVE_G_CYCLE,
    PASSIVE_READ_NOISE
}
