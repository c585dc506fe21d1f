package mramcim.cosim.lockstep;

/**
 * How a lockstep runs the RTL against the model (issue 21). The identifiers are the values of
 * {@code --engine} and of the summaries' {@code engine} field.
 */
public enum Engine {
    /**
     * One native call per edge; each side's own analog array answers its own pins, and every pin is
     * compared in Java after every edge (SPEC section 7 as written). The reference the other
     * engines are tested against, and the engine of waveform windows and of everything after a
     * first divergence.
     */
    CYCLE("cycle"),
    /**
     * The model runs a batch of edges, recording host pins, its array's answers and its outputs;
     * one native call runs the RTL over the batch with those answers and compares every output in
     * C++ after every edge. Exact up to and including the first divergence (docs/architecture.md).
     */
    BATCHED("batched"),
    /** As {@link #BATCHED}, with the RTL running batch k on a second thread while the model records k+1. */
    PIPELINED("pipelined");

    private final String id;

    Engine(String id) {
        this.id = id;
    }

    /** The stable identifier. */
    public String id() {
        return id;
    }

    /** The engine of identifier {@code id}, or an error naming the allowed ones. */
    public static Engine of(String id) {
        for (Engine e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("--engine = " + id + " is not an engine: allowed "
                + String.join(
                        ", ", java.util.Arrays.stream(values()).map(Engine::id).toList()));
    }

    @Override
    public String toString() {
        return id;
    }
}
