package mramcim.results;

import java.util.Arrays;

/**
 * An enum constant with an explicit identifier that leaves the process (a file, a report): the id,
 * never the ordinal or the name, is what is written and read back.
 */
public interface StableId {

    /** The identifier as it is written. */
    String id();

    /**
     * The constant of {@code type} with {@code id}, or a refusal naming {@code what} and the ids
     * there are.
     */
    static <E extends Enum<E> & StableId> E of(Class<E> type, String id, String what) {
        E[] all = type.getEnumConstants();
        return Arrays.stream(all)
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what
                        + " = "
                        + id
                        + " is unknown: allowed "
                        + String.join(", ", Arrays.stream(all).map(StableId::id).toList())));
    }
}
