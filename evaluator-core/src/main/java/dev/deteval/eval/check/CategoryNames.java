package dev.deteval.eval.check;

import dev.deteval.eval.data.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Lists category names for an error about a name that matches none, the likeliest meant ones first. */
final class CategoryNames {

    /** At most this many names are listed. */
    static final int SHOWN = 20;

    private CategoryNames() {
    }

    /**
     * The names, closest to {@code wanted} first (same name in another case, then one containing the
     * other, then by edit distance ignoring case), comma-separated, each escaped, at most {@link #SHOWN}.
     */
    static String suggest(String wanted, List<String> names) {
        String w = wanted.toLowerCase(Locale.ROOT);
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(Comparator.comparingInt((String n) -> rank(w, n.toLowerCase(Locale.ROOT)))
                .thenComparingInt(n -> distance(w, n.toLowerCase(Locale.ROOT))));
        List<String> shown = sorted.stream().limit(SHOWN).map(n -> "'" + Names.cell(n) + "'").toList();
        String more = sorted.size() > SHOWN ? " and " + (sorted.size() - SHOWN) + " more" : "";
        return shown.isEmpty() ? "(none)" : String.join(", ", shown) + more;
    }

    private static int rank(String wanted, String name) {
        if (name.equals(wanted)) {
            return 0;
        }
        if (!wanted.isEmpty() && (name.contains(wanted) || wanted.contains(name))) {
            return 1;
        }
        return distance(wanted, name) <= 2 ? 2 : 3;
    }

    /** Levenshtein distance, capped at 1,000 characters of each string. */
    static int distance(String a, String b) {
        String x = a.length() > 1000 ? a.substring(0, 1000) : a;
        String y = b.length() > 1000 ? b.substring(0, 1000) : b;
        int[] prev = new int[y.length() + 1];
        int[] cur = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int sub = prev[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[y.length()];
    }
}
