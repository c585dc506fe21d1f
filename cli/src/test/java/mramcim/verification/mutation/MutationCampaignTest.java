package mramcim.verification.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mramcim.cli.CliRun;
import mramcim.model.periphery.Hierarchy;
import mramcim.rtl.Generator;
import mramcim.verification.coverage.MutationScore;
import mramcim.verification.yosys.Yosys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mramcim mutate}: a small campaign's books balance, every mutant's status has its evidence,
 * the SAT check tells an unobservable mutation from an observable one (yosys' solver as the
 * independent truth), and a regression quotes the campaign's score, marked stale once the RTL is no
 * longer the one the mutants came from.
 */
class MutationCampaignTest {

    @TempDir
    static Path tmp;

    static JsonNode campaign;

    @BeforeAll
    static void smallCampaign() throws Exception {
        CliRun r = CliRun.of(
                "mutate",
                "--preset",
                "small:8x8",
                "--mutants",
                "16",
                "--seeds",
                "2",
                "--cycles",
                "30000",
                "--sat-steps",
                "6",
                "--sat-timeout",
                "60",
                "--jobs",
                "2",
                "--no-progress",
                "--out",
                tmp.resolve("m").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("mutation score "), r.out());
        JsonNode root =
                new ObjectMapper().readTree(tmp.resolve("m/summary.json").toFile());
        assertEquals(MutationReport.FORMAT, root.path("format").asText());
        campaign = root.path("campaign");
    }

    @Test
    void everyMutantIsAccountedForWithItsEvidence() throws Exception {
        int n = campaign.path("mutants").asInt();
        assertEquals(16, n, "yosys drew exactly the mutants asked for (its 'none' entry not counted)");
        int killed = 0;
        int equivalent = 0;
        int notDetected = 0;
        for (JsonNode m : campaign.path("results")) {
            switch (m.path("status").asText()) {
                case "killed" -> {
                    killed++;
                    long seed = m.path("killedBy").asLong();
                    assertTrue(seed >= 1 && seed <= 2, "killed by a seed of the budget: " + m);
                    assertFalse(m.path("detail").asText().isEmpty(), "the failure that killed it: " + m);
                }
                case "equivalent" -> {
                    equivalent++;
                    assertEquals(
                            "equivalent", m.path("equivalence").path("result").asText(), m.toString());
                }
                case "not-detected" -> {
                    notDetected++;
                    assertFalse(m.path("equivalence").path("result").asText().equals("equivalent"), m.toString());
                }
                default -> throw new AssertionError("unknown status " + m);
            }
            assertFalse(m.path("sourceLines").isEmpty(), "every mutant points at its Verilog line: " + m);
        }
        assertEquals(n, killed + equivalent + notDetected);
        assertEquals(killed, campaign.path("killed").asInt());
        assertEquals(equivalent, campaign.path("equivalent").asInt());
        assertEquals(notDetected, campaign.path("notDetected").asInt());
        assertEquals(100.0 * killed / (n - equivalent), campaign.path("score").asDouble(), 1e-9);
        assertTrue(killed > 0, "a regression kills some mutants of the macro");
        String md = Files.readString(tmp.resolve("m/report.md"));
        assertTrue(
                md.startsWith(String.format(
                        java.util.Locale.ROOT,
                        "# Mutation score %.1f %%",
                        campaign.path("score").asDouble())),
                md);
        assertEquals(
                n,
                md.lines()
                        .filter(l -> l.matches("\\| \\d+ \\| \\w+ \\| `.*` \\| [a-z-]+ \\| .*"))
                        .count(),
                "one row per mutant");
    }

    /** Mutations drawn from the macro by yosys, chosen by what they change. */
    static Mutant pick(Yosys y, String wireBit, String mode) {
        return Mutant.parse(y.read("mutations.txt")).stream()
                .filter(m -> m.mode().equals(mode) && m.target().equals(wireBit))
                .findFirst()
                .orElseThrow(() -> new AssertionError("yosys drew no " + mode + " of " + wireBit));
    }

    @Test
    void theSatCheckProvesAnUnusedBitEquivalentAndFindsACounterexampleForAResponsePin() {
        Yosys y = Yosys.in(tmp.resolve("sat"));
        y.write("design.sv", Generator.emit(Hierarchy.TOP, 8, 8));
        y.run(
                "list",
                List.of(
                        "read_verilog -sv design.sv",
                        "prep -top " + Hierarchy.TOP,
                        "flatten",
                        "opt_clean",
                        "write_rtlil design.il",
                        "mutate -list 100000 -seed 3 -none -o mutations.txt"));
        // The converter's bits below the rounding bit drive nothing (named for Verilator's lint).
        EquivalenceCheck.Verdict unused =
                EquivalenceCheck.check(y, "design.il", Hierarchy.TOP, pick(y, "conv.fraction_unused[0]", "inv"), 6, 60);
        assertEquals(EquivalenceCheck.Result.EQUIVALENT, unused.result(), unused.toString());
        // rsp_valid stuck at 0: the first command's response never comes, within a few cycles of
        // reset.
        EquivalenceCheck.Verdict stuck =
                EquivalenceCheck.check(y, "design.il", Hierarchy.TOP, pick(y, "rsp_valid[0]", "const0"), 6, 60);
        assertEquals(EquivalenceCheck.Result.NOT_EQUIVALENT, stuck.result(), stuck.toString());
        assertTrue(stuck.cycle() >= 1 && stuck.cycle() <= 6, "the first differing cycle from reset: " + stuck);
    }

    @Test
    void aRegressionQuotesTheScoreAndCallsItStaleForAnotherRtl() throws Exception {
        Path summary = tmp.resolve("m/summary.json");
        CliRun r = CliRun.of(
                "regress",
                "--preset",
                "small:8x8",
                "--seeds",
                "1",
                "--cycles",
                "3000",
                "--no-progress",
                "--mutation-summary",
                summary.toString(),
                "--out",
                tmp.resolve("r").toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String score = String.format(
                java.util.Locale.ROOT, "%.1f %%", campaign.path("score").asDouble());
        String md = Files.readString(tmp.resolve("r/report.md"));
        assertTrue(md.contains("| mutation score | " + score), md);
        assertFalse(md.contains("older RTL"), md);
        assertTrue(r.out().contains("mutation score: " + score), r.out());

        // The same campaign file, as if drawn from other Verilog: quoted, but as an older RTL's.
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        ((ObjectNode) root.path("campaign")).put("designSha256", "0".repeat(64));
        Path old = tmp.resolve("old-summary.json");
        new ObjectMapper().writeValue(old.toFile(), root);
        MutationScore stale = MutationScore.lookup(old, w -> {});
        assertNotNull(stale);
        assertFalse(stale.current());
        assertTrue(stale.describe(true).contains("older RTL"), stale.describe(true));
        assertEquals(null, MutationScore.lookup(tmp.resolve("none.json"), w -> {}), "no file, no score");
        Files.writeString(tmp.resolve("junk.json"), "{\"format\": \"something-else/1\"}");
        StringBuilder warned = new StringBuilder();
        assertEquals(null, MutationScore.lookup(tmp.resolve("junk.json"), warned::append));
        assertTrue(warned.toString().contains("not a mutation campaign summary"), warned.toString());
    }
}
