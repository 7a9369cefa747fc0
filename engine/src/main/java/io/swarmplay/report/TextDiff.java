package io.swarmplay.report;

import java.util.ArrayList;
import java.util.List;

/** Unified diffs of text, line by line (longest common subsequence), with 3 lines of context. */
public final class TextDiff {

    private static final int CONTEXT = 3;
    /** Beyond this many lines on either side the LCS table gets too big; say so instead. */
    private static final int MAX_LINES = 5000;

    private TextDiff() {
    }

    /** The unified diff of {@code before} and {@code after} (null means absent), or "" when equal. */
    public static String unified(String header, String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        if (a.equals(b)) return "";
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before == null ? "/dev/null" : "before: " + header).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : "after: " + header).append('\n');
        if (a.size() > MAX_LINES || b.size() > MAX_LINES) {
            return out.append("(").append(a.size()).append(" lines → ").append(b.size())
                    .append(" lines; too long to show)\n").toString();
        }
        hunks(out, edits(a, b));
        return out.toString();
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    /** One line of the edit script: ' ' kept, '-' removed, '+' added, with positions in a and b. */
    private record Edit(char op, String line, int aLine, int bLine) {
    }

    private static List<Edit> edits(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Edit> edits = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) edits.add(new Edit(' ', a.get(i++), i, ++j));
            // removed lines before added ones, as diff -u shows a changed line
            else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) edits.add(new Edit('-', a.get(i++), i, j));
            else edits.add(new Edit('+', b.get(j++), i, j));
        }
        return edits;
    }

    private static void hunks(StringBuilder out, List<Edit> edits) {
        int k = 0;
        while (k < edits.size()) {
            if (edits.get(k).op() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            while (end < edits.size()) {
                int nextChange = nextChange(edits, end);
                if (nextChange < 0 || nextChange - end > 2 * CONTEXT) break;
                end = nextChange + 1;
            }
            end = Math.min(edits.size(), end + CONTEXT);
            hunk(out, edits.subList(start, end));
            k = end;
        }
    }

    private static int nextChange(List<Edit> edits, int from) {
        for (int k = from; k < edits.size(); k++) if (edits.get(k).op() != ' ') return k;
        return -1;
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int aCount = (int) hunk.stream().filter(e -> e.op() != '+').count();
        int bCount = (int) hunk.stream().filter(e -> e.op() != '-').count();
        Edit first = hunk.get(0);
        // an insertion (deletion) records how many lines of the other side came before it
        int aStart = first.op() == '+' ? first.aLine() + (aCount > 0 ? 1 : 0) : first.aLine();
        int bStart = first.op() == '-' ? first.bLine() + (bCount > 0 ? 1 : 0) : first.bLine();
        out.append("@@ -").append(aStart).append(',').append(aCount)
                .append(" +").append(bStart).append(',').append(bCount).append(" @@\n");
        for (Edit e : hunk) out.append(e.op()).append(e.line()).append('\n');
    }
}
