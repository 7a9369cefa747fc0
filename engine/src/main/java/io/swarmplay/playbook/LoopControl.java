package io.swarmplay.playbook;

/**
 * {@code loop_control}.
 *
 * @param loopVar  the item's variable name (default {@code item})
 * @param label    template shown instead of the item, or null
 * @param indexVar variable holding the 0-based index, or null
 */
public record LoopControl(String loopVar, String label, String indexVar) {

    public static final LoopControl DEFAULT = new LoopControl("item", null, null);
}
