package io.swarmplay.connection.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code -o Option=value} settings swarmplay honours from {@code ansible_ssh_args} (ansible.cfg's
 * {@code [ssh_connection] ssh_args}), {@code ansible_ssh_common_args} and
 * {@code ansible_ssh_extra_args}: {@code UserKnownHostsFile} and {@code StrictHostKeyChecking}.
 * Other options are ignored.
 *
 * @param userKnownHostsFiles the files named by every {@code UserKnownHostsFile=} (space-separated lists split)
 * @param strictHostKeyChecking the last {@code StrictHostKeyChecking} value, or null
 */
record SshArgs(List<String> userKnownHostsFiles, String strictHostKeyChecking) {

    static SshArgs parse(Map<String, Object> vars) {
        List<String> words = new ArrayList<>();
        for (String var : List.of("ansible_ssh_args", "ansible_ssh_common_args", "ansible_ssh_extra_args")) {
            Object v = vars.get(var);
            if (v != null) words.addAll(split(String.valueOf(v)));
        }
        List<String> files = new ArrayList<>();
        String strict = null;
        for (String option : options(words)) {
            int eq = option.indexOf('=');
            if (eq < 0) continue;
            String key = option.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = option.substring(eq + 1).trim();
            if (key.equals("userknownhostsfile")) files.addAll(split(value));
            if (key.equals("stricthostkeychecking")) strict = value;
        }
        return new SshArgs(List.copyOf(files), strict);
    }

    /** The values of {@code -o X=Y} and {@code -oX=Y}; {@code -o X Y} is joined as {@code X=Y}. */
    private static List<String> options(List<String> words) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String option = w.equals("-o") && i + 1 < words.size() ? words.get(++i)
                    : w.startsWith("-o") && w.length() > 2 ? w.substring(2) : null;
            if (option == null) continue;
            if (!option.contains("=") && i + 1 < words.size()) option = option + "=" + words.get(++i);
            options.add(option);
        }
        return options;
    }

    /** Splits like a POSIX shell does for plain words, single and double quotes (no expansions). */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < text.length()) word.append(text.charAt(++i));
                else word.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c == '\\' && i + 1 < text.length() ? text.charAt(++i) : c);
                inWord = true;
            }
        }
        if (inWord) words.add(word.toString());
        return words;
    }
}
