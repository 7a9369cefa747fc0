package io.swarmplay.report;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code textwrap.wrap} as Ansible's Display uses it: greedy on spaces, over-long words broken. */
final class Wrap {

    private Wrap() {
    }

    static List<String> words(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replaceAll("\\s", " ").trim().split(" +")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
            while (line.length() > width) {
                lines.add(line.substring(0, width));
                line.delete(0, width);
            }
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
