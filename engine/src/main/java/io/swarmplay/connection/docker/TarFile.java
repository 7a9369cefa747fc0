package io.swarmplay.connection.docker;

/**
 * A regular file going into or coming out of a container as one tar entry.
 *
 * @param path    relative to the directory it is copied into (or from)
 * @param content the bytes
 * @param mode    permission bits, e.g. {@code 0644}
 */
public record TarFile(String path, byte[] content, int mode) {
}
