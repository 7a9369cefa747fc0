package io.swarmplay.source;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance. */
public final class Suggest {

    private Suggest() {
    }

    /**
     * The candidate closest to {@code word}, if any is close enough to be a likely typo: within an
     * edit distance of a third of the word (at least 2), or a prefix of it of 3+ characters
     * ({@code dest_path} → {@code dest}).
     */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        int limit = Math.max(2, word.length() / 3);
        return candidates.stream()
                .filter(c -> distance(word.toLowerCase(), c.toLowerCase()) <= limit
                        || (c.length() >= 3 && word.toLowerCase().startsWith(c.toLowerCase())))
                .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(c -> c));
    }

    /** {@code did you mean 'x'?} or null. */
    public static String hint(String word, Collection<String> candidates) {
        return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
    }

    /** Levenshtein distance. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
