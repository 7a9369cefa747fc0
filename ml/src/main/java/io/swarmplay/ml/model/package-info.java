/** The CIFAR-10 model on tensorflow-java; the only package that touches tensorflow types. */
package io.swarmplay.ml.model;
