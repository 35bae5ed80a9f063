package dev.deteval.runtime.optim;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Which parameters decoupled weight decay applies to, for
 * {@link EquationOptimizer.Builder#optDecoupledWeightDecay(float, Predicate)}. DJL hands an optimizer only a
 * parameter's id, so the choice is made up front from the network.
 */
public final class DecayTargets {

    private DecayTargets() {
    }

    /**
     * The ids of the parameters of type {@link Parameter.Type#WEIGHT} in {@code block} and its children:
     * the common recipe (as in most AdamW training set-ups) that leaves biases and normalisation scales
     * and shifts (batch norm's γ and β) undecayed. Call it once the network is assembled: the set is taken
     * now, and parameters added later are not decayed.
     *
     * @param block the network
     * @return a predicate that is true for those ids
     */
    public static Predicate<String> weightsOf(Block block) {
        Set<String> ids = block.getParameters().values().stream()
                .filter(p -> p.getType() == Parameter.Type.WEIGHT)
                .map(Parameter::getId)
                .collect(Collectors.toUnmodifiableSet());
        return ids::contains;
    }
}
