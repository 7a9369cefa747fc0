package io.swarmplay.modules.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A text file as lines, for {@code lineinfile}: edits keep the file ending in a newline. */
public final class Lines {

    private final List<String> lines;

    private Lines(List<String> lines) {
        this.lines = lines;
    }

    public static Lines of(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return new Lines(lines);
    }

    public List<String> list() {
        return lines;
    }

    /** Index of the last line that {@code regex} finds something in, or -1. */
    public int lastMatch(Pattern regex) {
        for (int i = lines.size() - 1; i >= 0; i--) if (regex.matcher(lines.get(i)).find()) return i;
        return -1;
    }

    /** Index of the first line that {@code regex} finds something in, or -1. */
    public int firstMatch(Pattern regex) {
        for (int i = 0; i < lines.size(); i++) if (regex.matcher(lines.get(i)).find()) return i;
        return -1;
    }

    public String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
