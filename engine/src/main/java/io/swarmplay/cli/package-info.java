/**
 * The command line (picocli): turns flags into a {@link io.swarmplay.run.RunRequest}, picks the
 * reporters, and maps the outcome to an exit code — and nothing else.
 */
package io.swarmplay.cli;
