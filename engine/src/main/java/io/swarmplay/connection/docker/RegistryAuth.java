package io.swarmplay.connection.docker;

/**
 * Credentials for a registry. {@link #toString()} never shows the password.
 *
 * @param registry the registry address, e.g. {@code registry.example.com:5000}
 */
public record RegistryAuth(String registry, String username, String password) {

    @Override
    public String toString() {
        return "RegistryAuth[" + registry + ", " + username + ", ****]";
    }
}
