package io.swarmplay.modules.support;

import io.swarmplay.module.ModuleException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a managed file should contain: bytes rendered in memory ({@code content:}, a template), or a
 * control-node file ({@code copy: src}) that is read as a stream when it is hashed or sent, never
 * whole: a 1 GiB copy needs no 1 GiB of heap.
 */
public sealed interface FileContent {

    /** The length in bytes. */
    long size();

    /** A fresh stream of the content; the caller closes it. */
    InputStream open();

    /** The SHA-256 (hex) of the content, read once from start to end. */
    default String sha256() {
        try (InputStream in = open()) {
            return Texts.sha256(in);
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /**
     * The SHA-256 (swarmplay's comparison with the host) and SHA-1 (Ansible's {@code checksum}) of
     * the content; {@code sha1} is null when it was not asked for.
     */
    record Hashes(String sha256, String sha1) {
    }

    /** Both hashes, the content read once. */
    default Hashes hashes() {
        return hashes(true);
    }

    /** The SHA-256, and the SHA-1 only {@code withSha1} (in the same read): half the work for a big file without. */
    default Hashes hashes(boolean withSha1) {
        java.security.MessageDigest sha256 = Texts.sha256Digest();
        java.security.MessageDigest sha1 = withSha1 ? Texts.sha1Digest() : null;
        try (InputStream in = open()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                sha256.update(buffer, 0, n);
                if (sha1 != null) sha1.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw unreadable(e);
        }
        java.util.HexFormat hex = java.util.HexFormat.of();
        return new Hashes(hex.formatHex(sha256.digest()), sha1 == null ? null : hex.formatHex(sha1.digest()));
    }

    /** The bytes, when the content is small enough to be shown in a diff ({@link Texts#DIFF_LIMIT}); else null. */
    byte[] shownBytes();

    ModuleException unreadable(IOException e);

    static FileContent of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static FileContent of(Path file) {
        return new ControlFile(file);
    }

    /** Content already in memory. */
    record Bytes(byte[] bytes) implements FileContent {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String sha256() {
            return Texts.sha256(bytes);
        }

        @Override
        public byte[] shownBytes() {
            return bytes.length > Texts.DIFF_LIMIT ? null : bytes;
        }

        @Override
        public ModuleException unreadable(IOException e) {
            return new ModuleException("cannot read content: " + io.swarmplay.connection.Causes.plain(e));
        }
    }

    /** A control-node file, read when needed (its size is taken once, when planned). */
    record ControlFile(Path path, long size) implements FileContent {

        ControlFile(Path path) {
            this(path, sizeOf(path));
        }

        private static long sizeOf(Path path) {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw ControlFiles.unreadable(path, e);
            }
        }

        @Override
        public InputStream open() {
            try {
                return Files.newInputStream(path);
            } catch (IOException e) {
                throw unreadable(e);
            }
        }

        @Override
        public byte[] shownBytes() {
            return size > Texts.DIFF_LIMIT ? null : ControlFiles.read(path);
        }

        @Override
        public ModuleException unreadable(IOException e) {
            return ControlFiles.unreadable(path, e);
        }
    }
}
