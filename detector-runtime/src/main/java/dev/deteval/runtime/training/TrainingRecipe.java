package dev.deteval.runtime.training;

/**
 * Everything that decides a training run; an immutable value. {@link #DEFAULT} is the recipe the
 * benchmark in {@code docs/benchmarks.md} measures.
 *
 * @param steps optimizer steps (one batch each), at least 1
 * @param batchSize images per step, at least 1
 * @param learningRate peak learning rate of Adam
 * @param warmupSteps steps of linear warm-up from 0 to the peak, then a half-cosine to 0 at the last step
 * @param weightDecay decoupled weight decay λ (AdamW), per unit learning rate
 * @param width channels of the network's stride-4 layers
 * @param giouWeight weight of the GIoU box loss
 * @param l1Weight weight of the smooth-L1 box loss
 * @param seed seed of the training images, the validation images and the weight initialisation
 * @param evaluateEvery steps between two validation runs (and at the last step), at least 1
 * @param validationImages images in the validation set
 * @param patience validation runs without a better AP after which training stops early; 0 never stops
 */
public record TrainingRecipe(int steps, int batchSize, float learningRate, int warmupSteps, float weightDecay,
        int width, float giouWeight, float l1Weight, long seed, int evaluateEvery, int validationImages,
        int patience) {

    /**
     * The benchmark recipe: 5,000 steps of 8 images, Adam(W) at a peak learning rate of 0.02 with weight decay
     * 1e-4, width 64, GIoU weight 4, smooth-L1 weight 0.5, seed 1, validation on 300 images every 625 steps,
     * no early stop. About 154 s of the training thread's CPU time (163 s wall) on the reference machine when it
     * is quiet, more when it is busy (docs/benchmarks.md).
     */
    public static final TrainingRecipe DEFAULT =
            new TrainingRecipe(5000, 8, 2e-2f, 100, 1e-4f, 64, 4f, 0.5f, 1L, 625, 300, 0);

    /** Checks the ranges. */
    public TrainingRecipe {
        if (steps < 1 || batchSize < 1 || evaluateEvery < 1 || validationImages < 1) {
            throw new IllegalArgumentException("steps, batch size, evaluation interval and validation images must be"
                    + " at least 1");
        }
        if (!(learningRate > 0) || warmupSteps < 0 || !(weightDecay >= 0) || patience < 0) {
            throw new IllegalArgumentException("learning rate must be positive; warm-up, weight decay and patience"
                    + " must not be negative");
        }
    }

    /** This recipe with another number of steps (the evaluation interval is capped by it). */
    public TrainingRecipe withSteps(int newSteps) {
        return new TrainingRecipe(newSteps, batchSize, learningRate, Math.min(warmupSteps, newSteps / 4),
                weightDecay, width, giouWeight, l1Weight, seed, Math.min(evaluateEvery, newSteps), validationImages,
                patience);
    }

    /** This recipe with another seed. */
    public TrainingRecipe withSeed(long newSeed) {
        return new TrainingRecipe(steps, batchSize, learningRate, warmupSteps, weightDecay, width, giouWeight,
                l1Weight, newSeed, evaluateEvery, validationImages, patience);
    }

    /** This recipe with another batch size. */
    public TrainingRecipe withBatchSize(int newBatchSize) {
        return new TrainingRecipe(steps, newBatchSize, learningRate, warmupSteps, weightDecay, width, giouWeight,
                l1Weight, seed, evaluateEvery, validationImages, patience);
    }

    /** This recipe with another peak learning rate, network width and box-loss weights. */
    public TrainingRecipe withModel(float newLearningRate, int newWidth, float newGiouWeight, float newL1Weight) {
        return new TrainingRecipe(steps, batchSize, newLearningRate, warmupSteps, weightDecay, newWidth, newGiouWeight,
                newL1Weight, seed, evaluateEvery, validationImages, patience);
    }

    /** This recipe with another validation cadence, set size and patience. */
    public TrainingRecipe withValidation(int newEvaluateEvery, int newValidationImages, int newPatience) {
        return new TrainingRecipe(steps, batchSize, learningRate, warmupSteps, weightDecay, width, giouWeight,
                l1Weight, seed, newEvaluateEvery, newValidationImages, newPatience);
    }
}
