package io.swarmplay.ml.data;

/**
 * The training and test sets of one data location.
 *
 * @param train images from {@code data_batch_1..5.bin}
 * @param test images from {@code test_batch.bin}
 */
public record CifarSplits(CifarDataset train, CifarDataset test) {
}
