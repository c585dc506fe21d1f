package mramcim.model.device;

/** Magnetic state of an MTJ: parallel (low resistance) or antiparallel (high resistance). */
public enum MtjState {
    P,
    AP;

    /** The other state. */
    public MtjState opposite() {
        return this == P ? AP : P;
    }
}
