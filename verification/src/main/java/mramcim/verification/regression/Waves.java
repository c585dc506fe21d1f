package mramcim.verification.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mramcim.cosim.lockstep.CycleListener;
import mramcim.cosim.lockstep.Lockstep;
import mramcim.cosim.verilator.VerilatedModel;
import mramcim.cosim.wave.GtkwSave;
import mramcim.cosim.wave.ModelVcdWriter;

/**
 * Waveforms of a lockstep for a window of cycles: the Verilator trace of the RTL and the Java
 * model's VCD (same names), switched on at {@code from} and written until the run ends, then a
 * GTKWave save file per side and, when Debian's {@code vcd2fst} is on PATH, FST copies.
 */
public final class Waves implements CycleListener, AutoCloseable {

    private final Path dir;
    private final long from;
    private ModelVcdWriter model;
    private Lockstep ls;

    /** Traces from edge {@code from} (counted from 1) on into {@code dir}. */
    public Waves(Path dir, long from) {
        this.dir = dir;
        this.from = Math.max(1, from);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create the waveform directory " + dir, e);
        }
    }

    public Path rtlVcd() {
        return dir.resolve("rtl.vcd");
    }

    public Path modelVcd() {
        return dir.resolve("model.vcd");
    }

    @Override
    public void afterEdge(Lockstep l, long cycle) {
        if (model == null && cycle >= from) {
            ls = l;
            l.rtl().traceOn(rtlVcd());
            model = new ModelVcdWriter(modelVcd(), l, 2 * VerilatedModel.DEFAULT_HALF_PERIOD_PS);
        }
        if (model != null) {
            model.sample(l, cycle);
        }
    }

    @Override
    public void end(Lockstep l) {
        close();
    }

    /** The RTL's trace is switched on at an edge and written by the RTL as it runs. */
    @Override
    public boolean needsLiveRtl() {
        return true;
    }

    /** Closes both traces and writes the save files and FST copies; returns the files written. */
    public List<Path> finish(int rows, int cols) throws IOException, InterruptedException {
        close();
        List<Path> files = new ArrayList<>();
        if (!Files.exists(rtlVcd())) {
            return files;
        }
        files.add(rtlVcd());
        files.add(modelVcd());
        GtkwSave.write(dir.resolve("rtl.gtkw"), rtlVcd(), rows, cols, false);
        GtkwSave.write(dir.resolve("model.gtkw"), modelVcd(), rows, cols, true);
        files.add(dir.resolve("rtl.gtkw"));
        files.add(dir.resolve("model.gtkw"));
        for (String side : new String[] {"rtl", "model"}) {
            Path fst = dir.resolve(side + ".fst");
            if (toFst(dir.resolve(side + ".vcd"), fst)) {
                files.add(fst);
            }
        }
        return files;
    }

    /**
     * Converts with Debian's vcd2fst; false when it is not installed. Throws if it rejects the
     * file.
     */
    public static boolean toFst(Path vcd, Path fst) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("vcd2fst", vcd.toString(), fst.toString())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return false;
        }
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(fst)) {
            throw new IOException("vcd2fst rejected " + vcd + ":\n" + out);
        }
        return true;
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
            ls.rtl().traceOff();
            model = null;
        }
    }
}
