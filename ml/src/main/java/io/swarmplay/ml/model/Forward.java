package io.swarmplay.ml.model;

/**
 * A forward pass as the graph computes it (for checks against a reference).
 *
 * @param logits {@code N × 10}
 * @param probabilities {@code N × 10}
 * @param meanLoss mean cross-entropy
 */
public record Forward(float[] logits, float[] probabilities, float meanLoss) {
}
