package mramcim.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import mramcim.model.config.MacroConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OffsetsFileTest {

    private static final MacroConfig SMALL = MacroConfig.small(4, 4);

    @TempDir
    Path tmp;

    private static String refused(String json, MacroConfig target) {
        return assertThrows(IllegalArgumentException.class, () -> OffsetsFile.parse(json, target))
                .getMessage();
    }

    @Test
    void aWrittenFileReadsBackTheSame() {
        OffsetsFile f = new OffsetsFile(
                4, 4, new GlobalCalibration(12, 900), new int[] {1, -2, 0, 127}, 9L, "small:4x4", SMALL);
        Path p = tmp.resolve("offsets.json");
        f.write(p);
        OffsetsFile back = OffsetsFile.read(p, SMALL);
        assertEquals(f.global(), back.global());
        assertArrayEquals(f.offsets(), back.offsets());
        assertEquals(9L, back.seed());
        assertEquals(SMALL, back.design());
    }

    @Test
    void aLabScriptNeedsOnlyFormatSizeAndOffsets() {
        OffsetsFile f = OffsetsFile.parse(
                "{\"format\":\"mramcim-offsets/1\",\"rows\":4,\"cols\":4,\"offsets\":[0,1,-1,3]}", SMALL);
        assertNull(f.global());
        assertArrayEquals(new int[] {0, 1, -1, 3}, f.offsets());
    }

    @Test
    void malformedFilesAreRefusedWithTheReason() {
        String head = "{\"format\":\"mramcim-offsets/1\",\"rows\":4,\"cols\":4,";
        assertTrue(refused("{rows: 4", SMALL).contains("not valid JSON"));
        assertTrue(refused("[1,2]", SMALL).contains("not a JSON object"));
        assertTrue(
                refused("{\"rows\":4,\"cols\":4,\"offsets\":[0,0,0,0]}", SMALL).contains("format"));
        assertTrue(refused(head + "\"offset\":[0,0,0,0]}", SMALL).contains("field offset is unknown"));
        assertTrue(refused(head + "\"c0\":3}", SMALL).contains("offsets is missing"));
        assertTrue(refused(head + "\"offsets\":[0,0,0]}", SMALL).contains("offsets has 3 entries: expected 4"));
        assertTrue(refused(head + "\"offsets\":[0,0,1.5,0]}", SMALL).contains("offsets[2] = 1.5 is not an integer"));
        String range = refused(head + "\"offsets\":[0,200,0,0]}", SMALL);
        assertTrue(range.contains("offsets[1] = 200 is out of range: allowed -128..127"), range);
        assertTrue(refused(head + "\"offsets\":[0,0,0,0],\"c0\":3}", SMALL).contains("c0 and gain go together"));
        assertTrue(refused(head + "\"offsets\":[0,0,0,0],\"c0\":3,\"gain\":0}", SMALL)
                .contains("gain = 0 is out of range"));
    }

    @Test
    void aFileForAnotherSizeOrDesignIsRefused() throws Exception {
        String size = refused(
                "{\"format\":\"mramcim-offsets/1\",\"rows\":8,\"cols\":8,\"offsets\":[0,0,0,0,0,0,0,0]}", SMALL);
        assertTrue(size.contains("made for a 8 x 8 macro, this one is 4 x 4"), size);
        Path p = tmp.resolve("o.json");
        new OffsetsFile(4, 4, null, new int[4], null, "small:4x4", SMALL).write(p);
        MacroConfig other = SMALL.withEnergy(SMALL.energy().withVTdc(0.9));
        String design = refused(Files.readString(p), other);
        assertTrue(design.contains("made for another design (small:4x4): energy.vTdc: file 1.0, this run 0.9"), design);
        String withName = assertThrows(IllegalArgumentException.class, () -> OffsetsFile.read(p, other))
                .getMessage();
        assertTrue(withName.startsWith("offsets file " + p + " refused"), withName);
    }
}
