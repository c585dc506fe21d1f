package mramcim.cosim.lockstep;

/** Thrown by a host running on a lockstep when the RTL and the model first disagree. */
public final class LockstepDivergedException extends RuntimeException {

    private final transient Divergence divergence;

    public LockstepDivergedException(Divergence divergence) {
        super("RTL and model diverged at " + divergence.summary() + "; last commands: " + divergence.lastCommands());
        this.divergence = divergence;
    }

    /** The first divergence. */
    public Divergence divergence() {
        return divergence;
    }
}
