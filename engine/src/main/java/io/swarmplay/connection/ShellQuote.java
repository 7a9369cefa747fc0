package io.swarmplay.connection;

import java.util.regex.Pattern;

/** POSIX shell quoting: a value quoted here is exactly one word, whatever characters it holds. */
public final class ShellQuote {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** Returns {@code value} unchanged when it is safe, else in single quotes with {@code '} escaped. */
    public static String quote(String value) {
        if (!value.isEmpty() && SAFE.matcher(value).matches()) return value;
        return "'" + value.replace("'", "'\"'\"'") + "'";
    }
}
