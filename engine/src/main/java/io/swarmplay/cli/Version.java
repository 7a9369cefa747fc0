package io.swarmplay.cli;

import picocli.CommandLine;

/** The version from the jar manifest (or "dev" when run from classes). */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"swarmplay " + (version == null ? "dev" : version)
                + " (Java " + System.getProperty("java.version") + ")"};
    }
}
