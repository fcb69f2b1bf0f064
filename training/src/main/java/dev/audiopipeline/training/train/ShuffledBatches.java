package dev.audiopipeline.training.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Minibatches held in memory, in a new order every epoch (drawn from the seed and the epoch: the same on every
 * run), for training on one machine.
 */
final class ShuffledBatches implements MultiDataSetIterator {
    private static final long serialVersionUID = 1L;

    private final List<MultiDataSet> batches;
    private final long seed;
    private final boolean shuffle;
    private List<MultiDataSet> order;
    private int epoch;
    private int next;

    /**
     * @param shuffle a new order every epoch (training), or always the given order (validation)
     */
    ShuffledBatches(List<? extends MultiDataSet> batches, long seed, boolean shuffle) {
        this.batches = List.copyOf(batches);
        this.seed = seed;
        this.shuffle = shuffle;
        this.order = this.batches;
    }

    @Override
    public boolean hasNext() {
        return next < order.size();
    }

    @Override
    public MultiDataSet next() {
        return order.get(next++);
    }

    @Override
    public MultiDataSet next(int num) {
        return next();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        next = 0;
        epoch++;
        if (shuffle) {
            List<MultiDataSet> shuffled = new ArrayList<>(batches);
            Collections.shuffle(shuffled, new Random(seed * 31 + epoch));
            order = shuffled;
        }
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("the minibatches are encoded already");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }
}
