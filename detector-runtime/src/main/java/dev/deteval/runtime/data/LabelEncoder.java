package dev.deteval.runtime.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** Turns a scene's objects into the label arrays of one training record. */
@FunctionalInterface
public interface LabelEncoder {

    /**
     * Encodes one scene's labels.
     *
     * @param manager where the arrays are created
     * @param scene the scene whose objects are encoded
     * @return the label arrays of one record (no batch axis)
     */
    NDList encode(NDManager manager, Scene scene);
}
