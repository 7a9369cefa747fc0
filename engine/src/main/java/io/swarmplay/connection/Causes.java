package io.swarmplay.connection;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;

/**
 * The cause of a failure in plain words, for messages users read: the root cause's own message
 * (Java class names such as {@code net.schmizz.sshj.transport.TransportException:} removed), or
 * what its type means when it has none. Never a class name: those are for {@code -vvv} only.
 */
public final class Causes {

    /** {@code java.net.ConnectException: } or {@code TransportException: } inside a message. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][\\w$]*\\.)*[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*|\\s*$)");

    private Causes() {
    }

    /** What went wrong, in words: {@code connection refused}, {@code no such file or directory: /x}. */
    public static String plain(Throwable e) {
        Throwable root = root(e);
        String byType = byType(root);
        if (byType != null) return byType;
        String own = clean(root.getMessage());
        if (!own.isEmpty()) return own;
        String outer = clean(e.getMessage());
        return outer.isEmpty() ? fallback(root) : outer;
    }

    /** {@code message} without the Java class names that wrapping exceptions put into it. */
    public static String clean(String message) {
        if (message == null) return "";
        return CLASS_NAME.matcher(message).replaceAll("").strip();
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root;
    }

    // types whose own message is a bare path or host: the type says what happened
    private static String byType(Throwable t) {
        String subject = clean(t.getMessage());
        String on = subject.isEmpty() ? "" : ": " + subject;
        if (t instanceof NoSuchFileException) return "no such file or directory" + on;
        if (t instanceof AccessDeniedException) return "permission denied" + on;
        if (t instanceof FileAlreadyExistsException) return "already exists" + on;
        if (t instanceof DirectoryNotEmptyException) return "directory not empty" + on;
        if (t instanceof NotDirectoryException) return "not a directory" + on;
        if (t instanceof UnknownHostException) return "unknown host" + on;
        if (t instanceof ConnectException) return "connection refused";
        if (t instanceof NoRouteToHostException) return "no route to host";
        return null;
    }

    private static String fallback(Throwable t) {
        if (t instanceof SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) return "timed out";
        if (t instanceof EOFException) return "the connection closed unexpectedly";
        if (t instanceof SocketException) return "the connection broke";
        if (t instanceof java.io.IOException) return "an input/output error";
        if (t instanceof InterruptedException) return "interrupted";
        return "an unexpected failure (run with -vvv for the details)";
    }
}
