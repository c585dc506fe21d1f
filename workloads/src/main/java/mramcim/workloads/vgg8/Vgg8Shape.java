package mramcim.workloads.vgg8;

import java.util.Arrays;

/**
 * The shape of the binary VGG-8 of seed 000's emulation, for 28 x 28 digits: six 3 x 3
 * convolutions (same padding, the padding pixels -1 like the background) in three blocks of two,
 * each block ending in 2 x 2 max pooling (28 -> 14 -> 7 -> 3), then two fully connected layers
 * (the first binary, the second the class scores).
 *
 * @param channels output channels of the six convolutions
 * @param hidden outputs of the first fully connected layer
 */
public record Vgg8Shape(int[] channels, int hidden) {

    /** Convolutions. */
    public static final int CONVOLUTIONS = 6;

    /** The side of an input digit. */
    public static final int SIDE = 28;

    /** Classes. */
    public static final int CLASSES = 10;

    /** Kernel side. */
    public static final int KERNEL = 3;

    public Vgg8Shape {
        if (channels.length != CONVOLUTIONS) {
            throw new IllegalArgumentException("a VGG-8 has " + CONVOLUTIONS + " convolutions, not " + channels.length);
        }
        for (int c : channels) {
            if (c < 1 || c > 1024) {
                throw new IllegalArgumentException("channels = " + c + " is out of range: allowed 1..1024");
            }
        }
        if (hidden < 1 || hidden > 4096) {
            throw new IllegalArgumentException("hidden = " + hidden + " is out of range: allowed 1..4096");
        }
        channels = channels.clone();
    }

    /**
     * The default network (assumed): 16-16-32-32-64-64 channels and 128 hidden, the smallest
     * doubling VGG that reaches 98 % on the 2,000 held-out digits; it trains in minutes on two cores.
     */
    public static Vgg8Shape defaults() {
        return new Vgg8Shape(new int[] {16, 16, 32, 32, 64, 64}, 128);
    }

    /** A small network for the tests. */
    public static Vgg8Shape small() {
        return new Vgg8Shape(new int[] {4, 4, 8, 8, 8, 8}, 32);
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    /** Output channels of convolution {@code l}. */
    public int out(int l) {
        return channels[l];
    }

    /** Input channels of convolution {@code l}. */
    public int in(int l) {
        return l == 0 ? 1 : channels[l - 1];
    }

    /** Side of the input of convolution {@code l}: 28, 28, 14, 14, 7, 7. */
    public static int side(int l) {
        int s = SIDE;
        for (int k = 1; k <= l; k++) {
            if (k % 2 == 0) {
                s /= 2;
            }
        }
        return s;
    }

    /** True if convolution {@code l} is followed by pooling (the second of each block). */
    public static boolean pools(int l) {
        return l % 2 == 1;
    }

    /** Inputs of the first fully connected layer: the pooled output of the last convolution. */
    public int flat() {
        int s = side(CONVOLUTIONS - 1) / 2;
        return channels[CONVOLUTIONS - 1] * s * s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vgg8Shape v && Arrays.equals(channels, v.channels) && hidden == v.hidden;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(channels) + hidden;
    }

    @Override
    public String toString() {
        return "conv " + Arrays.toString(channels) + ", fc " + flat() + "-" + hidden + "-" + CLASSES;
    }
}
