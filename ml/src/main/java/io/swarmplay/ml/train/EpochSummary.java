package io.swarmplay.ml.train;

import io.swarmplay.ml.model.Metrics;

/**
 * One epoch's figures.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches (weighted by batch size)
 * @param trainAccuracy training accuracy over the epoch
 * @param validation metrics on the test set after the epoch
 * @param seconds wall time of the epoch including validation
 */
public record EpochSummary(int epoch, double trainLoss, double trainAccuracy, Metrics validation, double seconds) {
}
