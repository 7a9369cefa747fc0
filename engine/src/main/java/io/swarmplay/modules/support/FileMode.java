package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File modes as users write them: octal strings ({@code "0644"}, {@code "644"}), symbolic
 * ({@code "u=rw,g=r,o=r"}, {@code "u+x"}, {@code "a-w"}, {@code "ug+rwX"}) or integers.
 */
public final class FileMode {

    private static final Pattern OCTAL = Pattern.compile("0?[0-7]{3,4}|0o[0-7]{3,4}");
    private static final Pattern CLAUSE = Pattern.compile("([ugoa]*)([-+=])([rwxXst]*)");

    private FileMode() {
    }

    /**
     * The permission bits {@code mode} asks for, given the current bits (symbolic modes are
     * relative to them; use 0 for a new file) and whether the path is a directory (for {@code X}).
     * Null when {@code mode} is null.
     *
     * <p>An integer is the numeric mode, as in Ansible: YAML reads an unquoted {@code 0644} as the
     * octal 420, which is 0644; an unquoted {@code 644} is the decimal 644 (01204), as Ansible
     * warns. Quote modes ({@code "0644"}) to avoid the question.
     */
    public static Integer parse(Object mode, int current, boolean directory) {
        if (mode == null) return null;
        if (mode instanceof Number n) return fromInteger(n.intValue());
        String text = mode.toString().strip();
        if (OCTAL.matcher(text).matches()) return Integer.parseInt(text.replace("0o", ""), 8);
        return symbolic(text, current & 07777, directory);
    }

    private static int fromInteger(int value) {
        if (value < 0 || value > 07777) throw invalid(String.valueOf(value));
        return value;
    }

    private static int symbolic(String text, int current, boolean directory) {
        int mode = current;
        for (String clause : text.split(",")) {
            Matcher m = CLAUSE.matcher(clause.strip());
            if (!m.matches()) throw invalid(text);
            int who = who(m.group(1));
            int bits = bits(m.group(3), current, directory) & who;
            mode = switch (m.group(2)) {
                case "+" -> mode | bits;
                case "-" -> mode & ~bits;
                default -> (mode & ~who) | bits;
            };
        }
        return mode;
    }

    private static int who(String users) {
        if (users.isEmpty() || users.contains("a")) return 07777;
        int mask = 0;
        if (users.contains("u")) mask |= 04700;
        if (users.contains("g")) mask |= 02070;
        if (users.contains("o")) mask |= 01007;
        return mask;
    }

    private static int bits(String perms, int current, boolean directory) {
        int bits = 0;
        for (char c : perms.toCharArray()) {
            bits |= switch (c) {
                case 'r' -> 0444;
                case 'w' -> 0222;
                case 'x' -> 0111;
                case 'X' -> directory || (current & 0111) != 0 ? 0111 : 0;
                case 's' -> 06000;
                default -> 01000;
            };
        }
        return bits;
    }

    /** Four octal digits, as Ansible prints modes: {@code 0644}. */
    public static String format(int mode) {
        return String.format("%04o", mode);
    }

    private static ModuleException invalid(String mode) {
        return new ModuleException("invalid mode '" + mode + "': use octal like '0644' or symbolic like 'u=rw,g=r,o=r'");
    }
}
