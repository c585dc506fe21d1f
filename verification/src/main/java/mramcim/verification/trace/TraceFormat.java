package mramcim.verification.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mramcim.model.array.AnalogFault;
import mramcim.spec.Op;

/**
 * Reads and writes command traces, format {@value #VERSION} (docs/traces.md). One line per command
 * or reset, fields as {@code key=value}, {@code #} starts a comment:
 *
 * <pre>
 * trace 1 seed=7 design=jung2022
 * +0 WRITE_REG addr=0x2 data=0x40
 * +3 COMPUTE stall=12 fault=dead:0-63      (addr and data 0 are left out)
 * +17 reset
 * end +20
 * </pre>
 *
 * A file that breaks the format is refused with its line and column ({@link
 * TraceFormatException}), never half read.
 */
public final class TraceFormat {

    /** The format version this code reads and writes; a file of another is refused. */
    public static final int VERSION = 1;

    /** The header's first word. */
    static final String HEADER = "trace";

    /** The last line's first word. */
    static final String END = "end";

    static final String RESET = "reset";

    private TraceFormat() {}

    /** The trace as text. */
    public static String write(Trace t) {
        return write(t, List.of());
    }

    /** The trace as text, with {@code comments} (one per line) after the format's own. */
    public static String write(Trace t, List<String> comments) {
        StringBuilder b = new StringBuilder();
        b.append("# mramcim command trace (docs/traces.md): \"+N\" = N clock edges after the previous line\n");
        for (String c : comments) {
            b.append("# ").append(c.replace("\n", " ")).append('\n');
        }
        b.append(HEADER)
                .append(' ')
                .append(VERSION)
                .append(" seed=")
                .append(t.seed())
                .append(" design=")
                .append(t.design())
                .append('\n');
        for (TraceLine l : t.lines()) {
            b.append('+').append(l.after()).append(' ');
            if (l.isReset()) {
                b.append(RESET);
            } else {
                Op op = Op.of(l.op());
                b.append(op != null ? op.name() : String.format(Locale.ROOT, "0x%X", l.op()));
                if (l.addr() != 0) {
                    b.append(String.format(Locale.ROOT, " addr=0x%X", l.addr()));
                }
                if (l.data() != 0) {
                    b.append(String.format(Locale.ROOT, " data=0x%X", l.data()));
                }
                if (l.stall() > 0) {
                    b.append(" stall=").append(l.stall());
                }
                if (!l.fault().none()) {
                    b.append(" fault=").append(FaultText.write(l.fault()));
                }
            }
            if (l.idle().length() > 0) {
                b.append(" idle=").append(idleText(l.idle()));
            }
            b.append('\n');
        }
        b.append(END).append(" +").append(t.endWait());
        if (t.endIdle().length() > 0) {
            b.append(" idle=").append(idleText(t.endIdle()));
        }
        b.append('\n');
        return b.toString();
    }

    /** Writes the trace to {@code file}. */
    public static void write(Trace t, Path file) throws IOException {
        write(t, List.of(), file);
    }

    /** Writes the trace to {@code file} with {@code comments}. */
    public static void write(Trace t, List<String> comments, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, write(t, comments), StandardCharsets.UTF_8);
    }

    /** Reads a trace file. */
    public static Trace read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses a trace.
     *
     * @param source how errors name it
     * @throws TraceFormatException with the line and column of the first thing wrong
     */
    public static Trace parse(String text, String source) {
        return new Parser(text, source).trace();
    }

    private static String idleText(IdleReady r) {
        StringBuilder b = new StringBuilder().append(r.length()).append(':');
        for (int k = 0; k < (r.length() + 3) / 4; k++) {
            int nibble = 0;
            for (int j = 0; j < 4; j++) {
                int i = 4 * k + j;
                if (i < r.length() && r.ready(i)) {
                    nibble |= 1 << j;
                }
            }
            b.append(Character.forDigit(nibble, 16));
        }
        return b.toString();
    }

    /** One pass over the text, line by line; errors carry line and column. */
    private static final class Parser {
        private final String[] rows;
        private final String source;
        private int row;

        Parser(String text, String source) {
            this.rows = text.split("\r?\n", -1);
            this.source = source;
        }

        Trace trace() {
            String design = null;
            long seed = -1;
            List<TraceLine> lines = new ArrayList<>();
            Long end = null;
            IdleReady endIdle = IdleReady.HIGH;
            for (row = 0; row < rows.length; row++) {
                List<Token> tokens = tokens(rows[row]);
                if (tokens.isEmpty()) {
                    continue;
                }
                Token first = tokens.get(0);
                if (end != null) {
                    throw error(first, "nothing may follow the '" + END + "' line");
                }
                if (design == null) {
                    if (!first.text.equals(HEADER)) {
                        throw error(
                                first,
                                "expected the header 'trace " + VERSION + " seed=N design=D', found '" + first.text
                                        + "'");
                    }
                    if (tokens.size() < 4) {
                        throw error(first, "the header needs a version, seed=N and design=D");
                    }
                    Token version = tokens.get(1);
                    if (!version.text.equals(Integer.toString(VERSION))) {
                        throw error(
                                version,
                                "format version '" + version.text + "' is not known: this mramcim" + " reads version "
                                        + VERSION);
                    }
                    seed = number(value(tokens.get(2), "seed"), 0, Long.MAX_VALUE, "seed", tokens.get(2));
                    Token d = tokens.get(3);
                    value(d, "design");
                    // the design is the rest of the line (a configuration path may hold spaces)
                    design = stripComment(rows[row])
                            .substring(d.column - 1 + "design=".length())
                            .strip();
                    if (design.isEmpty()) {
                        throw error(d, "design is empty: a preset name or config:FILE");
                    }
                    continue;
                }
                if (first.text.equals(END)) {
                    if (tokens.size() < 2 || tokens.size() > 3) {
                        throw error(first, "the end line is 'end +N [idle=COUNT:HEX]'");
                    }
                    end = offset(tokens.get(1));
                    if (tokens.size() == 3) {
                        endIdle = idle(value(tokens.get(2), "idle"), tokens.get(2));
                    }
                    continue;
                }
                lines.add(line(tokens));
            }
            if (design == null) {
                throw new TraceFormatException(source, 1, 1, "empty: no 'trace " + VERSION + " ...' header");
            }
            if (end == null) {
                throw new TraceFormatException(
                        source, rows.length, 1, "the trace has no 'end +N' line (a truncated file?)");
            }
            return new Trace(design, seed, lines, end, endIdle);
        }

        private TraceLine line(List<Token> tokens) {
            long wait = offset(tokens.get(0));
            if (tokens.size() < 2) {
                throw error(tokens.get(0), "a line is '+N OP field=value ...' or '+N reset'");
            }
            Token what = tokens.get(1);
            boolean reset = what.text.equals(RESET);
            int op = reset ? 0 : op(what);
            int addr = 0;
            long data = 0;
            int stall = 0;
            AnalogFault fault = AnalogFault.NONE;
            IdleReady idle = IdleReady.HIGH;
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (Token t : tokens.subList(2, tokens.size())) {
                int eq = t.text.indexOf('=');
                if (eq <= 0) {
                    throw error(t, "expected key=value, found '" + t.text + "'");
                }
                String key = t.text.substring(0, eq);
                String v = t.text.substring(eq + 1);
                if (!seen.add(key)) {
                    throw error(t, "'" + key + "' given twice");
                }
                if (reset && !key.equals("idle")) {
                    throw error(t, "a reset line takes only idle=, not '" + key + "'");
                }
                switch (key) {
                    case "addr" -> addr = (int) number(v, 0, TraceLine.MAX_ADDR, "addr", t);
                    case "data" -> data = word(v, t);
                    case "stall" -> stall = (int) number(v, 0, Integer.MAX_VALUE, "stall", t);
                    case "fault" -> {
                        try {
                            fault = FaultText.parse(v);
                        } catch (IllegalArgumentException e) {
                            throw error(t, "fault: " + e.getMessage());
                        }
                    }
                    case "idle" -> idle = idle(v, t);
                    default -> throw error(t, "unknown field '" + key + "': allowed addr, data, stall, fault, idle");
                }
            }
            return new TraceLine(
                    reset ? TraceLine.Kind.RESET : TraceLine.Kind.COMMAND, wait, op, addr, data, stall, fault, idle);
        }

        private long offset(Token t) {
            if (!t.text.startsWith("+")) {
                throw error(t, "expected the edge offset '+N', found '" + t.text + "'");
            }
            return number(t.text.substring(1), 0, TraceLine.MAX_EDGES, "offset", t);
        }

        private int op(Token t) {
            for (Op op : Op.values()) {
                if (op.name().equals(t.text)) {
                    return op.code();
                }
            }
            if (Character.isDigit(t.text.charAt(0))) {
                return (int) number(t.text, 0, TraceLine.MAX_OP, "op", t);
            }
            throw error(
                    t,
                    "unknown op '" + t.text + "': allowed " + java.util.Arrays.toString(Op.values()) + ", a code 0.."
                            + TraceLine.MAX_OP + ", or 'reset'");
        }

        private IdleReady idle(String v, Token t) {
            int colon = v.indexOf(':');
            if (colon <= 0) {
                throw error(t, "idle is COUNT:HEX, found '" + v + "'");
            }
            int n = (int) number(v.substring(0, colon), 0, Integer.MAX_VALUE, "idle count", t);
            String hex = v.substring(colon + 1);
            if (hex.length() != (n + 3) / 4) {
                throw error(t, "idle: " + n + " edges need " + (n + 3) / 4 + " hex digits, found " + hex.length());
            }
            long[] words = new long[(n + 63) / 64];
            for (int k = 0; k < hex.length(); k++) {
                int nibble = Character.digit(hex.charAt(k), 16);
                if (nibble < 0) {
                    throw error(t, "idle: '" + hex.charAt(k) + "' is not a hex digit");
                }
                for (int j = 0; j < 4; j++) {
                    int i = 4 * k + j;
                    if ((nibble >>> j & 1) != 0) {
                        if (i >= n) {
                            throw error(t, "idle: bits set beyond the " + n + " edges");
                        }
                        words[i >>> 6] |= 1L << (i & 63);
                    }
                }
            }
            return new IdleReady(n, words);
        }

        private String value(Token t, String key) {
            if (!t.text.startsWith(key + "=")) {
                throw error(t, "expected " + key + "=..., found '" + t.text + "'");
            }
            return t.text.substring(key.length() + 1);
        }

        private long number(String v, long lo, long hi, String name, Token t) {
            long n;
            try {
                n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw error(t, name + " '" + v + "' is not a number");
            }
            if (n < lo || n > hi) {
                throw error(t, name + " = " + v + " is out of range: allowed " + lo + ".." + hi);
            }
            return n;
        }

        private long word(String v, Token t) {
            try {
                if (v.startsWith("0x") || v.startsWith("0X")) {
                    String hex = v.substring(2);
                    if (hex.isEmpty() || hex.length() > 16) {
                        throw new NumberFormatException();
                    }
                    return Long.parseUnsignedLong(hex, 16);
                }
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw error(
                        t, "data '" + v + "' is not a 64-bit word (0x followed by up to 16 hex digits, or decimal)");
            }
        }

        private TraceFormatException error(Token t, String message) {
            return new TraceFormatException(source, row + 1, t.column, message);
        }

        private static String stripComment(String s) {
            int hash = s.indexOf('#');
            return hash < 0 ? s : s.substring(0, hash);
        }

        private static List<Token> tokens(String s) {
            String body = stripComment(s);
            List<Token> out = new ArrayList<>();
            int i = 0;
            while (i < body.length()) {
                while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < body.length() && !Character.isWhitespace(body.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    out.add(new Token(body.substring(start, i), start + 1));
                }
            }
            return out;
        }
    }

    private record Token(String text, int column) {}
}
