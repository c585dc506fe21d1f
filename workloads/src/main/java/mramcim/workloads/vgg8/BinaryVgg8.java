package mramcim.workloads.vgg8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The binary VGG-8 as it runs in integer arithmetic (docs/vgg8.md): binarised input pixels, +1/-1
 * weights in the six convolutions and the first fully connected layer, each output channel firing
 * (+1) when {@code direction (a - threshold) >= 0} (batch norm folded, as the perceptron's), 2 x 2
 * max pooling of the binary activations (an OR), and the class scores {@code z_k = sum_j h_j
 * W_kj} of the last layer, argmax with the lowest class on a tie.
 *
 * <p>Layer l's inputs for one output position are a binary vector of {@link #inputs(int)} values:
 * for a convolution the 3 x 3 patch of every input channel, index {@code ci * 9 + dy * 3 + dx},
 * outside the image -1 (the background); for the fully connected layer the pooled activations of
 * the last convolution, index {@code c * 9 + y * 3 + x}. Vectors are bit sets (bit set = +1).
 *
 * @param shape the architecture
 * @param weights {@code [layer][output][input]}, +1/-1, layers 0..5 the convolutions, 6 the first
 *     fully connected layer
 * @param threshold {@code [layer][output]}
 * @param direction {@code [layer][output]}, +1 or -1
 * @param classes {@code [class][hidden]}, +1/-1
 */
public record BinaryVgg8(Vgg8Shape shape, byte[][][] weights, int[][] threshold, int[][] direction, byte[][] classes) {

    /** File format identifier. */
    public static final String FORMAT = "mramcim-vgg8/1";

    /** Binary layers: the six convolutions and the first fully connected layer. */
    public static final int LAYERS = Vgg8Shape.CONVOLUTIONS + 1;

    /**
     * The class layer's index for an {@link Engine}: its dot products run on the array too (binary
     * inputs and weights), the argmax in the digital domain, as the perceptron's second layer.
     */
    public static final int CLASS_LAYER = LAYERS;

    /** Every layer an engine computes: the binary layers and the class layer. */
    public static final int ENGINE_LAYERS = LAYERS + 1;

    /** Computes a layer's dot products for a batch of input vectors. */
    @FunctionalInterface
    public interface Engine {
        /**
         * @param vectors layer inputs, bit sets
         * @return {@code [vector][output]} dot products
         */
        int[][] dot(BinaryVgg8 net, int layer, long[][] vectors);
    }

    /** Exact dot products (software): {@code K - 2 popcount(w xor x)}. */
    public static final Engine EXACT = (net, layer, vectors) -> exact(net.bits(layer), net.inputs(layer), vectors);

    /**
     * Exact dot products of the vectors with the bit-set weights {@code w} ([output][word]) of
     * {@code k} inputs: {@code K - 2 popcount(w xor x)}, [vector][output].
     */
    public static int[][] exact(long[][] w, int k, long[][] vectors) {
        int[][] out = new int[vectors.length][w.length];
        for (int v = 0; v < vectors.length; v++) {
            for (int o = 0; o < w.length; o++) {
                int differ = 0;
                for (int i = 0; i < w[o].length; i++) {
                    differ += Long.bitCount(w[o][i] ^ vectors[v][i]);
                }
                out[v][o] = k - 2 * differ;
            }
        }
        return out;
    }

    /** Inputs of layer l's dot products. */
    public int inputs(int layer) {
        if (layer == CLASS_LAYER) {
            return shape.hidden();
        }
        return layer < Vgg8Shape.CONVOLUTIONS ? shape.in(layer) * 9 : shape.flat();
    }

    /** Outputs of layer l. */
    public int outputs(int layer) {
        if (layer == CLASS_LAYER) {
            return Vgg8Shape.CLASSES;
        }
        return layer < Vgg8Shape.CONVOLUTIONS ? shape.out(layer) : shape.hidden();
    }

    /** Output positions of layer l per image: side x side for a convolution, 1 for the dense layers. */
    public static int positions(int layer) {
        int s = layer < Vgg8Shape.CONVOLUTIONS ? Vgg8Shape.side(layer) : 1;
        return s * s;
    }

    /** Layer l's weights {@code [output][input]} (the class layer's included). */
    public byte[][] weightsOf(int layer) {
        return layer == CLASS_LAYER ? classes : weights[layer];
    }

    /** Layer l's weights as bit sets, [output][word]. */
    public long[][] bits(int layer) {
        byte[][] w = weightsOf(layer);
        long[][] b = new long[w.length][];
        for (int o = 0; o < w.length; o++) {
            b[o] = pack(w[o]);
        }
        return b;
    }

    /** A +1/-1 vector as a bit set. */
    public static long[] pack(byte[] v) {
        long[] b = new long[(v.length + 63) / 64];
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                b[i >>> 6] |= 1L << (i & 63);
            }
        }
        return b;
    }

    /** Bit {@code i} of a bit set as +1/-1. */
    public static int value(long[] bits, int i) {
        return ((bits[i >>> 6] >>> (i & 63)) & 1) != 0 ? 1 : -1;
    }

    /**
     * The activations feeding layer 0: the binarised digit, channel-major {@code [channel][y][x]}
     * as booleans (true = +1).
     */
    public static boolean[] image(byte[] pixels) {
        boolean[] a = new boolean[pixels.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = pixels[i] > 0;
        }
        return a;
    }

    /**
     * Layer l's input vectors for the activations {@code act} of its input ({@code [channel][y][x]}),
     * one per output position.
     */
    public long[][] vectors(int layer, boolean[] act) {
        int k = inputs(layer);
        int words = (k + 63) / 64;
        if (layer >= Vgg8Shape.CONVOLUTIONS) {
            long[] v = new long[words];
            for (int i = 0; i < k; i++) {
                if (act[i]) {
                    v[i >>> 6] |= 1L << (i & 63);
                }
            }
            return new long[][] {v};
        }
        int side = Vgg8Shape.side(layer);
        int p = side * side;
        int cin = shape.in(layer);
        long[][] out = new long[p][words];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                long[] v = out[y * side + x];
                for (int ci = 0; ci < cin; ci++) {
                    for (int dy = 0; dy < 3; dy++) {
                        int sy = y + dy - 1;
                        for (int dx = 0; dx < 3; dx++) {
                            int sx = x + dx - 1;
                            if (sy >= 0 && sy < side && sx >= 0 && sx < side && act[ci * p + sy * side + sx]) {
                                int i = ci * 9 + dy * 3 + dx;
                                v[i >>> 6] |= 1L << (i & 63);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Whether output o of layer l fires at pre-activation {@code a}. */
    public boolean fires(int layer, int o, int a) {
        return direction[layer][o] * (a - threshold[layer][o]) >= 0;
    }

    /**
     * Layer l's output activations ({@code [output][y][x]}, pooled where the layer pools) from its
     * pre-activations {@code a[position][output]}.
     */
    public boolean[] activations(int layer, int[][] a) {
        int outs = outputs(layer);
        if (layer == Vgg8Shape.CONVOLUTIONS) {
            boolean[] h = new boolean[outs];
            for (int o = 0; o < outs; o++) {
                h[o] = fires(layer, o, a[0][o]);
            }
            return h;
        }
        int side = Vgg8Shape.side(layer);
        int p = side * side;
        if (!Vgg8Shape.pools(layer)) {
            boolean[] h = new boolean[outs * p];
            for (int q = 0; q < p; q++) {
                for (int o = 0; o < outs; o++) {
                    h[o * p + q] = fires(layer, o, a[q][o]);
                }
            }
            return h;
        }
        int ps = side / 2;
        boolean[] h = new boolean[outs * ps * ps];
        for (int o = 0; o < outs; o++) {
            for (int y = 0; y < ps; y++) {
                for (int x = 0; x < ps; x++) {
                    boolean any = false;
                    for (int d = 0; d < 4; d++) {
                        any |= fires(layer, o, a[(2 * y + d / 2) * side + 2 * x + d % 2][o]);
                    }
                    h[o * ps * ps + y * ps + x] = any;
                }
            }
        }
        return h;
    }

    /** Class scores from the hidden activations. */
    public int[] scores(boolean[] hidden) {
        int[] z = new int[classes.length];
        for (int k = 0; k < z.length; k++) {
            for (int j = 0; j < hidden.length; j++) {
                z[k] += hidden[j] ? classes[k][j] : -classes[k][j];
            }
        }
        return z;
    }

    /**
     * Classifies a batch of digits layer by layer: every image's vectors of a layer go to {@code
     * engine} together (so an array is programmed once per tile and layer).
     *
     * @param progress told once per layer ({@link #ENGINE_LAYERS} steps)
     */
    public int[] predict(java.util.List<byte[]> digits, Engine engine, java.util.function.LongConsumer progress) {
        int n = digits.size();
        boolean[][] act = new boolean[n][];
        for (int s = 0; s < n; s++) {
            act[s] = image(digits.get(s));
        }
        for (int l = 0; l < LAYERS; l++) {
            int p = positions(l);
            long[][] all = new long[n * p][];
            for (int s = 0; s < n; s++) {
                long[][] v = vectors(l, act[s]);
                System.arraycopy(v, 0, all, s * p, p);
            }
            int[][] a = engine.dot(this, l, all);
            for (int s = 0; s < n; s++) {
                act[s] = activations(l, java.util.Arrays.copyOfRange(a, s * p, (s + 1) * p));
            }
            progress.accept(1);
        }
        long[][] hidden = new long[n][];
        for (int s = 0; s < n; s++) {
            hidden[s] = vectors(CLASS_LAYER, act[s])[0];
        }
        int[][] z = engine.dot(this, CLASS_LAYER, hidden);
        progress.accept(1);
        int[] out = new int[n];
        for (int s = 0; s < n; s++) {
            out[s] = mramcim.workloads.mnist.BinaryMlp.argmax(z[s]);
        }
        return out;
    }

    /** The class of one digit in software (exact dot products). */
    public int predict(byte[] digit) {
        return predict(java.util.List.of(digit), EXACT, n -> {})[0];
    }

    /** Writes the network as JSON. */
    public void save(Path file) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = json.createObjectNode();
        o.put("format", FORMAT);
        ArrayNode ch = o.putArray("channels");
        for (int c : shape.channels()) {
            ch.add(c);
        }
        o.put("hidden", shape.hidden());
        ArrayNode layers = o.putArray("layers");
        for (int l = 0; l < LAYERS; l++) {
            ObjectNode layer = layers.addObject();
            ArrayNode w = layer.putArray("weights");
            for (byte[] row : weights[l]) {
                w.add(bitsText(row));
            }
            ArrayNode t = layer.putArray("threshold");
            ArrayNode d = layer.putArray("direction");
            for (int i = 0; i < threshold[l].length; i++) {
                t.add(threshold[l][i]);
                d.add(direction[l][i]);
            }
        }
        ArrayNode c = o.putArray("classes");
        for (byte[] row : classes) {
            c.add(bitsText(row));
        }
        try {
            mramcim.model.io.AtomicFiles.writeString(file, json.writeValueAsString(o) + "\n", "network");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write the network " + file + ": " + e.getMessage(), e);
        }
    }

    private static String bitsText(byte[] row) {
        StringBuilder sb = new StringBuilder(row.length);
        for (byte b : row) {
            sb.append(b > 0 ? '1' : '0');
        }
        return sb.toString();
    }

    /** Reads a network {@link #save} wrote; refuses anything else with the reason. */
    public static BinaryVgg8 load(Path file) {
        JsonNode o;
        try {
            o = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("network " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (o == null || !o.isObject() || !FORMAT.equals(o.path("format").asText())) {
            throw new IllegalArgumentException(
                    "network " + file + " is not a VGG-8 network mramcim wrote (format " + FORMAT + ")");
        }
        try {
            int[] ch = new int[Vgg8Shape.CONVOLUTIONS];
            for (int i = 0; i < ch.length; i++) {
                ch[i] = o.get("channels").get(i).intValue();
            }
            Vgg8Shape shape = new Vgg8Shape(ch, o.get("hidden").intValue());
            byte[][][] w = new byte[LAYERS][][];
            int[][] t = new int[LAYERS][];
            int[][] d = new int[LAYERS][];
            BinaryVgg8 probe = new BinaryVgg8(shape, null, null, null, null);
            for (int l = 0; l < LAYERS; l++) {
                JsonNode layer = o.get("layers").get(l);
                int outs = probe.outputs(l);
                w[l] = new byte[outs][];
                t[l] = new int[outs];
                d[l] = new int[outs];
                for (int i = 0; i < outs; i++) {
                    w[l][i] = bitsOf(layer.get("weights").get(i).asText(), probe.inputs(l));
                    t[l][i] = layer.get("threshold").get(i).intValue();
                    d[l][i] = layer.get("direction").get(i).intValue() >= 0 ? 1 : -1;
                }
            }
            byte[][] c = new byte[Vgg8Shape.CLASSES][];
            for (int k = 0; k < c.length; k++) {
                c[k] = bitsOf(o.get("classes").get(k).asText(), shape.hidden());
            }
            return new BinaryVgg8(shape, w, t, d, c);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("network " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    private static byte[] bitsOf(String s, int n) {
        if (s.length() != n || !s.matches("[01]*")) {
            throw new IllegalArgumentException(
                    "a weight row of " + s.length() + " characters where " + n + " of 0 and 1 are due");
        }
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = s.charAt(i) == '1' ? (byte) 1 : (byte) -1;
        }
        return b;
    }
}
