package mramcim.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import mramcim.verification.yosys.RtlReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mramcim rtl-report}: regenerates the ports and cell-count section of docs/rtl.md. */
@Command(
        name = "rtl-report",
        description = "Synthesise the top with yosys per size and update the generated section of docs/rtl.md.")
public final class RtlReportCommand implements Callable<Integer> {

    @Option(
            names = "--sizes",
            defaultValue = "8x8,64x64,128x128",
            description = "sizes, comma separated (default ${DEFAULT-VALUE})")
    String sizes;

    @Option(
            names = "--doc",
            defaultValue = "docs/rtl.md",
            description = "the page to update (default ${DEFAULT-VALUE})")
    Path doc;

    @Override
    public Integer call() throws Exception {
        List<RtlReport.Size> list =
                Arrays.stream(sizes.split(",")).map(RtlReport.Size::parse).toList();
        String section =
                RtlReport.section(list, new RtlReport.Size(64, 64), line -> System.err.println("rtl-report: " + line));
        RtlReport.update(doc, section);
        System.out.println("updated " + doc);
        return 0;
    }
}
