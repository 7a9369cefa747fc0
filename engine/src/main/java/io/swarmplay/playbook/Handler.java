package io.swarmplay.playbook;

import java.util.List;

/** A task run at the end of a play (or at {@code meta: flush_handlers}) once per notified host. */
public record Handler(Task task, List<String> listen) {

    public Handler {
        listen = List.copyOf(listen);
    }

    /** True when {@code notify: topic} names this handler or one of its listen topics. */
    public boolean answersTo(String topic) {
        return topic.equals(task.name()) || listen.contains(topic);
    }
}
