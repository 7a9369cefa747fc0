package io.swarmplay.cli;

/** The main class of the stand-in jar {@link LauncherCdsTest} gives the launcher: says it ran, with its arguments. */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe ran: " + String.join(" ", args));
    }
}
