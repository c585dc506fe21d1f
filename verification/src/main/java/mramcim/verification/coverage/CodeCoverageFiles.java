package mramcim.verification.coverage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mramcim.cosim.verilator.NativeBuilder;

/**
 * The code-coverage files of a run in {@code OUT/code-coverage}: the merged Verilator coverage
 * file, its lcov {@code .info}, the design's sources as the coverage points name them, and the HTML
 * report; and their summary.
 */
public final class CodeCoverageFiles {

    /** The directory below the output directory. */
    public static final String DIR = "code-coverage";

    /** The merged coverage file, relative to the output directory. */
    public static final String DATA = DIR + "/coverage.dat";

    /** The instance of the macro in Verilator's hierarchy names. */
    public static final String TOP_INSTANCE = "TOP.MramCimMacro";

    private CodeCoverageFiles() {}

    /**
     * The code coverage of shards merged into {@code out}: their coverage files added point by
     * point, the sources taken from the first shard.
     */
    public static CodeCoverage.Summary mergeShards(List<Path> shardDirs, Path out, String top) {
        List<Path> dats = shardDirs.stream().map(d -> d.resolve(DATA)).toList();
        for (Path d : dats) {
            if (!Files.isRegularFile(d)) {
                throw new IllegalArgumentException(
                        "merge: " + d + " is missing: that shard's code coverage cannot be merged");
            }
        }
        Path src = shardDirs.get(0).resolve(DIR).resolve("src");
        List<NativeBuilder.Source> sources = new java.util.ArrayList<>();
        try (var files = Files.list(src)) {
            for (Path f : files.sorted().toList()) {
                sources.add(new NativeBuilder.Source(
                        f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("merge: the sources of the code coverage are missing in " + src, e);
        }
        return write(dats, out, top, sources, true);
    }

    /**
     * Merges {@code inputs} (coverage files, absolute) into {@code out}'s coverage file, writes the
     * .info and the HTML report over {@code sources} (the netlist as it was compiled), and returns
     * the summary.
     */
    public static CodeCoverage.Summary write(
            List<Path> inputs, Path out, String top, List<NativeBuilder.Source> sources) {
        return write(inputs, out, top, sources, false);
    }

    private static CodeCoverage.Summary write(
            List<Path> inputs, Path out, String top, List<NativeBuilder.Source> sources, boolean namedAlready) {
        Path dir = out.resolve(DIR);
        Path dat = out.resolve(DATA);
        try {
            Files.createDirectories(dir);
            CodeCoverage.merge(inputs, dat);
            Path info = dir.resolve("coverage.info");
            CodeCoverage.info(dat, info);
            Path src = Files.createDirectories(dir.resolve("src"));
            for (int k = 0; k < sources.size(); k++) {
                String name = namedAlready ? sources.get(k).name() : NativeBuilder.internalName(top, k, sources.get(k));
                Files.writeString(src.resolve(name), sources.get(k).text(), StandardCharsets.UTF_8);
            }
            boolean html = CodeCoverage.html(info, src, dir.resolve("html"));
            return CodeCoverage.summarize(dat, DATA, html ? DIR + "/html/index.html" : null, TOP_INSTANCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the code coverage into " + dir, e);
        }
    }
}
