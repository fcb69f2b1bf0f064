package dev.audiopipeline.training.trainer;

import java.util.Iterator;
import java.util.List;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * Minibatches given epoch by epoch: each {@link #reset()} moves on to the next epoch's list (the trainers reset
 * before every epoch, the first included). For replaying, in order, what a Spark worker fitted.
 */
final class EpochListIterator implements MultiDataSetIterator {

    private final List<List<MultiDataSet>> epochs;
    private int epoch = -1;
    private Iterator<MultiDataSet> current = List.<MultiDataSet>of().iterator();

    EpochListIterator(List<List<MultiDataSet>> epochs) {
        this.epochs = epochs;
    }

    @Override
    public void reset() {
        epoch++;
        current = epochs.get(epoch).iterator();
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean hasNext() {
        return current.hasNext();
    }

    @Override
    public MultiDataSet next() {
        return current.next();
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }
}
