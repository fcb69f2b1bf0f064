package dev.audiopipeline.pipeline.source;

import dev.audiopipeline.pipeline.rejection.RejectionReason;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists every file under an input root on any Hadoop filesystem ({@code file://}, {@code hdfs://}, {@code s3a://}),
 * recursively, and reads labels and splits from its layout ({@link InputLayout}):
 * <ul>
 *   <li>{@code ROOT/train/<label>/...} and {@code ROOT/test/<label>/...} when the only folders under ROOT are
 *       {@code train} and {@code test};</li>
 *   <li>otherwise {@code ROOT/<label>/...}: the first folder below ROOT is the label (deeper folders are kept in the
 *       relative path);</li>
 *   <li>files directly under ROOT (or under {@code train}/{@code test}) have no label.</li>
 * </ul>
 * Hidden entries (a path component starting with {@code .} or {@code _}, as Hadoop and Spark treat them) are
 * skipped. Every other file is an input: what cannot be decoded is rejected later with its reason. Inputs whose
 * split the layout does not give are assigned one by {@link TrackSplit}.
 */
public final class AudioInputLister {

    private final Configuration hadoopConfiguration;
    private final TrackSplit trackSplit;

    public AudioInputLister(Configuration hadoopConfiguration, TrackSplit trackSplit) {
        this.hadoopConfiguration = hadoopConfiguration;
        this.trackSplit = trackSplit;
    }

    /**
     * Lists a root folder (or a single file).
     *
     * @throws FileNotFoundException if the root does not exist
     */
    public InputListing list(String rootUri) throws IOException {
        Path root = new Path(rootUri);
        FileSystem fs = root.getFileSystem(hadoopConfiguration);
        FileStatus rootStatus;
        try {
            rootStatus = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("input root not found: " + rootUri);
        }
        root = rootStatus.getPath(); // qualified: scheme, authority, no trailing slash
        if (rootStatus.isFile()) {
            String name = root.getName();
            return new InputListing(InputLayout.UNLABELED,
                    List.of(input(rootStatus, name, null, null)), List.of());
        }
        InputLayout layout = detectLayout(fs, root);
        List<AudioInput> inputs = new ArrayList<>();
        String rootPath = root.toUri().getPath();
        for (FileStatus file : FileTree.files(fs, root)) {
            String relative = relativePath(rootPath, file.getPath());
            if (isHidden(relative)) {
                continue;
            }
            inputs.add(inputFor(layout, file, relative));
        }
        inputs.sort(Comparator.comparing(AudioInput::path));
        return new InputListing(layout, inputs, List.of());
    }

    /**
     * Lists the files a manifest names ({@link ManifestReader}), relative paths resolved against the manifest's
     * folder; a named file that does not exist is a {@link RejectionReason#UNREADABLE} rejection, not a failure of
     * the listing.
     */
    public InputListing listManifest(String manifestUri) throws IOException {
        return listManifest(manifestUri, null);
    }

    /** As {@link #listManifest(String)}, with relative paths resolved against {@code rootUri} when it is given. */
    public InputListing listManifest(String manifestUri, String rootUri) throws IOException {
        Path manifest = new Path(manifestUri);
        FileSystem manifestFs = manifest.getFileSystem(hadoopConfiguration);
        List<ManifestReader.Entry> entries;
        try (var in = manifestFs.open(manifest)) {
            entries = ManifestReader.read(in, manifestUri);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("manifest not found: " + manifestUri);
        }
        Path base = rootUri != null ? new Path(rootUri) : manifestFs.getFileStatus(manifest).getPath().getParent();
        List<AudioInput> inputs = new ArrayList<>();
        List<InputRejection> rejected = new ArrayList<>();
        for (ManifestReader.Entry entry : entries) {
            Path path = new Path(entry.path());
            Path resolved = path.toUri().getScheme() != null ? path     // a full URI
                    : path.isAbsolute() ? manifestFs.makeQualified(path) // absolute, on the manifest's filesystem
                    : new Path(base, path);                              // relative to the manifest's folder
            FileStatus status;
            try {
                status = resolved.getFileSystem(hadoopConfiguration).getFileStatus(resolved);
            } catch (FileNotFoundException e) {
                rejected.add(new InputRejection(resolved.toString(), RejectionReason.UNREADABLE,
                        "listed in " + manifestUri + " line " + entry.line() + " but not found"));
                continue;
            }
            if (!status.isFile()) {
                rejected.add(new InputRejection(resolved.toString(), RejectionReason.UNREADABLE,
                        "listed in " + manifestUri + " line " + entry.line() + " but is a directory"));
                continue;
            }
            inputs.add(input(status, entry.path(), entry.label(), entry.split()));
        }
        inputs.sort(Comparator.comparing(AudioInput::path));
        return new InputListing(InputLayout.MANIFEST, inputs, rejected);
    }

    private AudioInput inputFor(InputLayout layout, FileStatus file, String relative) {
        String[] parts = relative.split("/");
        switch (layout) {
            case SPLIT_FOLDERS: {
                Split split = Split.parse(parts[0]);
                String label = parts.length > 2 ? parts[1] : null;
                return input(file, relative, label, split);
            }
            case LABEL_FOLDERS: {
                String label = parts.length > 1 ? parts[0] : null;
                return input(file, relative, label, null);
            }
            default:
                return input(file, relative, null, null);
        }
    }

    private AudioInput input(FileStatus file, String relative, String label, Split givenSplit) {
        Split split = givenSplit != null ? givenSplit : trackSplit.assign(relative);
        return new AudioInput(file.getPath().toString(), TrackSplit.trackId(relative), relative, label, split,
                givenSplit != null, file.getLen(), file.getModificationTime());
    }

    private static InputLayout detectLayout(FileSystem fs, Path root) throws IOException {
        boolean anyFolder = false;
        boolean onlySplitFolders = true;
        for (FileStatus child : fs.listStatus(root)) {
            String name = child.getPath().getName();
            if (!child.isDirectory() || isHidden(name)) {
                continue;
            }
            anyFolder = true;
            String lower = name.toLowerCase(Locale.ROOT);
            if (!name.equals(lower) || !(lower.equals("train") || lower.equals("test"))) {
                onlySplitFolders = false;
            }
        }
        if (!anyFolder) {
            return InputLayout.UNLABELED;
        }
        return onlySplitFolders ? InputLayout.SPLIT_FOLDERS : InputLayout.LABEL_FOLDERS;
    }

    private static String relativePath(String rootPath, Path file) {
        String path = file.toUri().getPath();
        String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
        if (!path.startsWith(prefix)) {
            throw new IllegalStateException(file + " is not below " + rootPath);
        }
        return path.substring(prefix.length());
    }

    private static boolean isHidden(String relativePath) {
        for (String part : relativePath.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
