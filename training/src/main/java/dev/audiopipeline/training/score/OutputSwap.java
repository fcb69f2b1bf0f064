package dev.audiopipeline.training.score;

import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Replaces a whole output folder with a staged one: the old folder is first renamed to a hidden sibling
 * ({@code .NAME.replaced-UUID}), the staged one takes its name, then the old one is deleted. A run stopped between
 * the two renames leaves the old output under the hidden name; {@link #recover} puts it back (or, once the new
 * output is in place, deletes the leftover). On S3 a rename is a copy, so the window is longer but the order holds.
 */
final class OutputSwap {

    private static final String REPLACED = ".replaced-";

    private OutputSwap() {}

    static void replace(FileSystem fs, Path staging, Path target) throws IOException {
        Path replaced = new Path(target.getParent(), "." + target.getName() + REPLACED + UUID.randomUUID());
        if (fs.exists(target) && !fs.rename(target, replaced)) {
            throw new IOException("could not move the earlier results " + target + " aside to " + replaced);
        }
        if (!fs.rename(staging, target)) {
            throw new IOException("could not move the results from " + staging + " to " + target
                    + "; the earlier results are in " + replaced + " and the next run puts them back");
        }
        fs.delete(replaced, true);
    }

    /** Completes or undoes a replacement an earlier run did not finish. */
    static void recover(FileSystem fs, Path target) throws IOException {
        if (target.getParent() == null || !fs.exists(target.getParent())) {
            return;
        }
        String prefix = "." + target.getName() + REPLACED;
        for (FileStatus sibling : fs.listStatus(target.getParent())) {
            if (!sibling.getPath().getName().startsWith(prefix)) {
                continue;
            }
            if (fs.exists(target)) {
                fs.delete(sibling.getPath(), true);
            } else if (!fs.rename(sibling.getPath(), target)) {
                throw new IOException("an earlier run left " + target + " under " + sibling.getPath()
                        + " and it cannot be moved back");
            }
        }
    }
}
