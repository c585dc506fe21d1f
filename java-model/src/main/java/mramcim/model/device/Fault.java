package mramcim.model.device;

/** Manufacturing fault of an MTJ (SPEC section 2): stuck devices never switch. */
public enum Fault {
    NONE,
    STUCK_P,
    STUCK_AP
}
