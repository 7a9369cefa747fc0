package io.swarmplay.playbook;

import io.swarmplay.source.SourcePosition;

import java.util.List;

/** {@code block}/{@code rescue}/{@code always}: try, catch, finally. Its options apply to every task inside. */
public record Block(String name, List<TaskNode> block, List<TaskNode> rescue, List<TaskNode> always,
                    TaskOptions options, SourcePosition at) implements TaskNode {

    public Block {
        block = List.copyOf(block);
        rescue = List.copyOf(rescue);
        always = List.copyOf(always);
    }
}
