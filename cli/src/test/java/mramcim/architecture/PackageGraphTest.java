package mramcim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tree reads as the architecture: no package of ours depends (by import or by qualified name)
 * on a package that depends back on it, and every module the parent POM lists has its one-job line
 * in the README's layout and its row in docs/architecture.md.
 */
class PackageGraphTest {

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);?");
    private static final Pattern REFERENCE = Pattern.compile("\\b(mramcim(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    /** Package to the packages of ours it refers to, over every main source of every module. */
    static Map<String, Set<String>> graph() throws Exception {
        Map<String, Set<String>> g = new TreeMap<>();
        for (String module : SourceTree.modules()) {
            for (String lang : List.of("java", "scala")) {
                for (Path p : SourceTree.sources(module + "/src/main/" + lang)) {
                    String text = SourceTree.read(p);
                    Matcher pm = PACKAGE.matcher(text);
                    assertTrue(pm.find(), p + " declares its package");
                    String pkg = pm.group(1);
                    Set<String> out = g.computeIfAbsent(pkg, k -> new TreeSet<>());
                    Matcher r = REFERENCE.matcher(text);
                    while (r.find()) {
                        if (!r.group(1).equals(pkg)) {
                            out.add(r.group(1));
                        }
                    }
                }
            }
        }
        return g;
    }

    /** The strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> g) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<Set<String>> out = new ArrayList<>();
        int[] next = {0};
        for (String v : g.keySet()) {
            if (!index.containsKey(v)) {
                strong(v, g, index, low, stack, out, next);
            }
        }
        return out;
    }

    private static void strong(
            String v,
            Map<String, Set<String>> g,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            List<Set<String>> out,
            int[] next) {
        index.put(v, next[0]);
        low.put(v, next[0]++);
        stack.push(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                strong(w, g, index, low, stack, out, next);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> c = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                c.add(w);
            } while (!w.equals(v));
            if (c.size() > 1) {
                out.add(c);
            }
        }
    }

    @Test
    void theCycleFinderFindsACycle() {
        // The finder itself, on a graph with one cycle of three and one tail: it must not pass by finding nothing.
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a", "d"));
        g.put("d", Set.of());
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(g));
        g.put("c", Set.of("d"));
        assertEquals(List.of(), cycles(g));
    }

    @Test
    void noPackageDependsOnOneThatDependsBackOnIt() throws Exception {
        Map<String, Set<String>> g = graph();
        assertTrue(g.size() > 20, "the packages were found: " + g.keySet());
        assertTrue(g.get("mramcim.cli").contains("mramcim.verification.regression"), "references are seen");
        assertEquals(List.of(), cycles(g), "package cycles");
    }

    @Test
    void theSpecAndTheModelDependOnNothingAbove() throws Exception {
        Map<String, Set<String>> g = graph();
        g.forEach((pkg, refs) -> {
            if (pkg.startsWith("mramcim.spec")) {
                assertEquals(Set.of(), refs, pkg + " depends on nothing of ours");
            }
            if (pkg.startsWith("mramcim.model")) {
                refs.forEach(r -> assertTrue(
                        r.startsWith("mramcim.model") || r.startsWith("mramcim.spec"),
                        pkg + " -> " + r + ": the model depends on the spec only"));
            }
        });
    }

    @Test
    void everyModuleHasItsJobInTheReadmeAndItsRowInTheArchitecture() throws Exception {
        String readme = Files.readString(SourceTree.root().resolve("README.md"));
        String architecture = Files.readString(SourceTree.root().resolve("docs/architecture.md"));
        List<String> modules = SourceTree.modules();
        assertTrue(modules.size() >= 10, "modules: " + modules);
        for (String m : modules) {
            assertTrue(
                    Pattern.compile("(?m)^" + Pattern.quote(m + "/") + " +\\S")
                            .matcher(readme)
                            .find(),
                    "README layout line for " + m + "/");
            assertTrue(architecture.contains("| `" + m + "` |"), "docs/architecture.md row for " + m);
        }
    }
}
