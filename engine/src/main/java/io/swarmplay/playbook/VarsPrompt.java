package io.swarmplay.playbook;

/**
 * One entry of a play's {@code vars_prompt}: a play variable asked for before the play runs,
 * unless given with {@code -e}.
 *
 * @param name       the variable
 * @param prompt     the question (the name when absent)
 * @param defaultValue the value when the answer is empty or there is no terminal (raw, may be a template), or null
 * @param hidden     {@code private} (Ansible's default true): the answer is not echoed
 * @param confirm    ask twice, again until both answers match
 * @param unsafe     the answer is never rendered as a template
 */
public record VarsPrompt(String name, String prompt, Object defaultValue, boolean hidden, boolean confirm,
                         boolean unsafe) {
}
