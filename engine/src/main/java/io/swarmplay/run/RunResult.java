package io.swarmplay.run;

import io.swarmplay.report.Recap;

/** The recap of a run and the exit status it maps to. */
public record RunResult(Recap recap, ExitStatus status) {
}
