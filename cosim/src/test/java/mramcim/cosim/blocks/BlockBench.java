package mramcim.cosim.blocks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.cosim.verilator.RtlLibraries;
import mramcim.cosim.verilator.VerilatedModel;

/**
 * One RTL block elaborated as a top and Verilated, driven by port name. The block suites use it to
 * test each block alone against expectations they compute themselves from SPEC section 5.
 */
final class BlockBench {

    private static final Map<String, NativeBuild> BUILDS = new ConcurrentHashMap<>();

    private final VerilatedModel model;

    private BlockBench(VerilatedModel model) {
        this.model = model;
    }

    /** Opens a fresh instance of {@code top} at {@code rows x cols}, building its library once. */
    static BlockBench open(String top, int rows, int cols) {
        NativeBuild build = BUILDS.computeIfAbsent(
                top + "_" + rows + "x" + cols, k -> RtlLibraries.forTop(top, rows, cols, System.out::println));
        return new BlockBench(VerilatedModel.open(build));
    }

    BlockBench set(String port, long value) {
        model.set(model.ports().port(port), value);
        return this;
    }

    BlockBench setWords(String port, long[] words) {
        model.setWords(model.ports().port(port), words);
        return this;
    }

    long get(String port) {
        return model.get(model.ports().port(port));
    }

    long[] getWords(String port) {
        return model.getWords(model.ports().port(port));
    }

    boolean bit(String port) {
        return get(port) != 0;
    }

    int width(String port) {
        return model.ports().port(port).width();
    }

    /** Combinational outputs for the present inputs, without a clock edge. */
    BlockBench eval() {
        model.eval();
        return this;
    }

    /** One rising edge, then the outputs of the next cycle. */
    BlockBench step() {
        model.step();
        return this;
    }

    BlockBench step(int n) {
        for (int i = 0; i < n; i++) {
            model.step();
        }
        return this;
    }

    BlockBench reset() {
        model.reset(2);
        return this;
    }

    long cycle() {
        return model.cycle();
    }

    void close() {
        model.close();
    }
}
