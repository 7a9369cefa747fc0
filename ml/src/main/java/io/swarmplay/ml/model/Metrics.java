package io.swarmplay.ml.model;

/**
 * Loss and accuracy over a set of images.
 *
 * @param loss mean categorical cross-entropy
 * @param accuracy fraction of images whose most probable class is the label
 * @param count number of images
 */
public record Metrics(double loss, double accuracy, int count) {
}
