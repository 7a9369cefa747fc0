package io.swarmplay.ml.model;

/**
 * Metrics of one training step, computed before the update.
 *
 * @param meanLoss mean cross-entropy of the batch
 * @param correct images classified correctly
 * @param size batch size
 */
public record StepResult(float meanLoss, int correct, int size) {
}
