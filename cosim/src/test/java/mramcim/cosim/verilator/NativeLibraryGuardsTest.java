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

/**
 * A stale or foreign library is refused, a missing tool is named, and unchanged input is not
 * rebuilt.
 */
class NativeLibraryGuardsTest {

    @TempDir
    Path tmp;

    @Test
    void libraryBuiltForAnotherConfigurationIsRefusedWithBothConfigurationsNamed() throws Exception {
        NativeBuild small = RtlLibraries.forTop("TdcBank", 8, 8, line -> {});
        NativeBuild wanted = RtlLibraries.forTop("TdcBank", 64, 64, line -> {});
        // The 8x8 library copied to where the 64x64 one is expected (a stale cache, a copied file).
        Path foreign = Files.createDirectories(tmp.resolve("TdcBank_64x64")).resolve("libmramcim.so");
        Files.copy(small.library(), foreign);
        // Its bytes are not the 64x64 library's: refused before it is mapped.
        NativeBuild misplaced = new NativeBuild(
                wanted.top(), wanted.label(), wanted.hash(), foreign, wanted.ports(), wanted.libraryDigest(), null);
        LibraryMismatchException bytes =
                assertThrows(LibraryMismatchException.class, () -> VerilatedModel.open(misplaced));
        assertTrue(
                bytes.getMessage()
                        .contains("its SHA-256 " + small.libraryDigest() + " is not the " + wanted.libraryDigest()),
                bytes.getMessage());
        // Intact bytes, wrong content: the library itself says what it was built for.
        NativeBuild relabelled = new NativeBuild(
                wanted.top(), wanted.label(), wanted.hash(), foreign, wanted.ports(), small.libraryDigest(), null);
        LibraryMismatchException e =
                assertThrows(LibraryMismatchException.class, () -> VerilatedModel.open(relabelled));
        assertTrue(e.getMessage().contains("built for 'TdcBank 8x8 hash=" + small.hash() + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("TdcBank 64x64"), e.getMessage());
        assertTrue(e.getMessage().contains("delete it"), "the message says how to fix it: " + e.getMessage());
    }

    @Test
    void aTruncatedCachedLibraryIsRebuiltInsteadOfLoaded() throws Exception {
        String verilog = Generator.emit("TdcBank", 8, 8) + "\n// truncation test\n";
        List<String> log = new ArrayList<>();
        NativeBuilder builder = new NativeBuilder(tmp.resolve("cache"), "verilator", log::add);
        NativeBuild first = builder.build("TdcBank", "8x8", verilog);
        byte[] whole = Files.readAllBytes(first.library());
        Files.write(first.library(), java.util.Arrays.copyOf(whole, whole.length / 3));

        NativeBuild again = builder.build("TdcBank", "8x8", verilog);
        assertTrue(log.stream().anyMatch(l -> l.contains("is damaged") && l.contains("rebuilding")), log.toString());
        assertEquals(first.libraryDigest(), again.libraryDigest(), "the rebuilt library has the same bytes");
        try (VerilatedModel m = VerilatedModel.open(again)) {
            m.step();
            assertEquals(1, m.cycle());
        }
    }

    @Test
    void aLibraryDamagedAfterItsBuildIsRefusedBeforeItIsMapped() throws Exception {
        NativeBuilder builder = new NativeBuilder(tmp.resolve("cache"), "verilator", line -> {});
        NativeBuild b = builder.build("TdcBank", "8x8", Generator.emit("TdcBank", 8, 8) + "\n// damage test\n");
        byte[] whole = Files.readAllBytes(b.library());
        Files.write(b.library(), java.util.Arrays.copyOf(whole, whole.length - 4096));
        LibraryMismatchException e = assertThrows(LibraryMismatchException.class, () -> VerilatedModel.open(b));
        assertTrue(e.getMessage().contains("damaged, truncated"), e.getMessage());
    }

    @Test
    void theCacheDirectoryIsNamedByTheHashAloneAndTheDescriptionIsEscaped() {
        NativeBuilder builder = new NativeBuilder(tmp.resolve("cache"), "verilator", line -> {});
        String label = "8x8-x\",system(\"touch " + tmp.resolve("pwned") + "\"),\".sv";
        NativeBuild b = builder.build(
                "TdcBank",
                label,
                List.of(new NativeBuilder.Source("x\",system(\"touch pwned\"),\".sv", Generator.emit("TdcBank", 8, 8))),
                NativeBuilder.Variant.FAST);
        assertEquals(tmp.resolve("cache").resolve(b.hash()), b.library().getParent());
        try (VerilatedModel m = VerilatedModel.open(b)) {
            m.step();
        }
        assertTrue(NativeLoader.load(b).buildInfo().contains(label), "the description is the label, verbatim");
        assertTrue(!Files.exists(tmp.resolve("pwned")), "nothing of the label was executed");
    }

    @Test
    void escapedCStringsCannotBeClosedByTheirText() {
        assertEquals("\"ab\\042\\073\\134\"", NativeBuilder.cString("ab\";\\"));
    }

    @Test
    void matchingLibraryOpensAndReportsItsOwnHash() {
        NativeBuild b = RtlLibraries.forTop("TdcBank", 8, 8, line -> {});
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
        NativeBuilder builder = new NativeBuilder(NativeBuilder.defaultCache(), "verilator", line -> {});
        NativeBuild original = builder.build("TdcBank", "8x8", verilog);
        NativeBuild edited = builder.build("TdcBank", "8x8", verilog + "\n// ECO: comment-only edit\n");
        assertTrue(!original.hash().equals(edited.hash()) && !original.library().equals(edited.library()));
    }

    @Test
    void missingVerilatorIsNamedWithTheFix() {
        NativeBuilder builder =
                new NativeBuilder(tmp, tmp.resolve("no-such-verilator").toString(), line -> {});
        ToolchainException e = assertThrows(
                ToolchainException.class, () -> builder.build("TdcBank", "8x8", Generator.emit("TdcBank", 8, 8)));
        assertTrue(e.getMessage().startsWith("verilator not found"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install -y verilator"), e.getMessage());
    }
}
