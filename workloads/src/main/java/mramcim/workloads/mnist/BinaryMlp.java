package mramcim.workloads.mnist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The binary two-layer perceptron of seed 000 as it runs in integer arithmetic: +1/-1 weights,
 * binarised input pixels, hidden neuron j fires (+1) when its pre-activation {@code a_j = sum_i x_i
 * W1_ij} passes its threshold (batch normalisation folded into an integer threshold and a
 * direction), the output is the argmax of {@code z_k = sum_j h_j W2_jk} (lowest class on a tie).
 *
 * @param inputs 784
 * @param hidden 128
 * @param classes 10
 * @param w1 [input][hidden], +1 or -1
 * @param threshold [hidden]: h_j = +1 iff direction_j * (a_j - threshold_j) >= 0
 * @param direction [hidden]: +1 or -1 (the sign of the folded batch-norm scale)
 * @param w2 [hidden][class], +1 or -1
 */
public record BinaryMlp(
        int inputs, int hidden, int classes, byte[][] w1, int[] threshold, int[] direction, byte[][] w2) {

    static final String FORMAT = "mramcim-bnn/1";

    /** Pre-activations of the hidden layer: exact integer dot products. */
    public int[] hiddenPreActivation(byte[] x) {
        int[] a = new int[hidden];
        for (int i = 0; i < inputs; i++) {
            byte xi = x[i];
            byte[] row = w1[i];
            for (int j = 0; j < hidden; j++) {
                a[j] += xi * row[j];
            }
        }
        return a;
    }

    /** The digital hidden activation from the pre-activation of neuron j. */
    public byte fire(int j, int a) {
        return direction[j] * (a - threshold[j]) >= 0 ? (byte) 1 : (byte) -1;
    }

    /** Hidden activations for pre-activations {@code a}. */
    public byte[] hiddenActivation(int[] a) {
        byte[] h = new byte[hidden];
        for (int j = 0; j < hidden; j++) {
            h[j] = fire(j, a[j]);
        }
        return h;
    }

    /** Output scores {@code z_k}. */
    public int[] scores(byte[] h) {
        int[] z = new int[classes];
        for (int j = 0; j < hidden; j++) {
            for (int k = 0; k < classes; k++) {
                z[k] += h[j] * w2[j][k];
            }
        }
        return z;
    }

    /** Argmax, lowest index on a tie. */
    public static int argmax(int[] z) {
        int best = 0;
        for (int k = 1; k < z.length; k++) {
            if (z[k] > z[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The exact software prediction. */
    public int predict(byte[] x) {
        return argmax(scores(hiddenActivation(hiddenPreActivation(x))));
    }

    /** Writes the network as JSON (weights as strings of '+' and '-', one per input row). */
    public void save(Path file) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("format", FORMAT);
        o.putArray("layers").add(inputs).add(hidden).add(classes);
        rows(o.putArray("w1"), w1);
        ArrayNode t = o.putArray("threshold");
        ArrayNode d = o.putArray("direction");
        for (int j = 0; j < hidden; j++) {
            t.add(threshold[j]);
            d.add(direction[j]);
        }
        rows(o.putArray("w2"), w2);
        // Written beside the target and renamed into place: a kill or a full disk never leaves half
        // a network.
        String text;
        try {
            text = json.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a network of plain arrays always serializes", e);
        }
        mramcim.model.io.AtomicFiles.writeString(file, text, "network");
    }

    private static void rows(ArrayNode a, byte[][] w) {
        for (byte[] row : w) {
            StringBuilder sb = new StringBuilder(row.length);
            for (byte b : row) {
                sb.append(b > 0 ? '+' : '-');
            }
            a.add(sb.toString());
        }
    }

    /**
     * Reads a network written by {@link #save}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static BinaryMlp load(Path file) {
        try {
            JsonNode o = new ObjectMapper().readTree(file.toFile());
            if (o == null || !FORMAT.equals(o.path("format").asText())) {
                throw new IllegalArgumentException("format is not " + FORMAT);
            }
            int in = o.path("layers").path(0).asInt();
            int hid = o.path("layers").path(1).asInt();
            int cls = o.path("layers").path(2).asInt();
            byte[][] w1 = parseRows(o.path("w1"), in, hid, "w1");
            byte[][] w2 = parseRows(o.path("w2"), hid, cls, "w2");
            int[] t = new int[hid];
            int[] d = new int[hid];
            for (int j = 0; j < hid; j++) {
                t[j] = o.path("threshold").path(j).asInt();
                d[j] = o.path("direction").path(j).asInt();
                if (d[j] != 1 && d[j] != -1) {
                    throw new IllegalArgumentException(
                            "direction[" + j + "] = " + o.path("direction").path(j) + ": allowed +1 or -1");
                }
            }
            return new BinaryMlp(in, hid, cls, w1, t, d, w2);
        } catch (IOException e) {
            throw new IllegalArgumentException("network " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("network " + file + " refused: " + e.getMessage(), e);
        }
    }

    private static byte[][] parseRows(JsonNode a, int rows, int cols, String name) {
        if (!a.isArray() || a.size() != rows) {
            throw new IllegalArgumentException(
                    name + " must have " + rows + " rows, has " + (a.isArray() ? a.size() : "none"));
        }
        byte[][] w = new byte[rows][cols];
        for (int i = 0; i < rows; i++) {
            String s = a.get(i).asText();
            if (s.length() != cols || !s.matches("[+-]*")) {
                throw new IllegalArgumentException(name + " row " + i + " must be " + cols + " characters of + and -");
            }
            for (int j = 0; j < cols; j++) {
                w[i][j] = s.charAt(j) == '+' ? (byte) 1 : (byte) -1;
            }
        }
        return w;
    }
}
