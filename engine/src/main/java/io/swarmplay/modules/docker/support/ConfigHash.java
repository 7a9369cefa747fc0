package io.swarmplay.modules.docker.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The {@code io.swarmplay.config-hash} label: a SHA-256 over the declared fields (sorted JSON),
 * so fields inspect cannot show (e.g. {@code copy_in} content) still count as a change.
 */
public final class ConfigHash {

    public static final String LABEL = "io.swarmplay.config-hash";

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ConfigHash() {
    }

    public static String of(Map<String, Object> declared) {
        try {
            byte[] json = JSON.writeValueAsBytes(declared);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the container's declared fields", e);
        }
    }

    /** The same hash over raw bytes (file contents). */
    public static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
