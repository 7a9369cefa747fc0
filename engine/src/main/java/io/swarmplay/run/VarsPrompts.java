package io.swarmplay.run;

import io.swarmplay.playbook.Play;
import io.swarmplay.playbook.VarsPrompt;
import io.swarmplay.source.UnsafeText;

import java.io.Console;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A play's {@code vars_prompt}, answered before the play runs, as ansible-playbook 2.14 does: a
 * variable given with {@code -e} is not asked for; without a terminal nothing is asked (one
 * warning) and each variable takes its default, or null; an empty answer takes the default.
 */
final class VarsPrompts {

    /** The user's terminal. */
    interface Terminal {
        /** The answer to {@code question} (not echoed when {@code hidden}), or null at end of input. */
        String ask(String question, boolean hidden);

        void say(String line);

        /** The process's console, or null when stdin/stdout is not a terminal. */
        static Terminal console() {
            Console console = System.console();
            return console == null ? null : new Terminal() {
                @Override
                public String ask(String question, boolean hidden) {
                    char[] secret = hidden ? console.readPassword("%s", question) : null;
                    return hidden ? (secret == null ? null : new String(secret)) : console.readLine("%s", question);
                }

                @Override
                public void say(String line) {
                    console.printf("%s%n", line);
                }
            };
        }
    }

    static final String NOT_INTERACTIVE = "Not prompting as we are not in interactive mode";

    private VarsPrompts() {
    }

    /** The play with its prompted variables among its vars; the play itself when it has none to ask. */
    static Play answer(Play play, Map<String, Object> extraVars, Terminal terminal, Consumer<String> warn) {
        if (play.varsPrompt().isEmpty()) return play;
        Map<String, Object> vars = new LinkedHashMap<>(play.vars());
        boolean warned = false;
        for (VarsPrompt prompt : play.varsPrompt()) {
            if (extraVars.containsKey(prompt.name())) continue;
            if (terminal == null && !warned) {
                warn.accept(NOT_INTERACTIVE);
                warned = true;
            }
            vars.put(prompt.name(), value(prompt, terminal));
        }
        return play.withVars(vars);
    }

    private static Object value(VarsPrompt prompt, Terminal terminal) {
        String answer = terminal == null ? null : ask(prompt, terminal);
        Object value = answer == null || answer.isEmpty() ? prompt.defaultValue() : answer;
        if (value == null) value = "None"; // Ansible stores the text of a missing default: str(None)
        return prompt.unsafe() && value != null ? new UnsafeText(value.toString()) : value;
    }

    private static String ask(VarsPrompt prompt, Terminal terminal) {
        String question = prompt.defaultValue() == null ? prompt.prompt() + ": "
                : prompt.prompt() + " [" + prompt.defaultValue() + "]: ";
        while (true) {
            String answer = terminal.ask(question, prompt.hidden());
            if (!prompt.confirm()) return answer;
            String again = terminal.ask("confirm " + question, prompt.hidden());
            if (java.util.Objects.equals(answer, again)) return answer;
            terminal.say("***** VALUES ENTERED DO NOT MATCH ****");
        }
    }
}
