package io.swarmplay.connection.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code docker save} tar holds, read from its {@code manifest.json} without loading it:
 * the image ID (the digest of its config) and its tags. Lets {@code docker_image} skip a load
 * when the host already has that exact image.
 *
 * @param imageId  {@code sha256:...}
 * @param repoTags the tags the archive carries
 */
public record ImageArchive(String imageId, List<String> repoTags) {

    /** Reads the first image of the archive; an {@link IllegalArgumentException} says what is wrong with it. */
    public static ImageArchive read(Path tar) {
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                if (e.getName().equals("manifest.json")) return fromManifest(new ObjectMapper().readTree(entries.readAllBytes()), tar);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read image archive " + tar + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(tar + " is not a docker save archive (no manifest.json)");
    }

    private static ImageArchive fromManifest(JsonNode manifest, Path tar) {
        if (!manifest.isArray() || manifest.isEmpty() || !manifest.get(0).hasNonNull("Config")) {
            throw new IllegalArgumentException(tar + ": manifest.json lists no image");
        }
        JsonNode first = manifest.get(0);
        // "<hex>.json" (docker save up to 24) or "blobs/sha256/<hex>" (OCI layout, docker 25+)
        String config = first.get("Config").asText();
        String hex = config.substring(config.lastIndexOf('/') + 1).replaceFirst("\\.json$", "");
        List<String> tags = new ArrayList<>();
        if (first.has("RepoTags") && first.get("RepoTags").isArray()) first.get("RepoTags").forEach(t -> tags.add(t.asText()));
        return new ImageArchive("sha256:" + hex, tags);
    }
}
