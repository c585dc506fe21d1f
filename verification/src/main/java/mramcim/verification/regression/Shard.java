package mramcim.verification.regression;

import java.util.ArrayList;
import java.util.List;

/**
 * Which part of a regression's seeds one run holds: seeds {@code first .. first + count - 1}, split
 * into {@code of} shards, of which this is shard {@code index} (1-based). Seed s belongs to shard
 * {@code (s - first) mod of + 1}, so shards are disjoint, cover every seed, and stay balanced;
 * {@code mramcim merge} uses the same rule to know which seeds a missing shard would have run.
 *
 * @param firstSeed the regression's first seed
 * @param seedCount the regression's number of seeds (all shards together)
 * @param index this shard, 1..of
 * @param of the number of shards
 */
public record Shard(long firstSeed, long seedCount, int index, int of) {

    /** Largest shard count accepted. */
    public static final int MAX_SHARDS = 100_000;

    public Shard {
        if (of < 1 || of > MAX_SHARDS || index < 1 || index > of) {
            throw new IllegalArgumentException("--shard = "
                    + index
                    + "/"
                    + of
                    + " is out of range: allowed I/N with"
                    + " 1 <= I <= N <= "
                    + MAX_SHARDS);
        }
        if (seedCount < 1) {
            throw new IllegalArgumentException("seeds: none to run");
        }
        if (firstSeed < 0 || firstSeed > Long.MAX_VALUE - seedCount) {
            throw new IllegalArgumentException(
                    "--seed = " + firstSeed + " is out of range: allowed 0.." + (Long.MAX_VALUE - seedCount));
        }
    }

    /** The whole range as one shard. */
    public static Shard whole(long firstSeed, long seedCount) {
        return new Shard(firstSeed, seedCount, 1, 1);
    }

    /** Parses {@code I/N}, the form of {@code --shard}. */
    public static Shard parse(String text, long firstSeed, long seedCount) {
        if (text == null || !text.matches("\\d{1,6}/\\d{1,6}")) {
            throw new IllegalArgumentException("--shard = " + text + " is malformed: allowed I/N, for example 2/4");
        }
        int slash = text.indexOf('/');
        return new Shard(
                firstSeed,
                seedCount,
                Integer.parseInt(text.substring(0, slash)),
                Integer.parseInt(text.substring(slash + 1)));
    }

    /** This shard's seeds, in order. */
    public List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        for (long k = index - 1; k < seedCount; k += of) {
            seeds.add(firstSeed + k);
        }
        return seeds;
    }

    /** Shard {@code i} of the same split. */
    public Shard sibling(int i) {
        return new Shard(firstSeed, seedCount, i, of);
    }

    /** {@code I/N}. */
    public String label() {
        return index + "/" + of;
    }
}
