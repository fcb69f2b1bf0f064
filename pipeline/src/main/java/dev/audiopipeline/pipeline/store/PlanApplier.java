package dev.audiopipeline.pipeline.store;

import dev.audiopipeline.pipeline.source.FileTree;
import java.io.IOException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Carries out a {@link PublishPlan}'s moves and deletes so that it can be stopped anywhere and carried out again:
 * <ul>
 *   <li>before anything moves, every move must be possible: its source or its target must exist (a source that is
 *       gone with no target means rows are lost; nothing is deleted then and the output needs an operator);</li>
 *   <li>a move whose source is gone and whose target exists was done;</li>
 *   <li>a move whose source and target both exist was stopped half way where a rename copies (S3A copies each
 *       object, then deletes the sources): the move is finished file by file, a file found in both places counted
 *       as copied (object copies are atomic) when both have the same length;</li>
 *   <li>nothing is deleted before every move is verified to have landed.</li>
 * </ul>
 */
final class PlanApplier {

    private final FileSystem fs;

    PlanApplier(FileSystem fs) {
        this.fs = fs;
    }

    /** The moves, then the deletes, of {@code plan}; {@code step} is told after each. */
    void apply(PublishPlan plan, PublishStep step) throws IOException {
        requireEveryMovePossible(plan);
        int done = 0;
        step.after(done);
        for (PublishPlan.Move move : plan.moves()) {
            move(ExtractionStore.fromKey(move.from()), ExtractionStore.fromKey(move.to()), plan.run());
            step.after(++done);
        }
        requireEveryMoveLanded(plan);
        for (String delete : plan.deletes()) {
            fs.delete(ExtractionStore.fromKey(delete), false);
            step.after(++done);
        }
    }

    private void requireEveryMovePossible(PublishPlan plan) throws IOException {
        for (PublishPlan.Move move : plan.moves()) {
            Path from = ExtractionStore.fromKey(move.from());
            Path to = ExtractionStore.fromKey(move.to());
            if (!fs.exists(from) && !fs.exists(to)) {
                throw new IOException("publishing run " + plan.run() + " cannot be completed: " + to
                        + " is missing and so is the staged " + from + " it was to be moved from (removed by "
                        + "another process?). Nothing was deleted; the output needs an operator (README, "
                        + "'Interrupted runs')");
            }
        }
    }

    private void requireEveryMoveLanded(PublishPlan plan) throws IOException {
        for (PublishPlan.Move move : plan.moves()) {
            Path from = ExtractionStore.fromKey(move.from());
            Path to = ExtractionStore.fromKey(move.to());
            if (fs.exists(from) || !fs.exists(to)) {
                throw new IOException("publishing run " + plan.run() + ": the move of " + from + " to " + to
                        + " did not land; nothing was deleted");
            }
        }
    }

    /** Moves {@code from} to {@code to}, or finishes moving it. */
    private void move(Path from, Path to, String run) throws IOException {
        if (!fs.exists(from)) {
            return; // moved before an interruption (its target exists: checked first)
        }
        FileStatus source = fs.getFileStatus(from);
        if (!fs.exists(to)) {
            rename(from, to, run);
        } else if (source.isFile()) {
            finishFileMove(source, to, run);
        } else {
            // A directory rename that copies stopped part-way: some files are in both places, some in one.
            for (FileStatus file : FileTree.files(fs, from)) {
                String relative = fs.makeQualified(from).toUri().relativize(file.getPath().toUri()).getPath();
                Path target = new Path(to, relative);
                if (fs.exists(target)) {
                    finishFileMove(file, target, run);
                } else {
                    rename(file.getPath(), target, run);
                }
            }
            fs.delete(from, true);
        }
    }

    /** A file found both staged and in place: the copy is whole if the lengths agree, else it is made again. */
    private void finishFileMove(FileStatus source, Path to, String run) throws IOException {
        if (fs.getFileStatus(to).getLen() == source.getLen()) {
            fs.delete(source.getPath(), false);
        } else {
            fs.delete(to, false);
            rename(source.getPath(), to, run);
        }
    }

    private void rename(Path from, Path to, String run) throws IOException {
        fs.mkdirs(to.getParent());
        if (!fs.rename(from, to)) {
            throw new IOException("publishing run " + run + ": could not move " + from + " to " + to);
        }
    }
}
