package mramcim.verification.trace;

/** A trace file that does not follow docs/traces.md, with the line and column where it goes wrong. */
public final class TraceFormatException extends IllegalArgumentException {

    private final int line;
    private final int column;

    /**
     * @param source the file (or a name for it)
     * @param line 1-based
     * @param column 1-based, the start of the offending token
     */
    public TraceFormatException(String source, int line, int column, String message) {
        super(source + ":" + line + ":" + column + ": " + message);
        this.line = line;
        this.column = column;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }

    /** The 1-based column. */
    public int column() {
        return column;
    }
}
