package io.swarmplay.modules.support;

import io.swarmplay.module.Diff;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content helpers: checksums and text diffs that refuse binary or very large content. */
public final class Texts {

    /** Content larger than this is not shown in diffs. */
    public static final int DIFF_LIMIT = 100 * 1024;

    private Texts() {
    }

    public static String sha256(byte[] content) {
        return digest("SHA-256", content);
    }

    /** The SHA-256 of a stream read to its end (64 KiB at a time: never the whole content in memory). */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = messageDigest("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) >= 0; ) digest.update(buffer, 0, n);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A SHA-256 digest ({@link java.security.DigestInputStream} and the like). */
    public static MessageDigest sha256Digest() {
        return messageDigest("SHA-256");
    }

    /** A SHA-1 digest: Ansible's checksum of copy and template results and of stat. */
    public static MessageDigest sha1Digest() {
        return messageDigest("SHA-1");
    }

    /** An MD5 digest: the legacy {@code md5sum} Ansible registers beside the checksum. */
    public static MessageDigest md5Digest() {
        return messageDigest("MD5");
    }

    public static String sha1(byte[] content) {
        return digest("SHA-1", content);
    }

    /** The hex digest with a JDK algorithm name (SHA-256, MD5, ...). */
    public static String digest(String algorithm, byte[] content) {
        return HexFormat.of().formatHex(messageDigest(algorithm).digest(content));
    }

    private static MessageDigest messageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }

    /** The content as text when it may be shown in a diff: UTF-8, no NUL, at most {@link #DIFF_LIMIT}; else null. */
    public static String showable(byte[] content) {
        if (content.length > DIFF_LIMIT) return null;
        for (byte b : content) if (b == 0) return null;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String note(long size) {
        return "(binary or larger than 100 KiB, not shown: " + size + " bytes)\n";
    }

    /** A text diff of a file; a side that is binary or over 100 KiB is replaced by a note saying so. */
    public static Diff diff(String path, byte[] before, byte[] after) {
        return Diff.text(path, side(before), side(after));
    }

    /** As {@link #diff(String, byte[], byte[])}; a large {@code after} is never read for it. */
    public static Diff diff(String path, byte[] before, FileContent after) {
        byte[] shown = after.shownBytes();
        return Diff.text(path, side(before), shown == null ? note(after.size()) : side(shown));
    }

    private static String side(byte[] content) {
        if (content == null) return null;
        String text = showable(content);
        return text != null ? text : note(content.length);
    }
}
