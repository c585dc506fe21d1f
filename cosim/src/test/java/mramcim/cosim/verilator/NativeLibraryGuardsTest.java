package mramcim.cosim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mramcim.rtl.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stale or foreign library is refused, a missing tool is named, and unchanged input is not rebuilt. */
class NativeLibraryGuardsTest {

    @TempDir
    Path tmp;

    @Test
    void libraryBuiltForAnotherConfigurationIsRefusedWithBothConfigurationsNamed() throws Exception {
        NativeBuild small = RtlLibraries.forTop("TdcBank", 8, 8, line -> { });
        NativeBuild wanted = RtlLibraries.forTop("TdcBank", 64, 64, line -> { });
        // The 8x8 library copied to where the 64x64 one is expected (a stale cache, a copied file).
        Path foreign = Files.createDirectories(tmp.resolve("TdcBank_64x64")).resolve("libmramcim.so");
        Files.copy(small.library(), foreign);
        NativeBuild misplaced = new NativeBuild(wanted.top(), wanted.label(), wanted.hash(), foreign, wanted.ports());

        LibraryMismatchException e = assertThrows(LibraryMismatchException.class, () -> VerilatedModel.open(misplaced));
        assertTrue(e.getMessage().contains("built for 'TdcBank 8x8 hash=" + small.hash() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("TdcBank 64x64"), e.getMessage());
        assertTrue(e.getMessage().contains("delete it"), "the message says how to fix it: " + e.getMessage());
    }

    @Test
    void matchingLibraryOpensAndReportsItsOwnHash() {
        NativeBuild b = RtlLibraries.forTop("TdcBank", 8, 8, line -> { });
        try (VerilatedModel m = VerilatedModel.open(b)) {
            assertEquals(8, m.ports().port("cmp").width());
        }
    }

    @Test
    void unchangedVerilogIsNotVerilatedAgain() {
        String verilog = Generator.emit("TdcBank", 8, 8);
        List<String> log = new ArrayList<>();
        NativeBuilder builder = new NativeBuilder(NativeBuilder.defaultCache(), "verilator", log::add);
        NativeBuild first = builder.build("TdcBank", "8x8", verilog);
        NativeBuild second = builder.build("TdcBank", "8x8", verilog);
        assertEquals(first.hash(), second.hash());
        assertEquals(first.library(), second.library());
        assertTrue(log.get(log.size() - 1).startsWith("Verilator skipped for TdcBank 8x8"), log.toString());
    }

    @Test
    void changedVerilogGetsItsOwnLibrary() {
        String verilog = Generator.emit("TdcBank", 8, 8);
        NativeBuilder builder = new NativeBuilder(NativeBuilder.defaultCache(), "verilator", line -> { });
        NativeBuild original = builder.build("TdcBank", "8x8", verilog);
        NativeBuild edited = builder.build("TdcBank", "8x8", verilog + "\n// ECO: comment-only edit\n");
        assertTrue(!original.hash().equals(edited.hash()) && !original.library().equals(edited.library()));
    }

    @Test
    void missingVerilatorIsNamedWithTheFix() {
        NativeBuilder builder = new NativeBuilder(tmp, tmp.resolve("no-such-verilator").toString(), line -> { });
        ToolchainException e = assertThrows(ToolchainException.class,
                () -> builder.build("TdcBank", "8x8", Generator.emit("TdcBank", 8, 8)));
        assertTrue(e.getMessage().startsWith("verilator not found"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y verilator"), e.getMessage());
    }
}
