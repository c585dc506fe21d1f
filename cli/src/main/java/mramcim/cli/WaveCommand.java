package mramcim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mramcim.cosim.lockstep.Engine;
import mramcim.cosim.verilator.NativeBuild;
import mramcim.verification.regression.CosimRun;
import mramcim.verification.trace.TraceFile;
import mramcim.verification.waveform.Waveform;
import mramcim.verification.waveform.WaveformSvg;
import mramcim.verification.waveform.WindowCapture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mramcim wave}: a waveform picture (SVG) of a window of a trace's lockstep run, the same
 * drawing as a failure's picture; the timing diagrams of docs/timing.md are made this way.
 */
@Command(
        name = "wave",
        mixinStandardHelpOptions = true,
        description = "Draw a window of a trace's lockstep run as an SVG waveform picture (both sides, analog reals).")
public final class WaveCommand implements Callable<Integer> {

    /** Most edges a picture may show (wider pictures stop being readable). */
    static final int MAX_EDGES = 400;

    @Option(names = "--trace", required = true, paramLabel = "FILE", description = "the command trace to run")
    Path trace;

    @picocli.CommandLine.Mixin
    NetlistOptions netlist;

    @Option(names = "--from", defaultValue = "1", description = "first edge shown (default ${DEFAULT-VALUE})")
    long from;

    @Option(
            names = "--edges",
            defaultValue = "48",
            description = "edges shown at most, the last ones of the run from --from (default ${DEFAULT-VALUE})")
    int edges;

    @Option(
            names = "--rows",
            split = ",",
            paramLabel = "NAME",
            description = "the rows to draw, in order (default: all), for example cmd_valid,cmd_ready,drv_en")
    List<String> rows;

    @Option(names = "--title", description = "the line over the picture (default: the trace's file name)")
    String title;

    @Option(names = "--out", required = true, paramLabel = "FILE.svg", description = "the picture")
    Path out;

    @Override
    public Integer call() throws Exception {
        CliChecks.range("--edges", edges, 1, MAX_EDGES);
        CliChecks.range("--from", from, 1, CliChecks.MAX_CYCLES);
        TraceFile t = TraceFiles.read("--trace", trace);
        CosimRun.Options o = CosimRun.ofTrace(t, netlist.files(), Map.of(), Engine.CYCLE);
        NativeBuild build = CosimRun.library(o, line -> System.err.println("wave: " + line));
        WindowCapture capture = new WindowCapture(edges, from);
        CosimRun.Result r = CosimRun.run(o, build, capture);
        if (capture.size() == 0) {
            throw new IllegalArgumentException(
                    "--from = " + from + " is past the run's last edge " + r.cycles() + ": allowed 1.." + r.cycles());
        }
        String heading = title != null ? title : trace.getFileName().toString();
        Waveform w = capture.waveform(
                r.passed() ? heading : heading + ": " + CosimRun.describe(o, r).get(1), null, r.failureCycle());
        WaveformSvg.write(rows == null ? w : w.select(rows), out);
        System.out.println("wrote " + out.toAbsolutePath().normalize() + " (" + capture.size() + " edges, run "
                + (r.passed() ? "passed" : "failed") + ")");
        return 0;
    }
}
