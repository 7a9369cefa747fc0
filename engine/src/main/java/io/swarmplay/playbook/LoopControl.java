package io.swarmplay.playbook;

/**
 * {@code loop_control}, as Ansible 2.14 reads it.
 *
 * @param loopVar          the item's variable name (default {@code item})
 * @param label            template shown instead of the item, or null
 * @param indexVar         variable holding the 0-based index, or null
 * @param extended         {@code extended}: set {@code ansible_loop} (index, revindex, first, last,
 *                         length, previtem, nextitem, allitems); without it Ansible sets none
 * @param extendedAllitems {@code extended_allitems}: with {@code extended}, include {@code allitems}
 * @param pauseSeconds     {@code pause}: seconds to wait between two items (0: none)
 */
public record LoopControl(String loopVar, String label, String indexVar, boolean extended, boolean extendedAllitems,
                          double pauseSeconds) {

    public static final LoopControl DEFAULT = new LoopControl("item", null, null);

    public LoopControl(String loopVar, String label, String indexVar) {
        this(loopVar, label, indexVar, false, true, 0);
    }
}
